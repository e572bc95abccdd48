// Finding and locking the round and application a reviewer's mutation acts on, with the
// checks every mutation shares: the role first (FORBIDDEN for CITY and COUNTY keys without
// telling them what exists), then NOT_FOUND for a round outside the key's province (the
// product hides existence, as for stations), then the key's province (FORBIDDEN).
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { checkStationCode, checkUuid } from '../../dashboard/args.js';
import { assertPermitted, assertRole } from '../../dashboard/permissions.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import type { RoundApplicationRecord } from '../round-application.entity.js';
import type { ApplicationStatus, RoundStatus } from '../round-status.js';
import { RoundsRepository } from '../rounds.repository.js';
import { canReadProvince } from '../rounds.service.js';

/**
 * The round, locked for the rest of the transaction, after the shared checks. Round-level steps
 * (close, publish, confirm, …) lock it FOR UPDATE; a step on one application locks it FOR SHARE
 * (and the application FOR UPDATE), so steps on different stations run side by side while a
 * round-level step still waits for them and they for it.
 */
export async function lockRoundFor(manager: EntityManager, principal: Principal, roundId: unknown, what: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<RatingRoundRecord> {
  assertRole(principal, 'manageRounds', what);
  const id = checkUuid(typeof roundId === 'string' ? roundId : '', 'roundId');
  const round = await new RoundsRepository(manager).find(id, mode === 'shared' ? 'pessimistic_read' : 'pessimistic_write');
  if (round === null || !canReadProvince(principal, round.provinceCode)) throw DomainError.notFound(`rating round ${id}`);
  assertPermitted(principal, 'manageRounds', round.provinceCode, what);
  return round;
}

/** The station's application in the round, locked; NOT_FOUND when the station has none. */
export async function lockApplication(manager: EntityManager, round: RatingRoundRecord, stationCode: unknown): Promise<RoundApplicationRecord> {
  const code = checkStationCode(typeof stationCode === 'string' ? stationCode : '', 'stationCode');
  const application = await new RoundApplicationsRepository(manager).lockRecord(round.id, code);
  if (application === null) throw DomainError.notFound(`an application of station ${code} in round ${round.id}`);
  return application;
}

/** CONFLICT naming the round's status unless it is one of `allowed`. */
export function assertRoundStatus(round: RatingRoundRecord, allowed: readonly RoundStatus[], action: string): void {
  if (!allowed.includes(round.status)) throw DomainError.conflict(`the round is ${round.status}; ${action} needs ${allowed.join(' or ')}`);
}

/** CONFLICT naming the application's status unless it is one of `allowed`. */
export function assertApplicationStatus(application: RoundApplicationRecord, allowed: readonly ApplicationStatus[], action: string): void {
  if (!allowed.includes(application.status)) throw DomainError.conflict(`the application of ${application.stationCode} is ${application.status}; ${action} needs ${allowed.join(' or ')}`);
}

/**
 * Ends the application phase of an OPEN round, in the caller's transaction: status REVIEW and
 * applications_closed_at in the same UPDATE (the table's check ties them). Answers the round
 * as it is afterwards.
 */
export async function closeApplicationsIn(manager: EntityManager, round: RatingRoundRecord): Promise<RatingRoundRecord> {
  const rounds = new RoundsRepository(manager);
  await rounds.closeApplications(round.id);
  return rounds.get(round.id);
}
