import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { GqlIndicatorSetKind } from '../enums.js';
import { RecomputeRun } from './recompute.types.js';

@ObjectType({ description: 'One star level: which indicators it uses and its threshold.' })
export class StarLevelRule {
  @Field(() => Int)
  stars: number;

  @Field(() => GqlIndicatorSetKind)
  indicatorSet: string;

  @Field(() => [String], { description: 'LIST only: third-level indicator ids.' })
  indicatorIds: string[];

  @Field(() => Float, { description: 'On a 100-point base re-based over the set, plus bonus when includeBonus.' })
  threshold: number;

  @Field()
  includeBonus: boolean;
}

@ObjectType({ description: "A province's star policy (note 2), or the national default." })
export class StarPolicy {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'null for the national default.' })
  provinceCode: string | null;

  @Field(() => Int, { nullable: true, description: 'Version within the province; null for the national default.' })
  version: number | null;

  @Field()
  name: string;

  @Field()
  rubricVersion: string;

  @Field(() => [StarLevelRule])
  levels: StarLevelRule[];

  @Field(() => Int, { description: '7④: days after the decision within which a case must be entered.' })
  caseEntryDeadlineDays: number;

  @Field(() => Date, { nullable: true })
  createdAt: Date | null;
}

@ObjectType()
export class SetStarPolicyPayload {
  @Field(() => StarPolicy)
  policy: StarPolicy;

  @Field(() => RecomputeRun, { description: "The POLICY_CHANGE run queued for the province's stations." })
  recomputeRun: RecomputeRun;
}

@InputType()
export class StarLevelRuleInput {
  @Field(() => Int)
  stars: number;

  @Field(() => GqlIndicatorSetKind)
  indicatorSet: 'ALL' | 'STARRED' | 'LIST';

  @Field(() => [String], { nullable: true, description: 'Required for LIST: third-level indicator ids or codes ("32").' })
  indicatorIds?: string[] | null;

  @Field(() => Float)
  threshold: number;

  @Field({ defaultValue: true })
  includeBonus: boolean;
}

@InputType()
export class StarPolicyInput {
  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the rubric of the policy in force.' })
  rubricVersion?: string | null;

  @Field(() => [StarLevelRuleInput])
  levels: StarLevelRuleInput[];

  @Field(() => Int, { defaultValue: 7 })
  caseEntryDeadlineDays: number;
}
