// Every entity of the rounds module, in dependency order, for src/database/entities.ts.
import { RatingRoundRecord } from './rating-round.entity.js';
import { RoundApplicationRecord, RoundApplicationTransitionRecord } from './round-application.entity.js';
import { RoundAwardRevocationRecord, RoundResultRecord } from './round-result.entity.js';
import { RoundCriterionReviewRecord, RoundInspectionRecord, RoundMissingItemDecisionRecord, RoundObjectionRecord } from './round-review.entities.js';

export const RoundsEntities = [
  RatingRoundRecord,
  RoundApplicationRecord,
  RoundApplicationTransitionRecord,
  RoundCriterionReviewRecord,
  RoundInspectionRecord,
  RoundMissingItemDecisionRecord,
  RoundObjectionRecord,
  RoundResultRecord,
  RoundAwardRevocationRecord,
];
