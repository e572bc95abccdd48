import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GqlBonusCategory, GqlBonusLevel, GqlCriterionSource, GqlDuty, GqlStaffingType, GqlVetoKind } from '../enums.js';
import { listOf } from './common.types.js';

@ObjectType({ description: 'A numeric parameter of a data rule, as the rubric data sets it (thresholds are data, not code).' })
export class RuleParameter {
  @Field({ description: 'e.g. "minSharePct".' })
  name: string;

  @Field(() => Float)
  value: number;

  @Field({ description: 'e.g. "%", "人", "天".' })
  unit: string;

  @Field()
  description: string;
}

@ObjectType({ description: 'A scoring criterion (评分细则) with its points and where they come from.' })
export class RubricCriterion {
  @Field(() => ID, { description: 'Hierarchical id, e.g. "4.15.32.3".' })
  id: string;

  @Field({ description: 'Display code, e.g. "32③", or "33" for an indicator with one criterion.' })
  code: string;

  @Field(() => Int)
  ordinal: number;

  @Field()
  indicatorId: string;

  @Field({ description: "The document's text." })
  text: string;

  @Field(() => Float)
  points: number;

  @Field(() => GqlCriterionSource)
  source: string;

  @Field(() => String, { nullable: true, description: 'DATA criteria: the rule that computes them.' })
  dataRule: string | null;

  @Field(() => [RuleParameter], { description: 'DATA criteria: the numbers their rule compares with (empty for the others).' })
  parameters: RuleParameter[];

  @Field(() => [Int], { description: '附件3 items that must be yes (ATTESTED, and DATA criteria that also need an attestation).' })
  attestedItems: number[];

  @Field(() => GqlDuty, { nullable: true, description: 'Applies only to stations with this duty; otherwise a reasonable missing item.' })
  requiresDuty: string | null;
}

@ObjectType({ description: 'A third-level indicator (1..46).' })
export class RubricThirdLevelIndicator {
  @Field(() => ID)
  id: string;

  @Field({ description: '"1".."46"' })
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  points: number;

  @Field({ description: '※: required by the 4★ and 3★ ratings (note 2).' })
  starred: boolean;

  @Field(() => [String], { description: '五星所申报材料清单.' })
  materials: string[];

  @Field(() => [RubricCriterion], { complexity: listOf(3) })
  criteria: RubricCriterion[];
}

@ObjectType({ description: 'A second-level indicator (一)..(二十一).' })
export class RubricSecondLevelIndicator {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  points: number;

  @Field(() => [RubricThirdLevelIndicator], { complexity: listOf(3) })
  indicators: RubricThirdLevelIndicator[];
}

@ObjectType({ description: 'A first-level indicator 一..五.' })
export class RubricFirstLevelIndicator {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Float)
  points: number;

  @Field(() => [RubricSecondLevelIndicator], { complexity: listOf(5) })
  children: RubricSecondLevelIndicator[];
}

@ObjectType()
export class BonusLevelPoints {
  @Field(() => GqlBonusLevel)
  level: string;

  @Field(() => Float)
  points: number;
}

@ObjectType({ description: 'A bonus category (加分项目).' })
export class RubricBonusCategory {
  @Field(() => GqlBonusCategory)
  category: string;

  @Field(() => Int)
  number: number;

  @Field()
  text: string;

  @Field()
  evidence: string;

  @Field(() => Int, { description: 'Look-back window in years (note 10).' })
  windowYears: number;

  @Field(() => [BonusLevelPoints], { description: 'Points by level; empty when the event carries its own points.' })
  pointsByLevel: BonusLevelPoints[];

  @Field(() => Float, { nullable: true, description: 'Highest points an event of this category may carry (其他).' })
  eventPointsMax: number | null;
}

@ObjectType({ description: 'A veto kind (否定项目).' })
export class RubricVetoKind {
  @Field(() => GqlVetoKind)
  kind: string;

  @Field(() => Int)
  number: number;

  @Field()
  text: string;
}

@ObjectType()
export class NumberedText {
  @Field(() => Int)
  number: number;

  @Field()
  text: string;
}

@ObjectType({ description: 'How the rubric reads periods and staff (domain guide, "Periods"), as data of its version.' })
export class RubricEvaluationParameters {
  @Field(() => [GqlStaffingType], { description: '工作人员 in every ratio (note 11): established staff.' })
  establishedStaffingTypes: string[];

  @Field(() => [GqlStaffingType], { description: '公务员 (33): 行政编 and 参公编.' })
  civilServantStaffingTypes: string[];

  @Field(() => Int, { description: '7④ and 8 judge general-procedure cases closed in this many calendar months ending with the cut-off month.' })
  caseSampleMonths: number;

  @Field({ description: 'MM-DD: until this day of Y the rolling evaluation uses Y−2 for per-year figures of Y−1 not reported yet.' })
  previousYearFallbackUntil: string;

  @Field(() => Int, { description: 'A 附件3 certification vouches for its year and the next (Y and Y−1); older ones are expired.' })
  certificationValidYears: number;

  @Field({ description: 'Every star level compares its threshold with the total including the bonus.' })
  starThresholdsIncludeBonus: boolean;
}

@ObjectType({ description: 'A versioned rubric: the whole indicator tree with points, ※ and the source of every criterion.' })
export class Rubric {
  @Field()
  version: string;

  @Field()
  title: string;

  @Field(() => Float)
  totalPoints: number;

  @Field(() => Float, { description: 'Note 6: five stars needs at least this total.' })
  fiveStarMinimum: number;

  @Field(() => Float, { description: 'Points of the ※ indicators.' })
  starredPoints: number;

  @Field(() => [RubricFirstLevelIndicator])
  firstLevel: RubricFirstLevelIndicator[];

  @Field(() => Float)
  bonusCap: number;

  @Field(() => [RubricBonusCategory])
  bonusCategories: RubricBonusCategory[];

  @Field(() => [RubricVetoKind])
  vetoKinds: RubricVetoKind[];

  @Field(() => [NumberedText], { description: '有关说明.' })
  notes: NumberedText[];

  @Field(() => [NumberedText], { description: '附件3 items (number = item).' })
  certificationItems: NumberedText[];

  @Field(() => RubricEvaluationParameters)
  evaluation: RubricEvaluationParameters;
}
