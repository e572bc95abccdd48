// Rating rounds (评定批次), docs/rounds-api.md. Tables, and who writes which:
// - rating_round: RoundsService.open (this module); the review/publication helpers move
//   `status` (assertTransition('round', …)), set publication_*, published_at, confirmed_*,
//   early_confirm_reason and chain_head. star_policy jsonb is frozen at opening, never rewritten.
// - round_application (+ round_application_transition, one row per status change): county
//   REST (draft, submit → frozen_facts/frozen_input_hash via freezeFacts, withdraw); reviewers
//   (return, startReview, finishReview); confirmation (award / notAward); revoke (摘星).
//   Every status change goes through transitionApplication (application-transitions.ts).
// - round_criterion_review, round_inspection, round_missing_item_decision: province
//   reviewers over GraphQL; scoreApplication reads them as the overlay (round-overlay.ts).
// - round_objection: recorded and resolved during publication (PUBLICIZING).
// - round_result (hash chain, seq per round) and round_award_revocation: confirmation and
//   revocation only; rows are written once (immutability triggers come with confirmation).
import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module.js';
import { RubricModule } from '../rubric/rubric.module.js';
import { ApplicationsService } from './applications/applications.service.js';
import { RoundsController } from './applications/rounds.controller.js';
import { RoundPublicationService } from './review/round-publication.service.js';
import { RoundReviewService } from './review/round-review.service.js';
import { RoundVerificationService } from './review/round-verification.service.js';
import { RoundsService } from './rounds.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';

// The reviewers' services (review/): RoundReviewService (close, return, review, inspection,
// missing items), RoundPublicationService (publish, objections, confirm, revoke) and
// RoundVerificationService; their GraphQL resolvers are in graphql/ (RoundsGraphqlModule).
@Module({
  imports: [AuditModule, IngestionModule, RubricModule, FilesModule],
  controllers: [RoundsController],
  providers: [RoundsService, ApplicationsService, RoundReviewService, RoundPublicationService, RoundVerificationService],
  exports: [RoundsService, RoundReviewService, RoundPublicationService, RoundVerificationService],
})
export class RoundsModule {}
