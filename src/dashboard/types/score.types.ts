import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GqlBonusCategory, GqlBonusLevel, GqlCriterionSource, GqlCriterionStatus, GqlVetoKind } from '../enums.js';
import { Connection, listOf } from './common.types.js';

/** A value, or a promise of it (the current score reads its snapshot only when asked). */
export type Lazy<T> = T | Promise<T>;

@ObjectType({ description: 'One star level of the policy as the score met it (highest first).' })
export class StarLevelResult {
  @Field(() => Int)
  stars: number;

  @Field(() => Float)
  threshold: number;

  @Field(() => Float, { description: 'The level\'s score on its own indicator set (re-based), plus bonus when the level includes it.' })
  score: number;

  @Field()
  passed: boolean;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A veto (否定项目) that blocked the score: any one makes the station ineligible for any star.' })
export class BlockingVeto {
  @Field(() => ID)
  id: string;

  @Field(() => GqlVetoKind)
  kind: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field()
  description: string;

  @Field(() => String, { nullable: true })
  personExternalId: string | null;
}

@ObjectType({ description: 'A bonus event (加分项目) as the score counted it.' })
export class BonusItem {
  @Field()
  eventKey: string;

  @Field(() => GqlBonusCategory)
  category: string;

  @Field(() => GqlBonusLevel)
  level: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => Float, { description: 'Worth by the bonus table, before dedupe and the cap.' })
  points: number;

  @Field({ description: 'False when a duplicate or outside its window.' })
  counted: boolean;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A reasonable missing item (合理缺项, note 4): left out, and the score re-based.' })
export class MissingItem {
  @Field(() => ID)
  criterionId: string;

  @Field()
  code: string;

  @Field(() => Float)
  max: number;

  @Field()
  reason: string;
}

@ObjectType({ description: 'Points of one indicator (any level) in a score.' })
export class IndicatorScore {
  @Field(() => ID)
  id: string;

  @Field({ description: '"一", "(十五)" or "32".' })
  code: string;

  @Field(() => Int)
  level: number;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  parentId: string | null;

  @Field(() => Float)
  points: number;

  @Field(() => Float)
  max: number;

  @Field(() => Float, { description: 'max minus the missing items under it.' })
  applicableMax: number;

  @Field({ description: '※ (third level only).' })
  starred: boolean;
}

@ObjectType({ description: 'Points, status and reason of one criterion in a score, with the rubric texts.' })
export class CriterionScore {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  indicatorId: string;

  @Field()
  indicatorCode: string;

  @Field()
  indicatorName: string;

  @Field({ description: "The rubric's text of the criterion." })
  text: string;

  @Field(() => Float)
  points: number;

  @Field(() => Float)
  max: number;

  @Field(() => GqlCriterionSource, { description: "The criterion's declared source." })
  source: string;

  @Field({ description: "True when a reviewer's assessment overrode the source." })
  assessed: boolean;

  @Field(() => GqlCriterionStatus)
  status: string;

  @Field({ description: 'One line built from the inputs ("本科及以上 7/10 = 70% ≥ 60%").' })
  reason: string;
}

@ObjectType({ description: 'One computed score of a station (a snapshot): never changed once written.' })
export class ScoreSnapshot {
  @Field(() => ID)
  id: string;

  @Field()
  stationCode: string;

  @Field({ description: "True for the station's current score." })
  current: boolean;

  @Field(() => Date, { description: 'When this result was computed (first evaluated).' })
  computedAt: Lazy<Date>;

  @Field(() => Date, { nullable: true, description: 'Current score only: when it was last re-evaluated (and confirmed unchanged).' })
  evaluatedAt: Date | null;

  @Field(() => String, { description: 'Cut-off date the windows ended on (YYYY-MM-DD).' })
  cutOff: Lazy<string>;

  @Field(() => String)
  rubricVersion: Lazy<string>;

  @Field(() => String)
  starPolicyId: Lazy<string>;

  @Field(() => String, { description: 'sha256 of the canonical inputs: equal hashes, equal scores.' })
  inputHash: Lazy<string>;

  @Field(() => Float, { description: 'Points on applicable criteria, no bonus.' })
  raw: Lazy<number>;

  @Field(() => Float, { description: '100 minus the max points of missing items.' })
  applicable: Lazy<number>;

  @Field(() => Float, { description: 'raw / applicable × 100.' })
  rebased: Lazy<number>;

  @Field(() => Float, { description: 'After dedupe and the cap of 10.' })
  bonus: Lazy<number>;

  @Field(() => Float, { description: 'rebased + bonus.' })
  total: number;

  @Field(() => Int, { description: '0 = no star level reached, or ineligible.' })
  stars: number;

  @Field({ description: 'False when a veto blocks every star level.' })
  eligible: boolean;

  @Field(() => Int, { description: 'Criteria waiting for a reviewer.' })
  pendingCount: number;

  @Field(() => Int)
  missingCount: Lazy<number>;

  @Field(() => String, { nullable: true, description: 'How missing items re-based the score.' })
  rebaseNote: Lazy<string | null>;

  @Field(() => [StarLevelResult])
  starLevels: Lazy<StarLevelResult[]>;

  @Field(() => [BlockingVeto])
  blockingVetoes: Lazy<BlockingVeto[]>;

  @Field(() => [BonusItem], { complexity: listOf(5) })
  bonusItems: Lazy<BonusItem[]>;

  @Field(() => [MissingItem], { complexity: listOf(3) })
  missingItems: Lazy<MissingItem[]>;
}

@ObjectType({ description: 'One side of a changed criterion.' })
export class CriterionSide {
  @Field(() => Float)
  points: number;

  @Field(() => Float)
  max: number;

  @Field(() => GqlCriterionStatus)
  status: string;

  @Field()
  assessed: boolean;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A criterion whose points differ between two scores, with both reasons.' })
export class CriterionChange {
  @Field(() => ID)
  criterionId: string;

  @Field()
  code: string;

  @Field()
  text: string;

  @Field()
  indicatorName: string;

  @Field(() => Float, { description: 'after − before.' })
  delta: number;

  @Field(() => CriterionSide, { nullable: true })
  before: CriterionSide | null;

  @Field(() => CriterionSide, { nullable: true })
  after: CriterionSide | null;
}

@ObjectType({ description: 'What changed between the scores in force at two instants.' })
export class ScoreChange {
  @Field(() => ScoreSnapshot, { nullable: true, description: 'The score in force at `from` (null: none yet).' })
  from: ScoreSnapshot | null;

  @Field(() => ScoreSnapshot, { nullable: true, description: 'The score in force at `to`.' })
  to: ScoreSnapshot | null;

  @Field(() => Float, { nullable: true })
  totalDelta: number | null;

  @Field(() => [CriterionChange], { complexity: listOf(10) })
  changes: CriterionChange[];
}

@ObjectType()
export class ScoreSnapshotConnection extends Connection(ScoreSnapshot, 'ScoreSnapshot') {}
