// When a county may act on its application, beyond the application status table
// (round-status.ts): what the round's status and deadline allow. Every refusal is a 409
// naming the status that stands in the way (docs/rounds-api.md).
import { DomainError } from '../../common/errors/domain-error.js';
import type { Principal } from '../../auth/principal.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { assertTransition, type ApplicationStatus } from '../round-status.js';
import { canReadProvince } from '../rounds.service.js';

/** FORBIDDEN for a round of a province the key does not belong to (its existence is not a secret: rounds are published). */
export function assertRoundInRegion(principal: Principal, round: Pick<RatingRoundRecord, 'id' | 'provinceCode'>): void {
  if (!canReadProvince(principal, round.provinceCode)) {
    throw DomainError.forbidden(`rating round ${round.id} belongs to ${round.provinceCode}, outside this key's region (${principal.regionCode})`);
  }
}

/** CONFLICT unless the round still takes applications (OPEN, deadline not passed). */
export function assertTakesApplications(round: Pick<RatingRoundRecord, 'status' | 'applicationDeadline'>, now: Date): void {
  if (round.status !== 'OPEN') throw DomainError.conflict(`the round is ${round.status}; applications need OPEN`);
  if (now.getTime() >= round.applicationDeadline.getTime()) {
    throw DomainError.conflict(`the round is OPEN but its application deadline ${round.applicationDeadline.toISOString()} has passed; it takes no more applications`);
  }
}

/**
 * The application may be created, edited or submitted: a new one or a DRAFT while the round
 * takes applications; a RETURNED one (退回补正) while the round is OPEN or in REVIEW.
 * Answers the status the action leads to.
 */
export function assertCountyMayEdit(round: Pick<RatingRoundRecord, 'status' | 'applicationDeadline'>, status: ApplicationStatus | null, action: 'editDraft' | 'submit', now: Date): ApplicationStatus {
  const to = status === null ? 'DRAFT' : assertTransition('application', status, action);
  if (status === 'RETURNED') {
    if (round.status !== 'OPEN' && round.status !== 'REVIEW') throw DomainError.conflict(`the round is ${round.status}; a returned application may be corrected while the round is OPEN or REVIEW`);
    return to;
  }
  assertTakesApplications(round, now);
  return to;
}

/** Withdrawing: SUBMITTED, the round taking applications, and no review of it recorded yet. */
export function assertCountyMayWithdraw(round: Pick<RatingRoundRecord, 'status' | 'applicationDeadline'>, status: ApplicationStatus, reviewsRecorded: number, now: Date): void {
  assertTransition('application', status, 'withdraw');
  assertTakesApplications(round, now);
  if (reviewsRecorded > 0) throw DomainError.conflict(`the application is ${status} and its review has started (${reviewsRecorded} review records); it can no longer be withdrawn`);
}
