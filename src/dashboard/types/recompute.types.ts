import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GqlRecomputeRunStatus, GqlRecomputeTrigger } from '../enums.js';
import { KeyIdField } from '../key-ids.js';

@ObjectType({ description: 'A full recompute of a scope, queued for the recompute pipeline, with its progress.' })
export class RecomputeRun {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Region whose stations are recomputed; null for every station.' })
  scopeRegionCode: string | null;

  @Field(() => GqlRecomputeTrigger)
  trigger: string;

  @Field(() => GqlRecomputeRunStatus)
  status: string;

  @Field({ description: 'YYYY-MM-DD' })
  cutOff: string;

  @Field(() => Int)
  total: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  failed: number;

  @Field(() => Int)
  changed: number;

  @KeyIdField('API key id that asked (null for the system)')
  requestedBy: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
