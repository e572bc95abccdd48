// The one way an application's status changes: the status table decides
// (assertTransition), the row moves only if nobody changed it meanwhile (its version), and
// the history gets one round_application_transition row, all in the caller's transaction.
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { RoundApplicationsRepository } from './applications/applications.repository.js';
import { assertTransition, type ApplicationAction, type ApplicationStatus } from './round-status.js';

export interface ApplicationState {
  id: string;
  status: ApplicationStatus;
  /** round_application.version as read by the caller. */
  version: number;
}

/**
 * Moves the application by `action` and records it; answers the new status and version.
 * CONFLICT naming the status when the action is not allowed, or when the row changed since
 * it was read (another request got there first).
 */
export async function transitionApplication(
  manager: EntityManager,
  ctx: WriteContext,
  application: ApplicationState,
  action: ApplicationAction,
  reason: string | null = null,
): Promise<{ status: ApplicationStatus; version: number }> {
  const to = assertTransition('application', application.status, action);
  const applications = new RoundApplicationsRepository(manager);
  const updated = await applications.moveStatus(application.id, to, application.version);
  if (updated === undefined) {
    const current = await applications.statusOf(application.id);
    throw DomainError.conflict(`the application changed meanwhile; it is ${current ?? 'gone'} now`);
  }
  // editDraft keeps the status: a new version, no history row.
  if (to !== application.status) await recordTransition(manager, ctx, application.id, application.status, to, reason);
  return { status: to, version: updated.version };
}

/** One history row (from null: the draft was created). */
export async function recordTransition(manager: EntityManager, ctx: WriteContext, applicationId: string, from: ApplicationStatus | null, to: ApplicationStatus, reason: string | null = null): Promise<void> {
  const system = ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId;
  await new RoundApplicationsRepository(manager).insertTransition(applicationId, from, to, { keyId: system ? null : ctx.principal.keyId, role: system ? 'SYSTEM' : ctx.principal.role }, reason);
}
