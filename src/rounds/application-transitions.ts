// The one way an application's status changes: the status table decides
// (assertTransition), the row moves only if nobody changed it meanwhile (its version), and
// the history gets one round_application_transition row, all in the caller's transaction.
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { WriteContext } from '../ingestion/write-context.js';
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
  const [updated] = await manager.query<{ version: number }[]>(
    `UPDATE round_application SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 AND version = $3 RETURNING version`,
    [application.id, to, application.version],
  ).then(returned);
  if (updated === undefined) {
    const [current] = await manager.query<{ status: string }[]>(`SELECT status FROM round_application WHERE id = $1`, [application.id]);
    throw DomainError.conflict(`the application changed meanwhile; it is ${current?.status ?? 'gone'} now`);
  }
  // editDraft keeps the status: a new version, no history row.
  if (to !== application.status) await recordTransition(manager, ctx, application.id, application.status, to, reason);
  return { status: to, version: updated.version };
}

/** One history row (from null: the draft was created). */
export async function recordTransition(manager: EntityManager, ctx: WriteContext, applicationId: string, from: ApplicationStatus | null, to: ApplicationStatus, reason: string | null = null): Promise<void> {
  const system = ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId;
  await manager.query(
    `INSERT INTO round_application_transition (application_id, from_status, to_status, actor_key_id, actor_role, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
    [applicationId, from, to, system ? null : ctx.principal.keyId, system ? 'SYSTEM' : ctx.principal.role, reason],
  );
}

/** UPDATE … RETURNING answers [rows, count] through TypeORM on PostgreSQL. */
function returned<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
