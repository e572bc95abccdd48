import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { KeyIdField } from '../key-ids.js';
import { Station } from './station.types.js';
import { Veto } from './veto.types.js';

@ObjectType({ description: "A reviewer's score of one criterion (评审评分); it overrides the criterion's source." })
export class ReviewerAssessment {
  @Field()
  stationCode: string;

  @Field()
  rubricVersion: string;

  @Field(() => ID)
  criterionId: string;

  @Field()
  criterionCode: string;

  @Field(() => Float)
  points: number;

  @Field(() => Float)
  max: number;

  @Field()
  note: string;

  @Field(() => [String])
  evidenceRefs: string[];

  @KeyIdField('API key id of the reviewer')
  assessedBy: string | null;

  @Field()
  assessedAt: Date;
}

@ObjectType({ description: 'A reasonable missing item (合理缺项) marked by a reviewer: a criterion or a whole third-level indicator.' })
export class MissingItemMark {
  @Field()
  stationCode: string;

  @Field()
  rubricVersion: string;

  @Field(() => ID, { description: 'Criterion or third-level indicator id.' })
  itemId: string;

  @Field({ description: 'Its display code ("32③" or "32").' })
  itemCode: string;

  @Field()
  justification: string;

  @KeyIdField('API key id of the reviewer')
  markedBy: string | null;

  @Field()
  markedAt: Date;
}

@ObjectType({ description: 'Outcome of a reviewer mutation. The recompute of the station is queued (outbox) in the same transaction; its score changes once the pipeline has run.' })
export class ReviewPayload {
  @Field({ description: 'False when the request repeated what was already stored (nothing written, nothing queued).' })
  changed: boolean;

  @Field(() => Station)
  station: Station;
}

@ObjectType()
export class AssessCriterionPayload extends ReviewPayload {
  @Field(() => ReviewerAssessment)
  assessment: ReviewerAssessment;

  @Field(() => ReviewerAssessment, { nullable: true, description: 'The assessment it replaced.' })
  previous: ReviewerAssessment | null;
}

@ObjectType()
export class MissingItemPayload extends ReviewPayload {
  @Field(() => MissingItemMark, { nullable: true, description: 'The mark now stored (null after unmarking).' })
  mark: MissingItemMark | null;
}

@ObjectType()
export class LiftVetoPayload {
  @Field(() => Veto)
  veto: Veto;

  @Field(() => Station)
  station: Station;
}
