import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { AuditLogRepository } from './audit-log.repository.js';

/** One changed row: created (before null), updated (both) or removed (after null). */
export interface AuditEntry {
  stationCode: string | null;
  entity: string;
  entityKey: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  /** Merged into `detail` beside `change` (e.g. a reviewer's points and note before and after). */
  detail?: Record<string, unknown>;
}

export type AuditChange = 'created' | 'updated' | 'removed';

export function changeOf(entry: Pick<AuditEntry, 'beforeDigest' | 'afterDigest'>): AuditChange {
  if (entry.beforeDigest === null) return 'created';
  return entry.afterDigest === null ? 'removed' : 'updated';
}

/**
 * The audit trail: one `audit_log` row per created, updated or removed row, written in the
 * caller's transaction with one statement whatever the number of rows. Unchanged rows are
 * not audited.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, ctx: WriteContext, action: string, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const system = ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId;
    const actor = { keyId: system ? null : ctx.principal.keyId, role: system ? 'SYSTEM' : ctx.principal.role, region: system ? null : ctx.principal.regionCode, requestId: ctx.requestId };
    await new AuditLogRepository(manager).insert(
      actor,
      action,
      entries.map((e) => ({
        stationCode: e.stationCode,
        entity: e.entity,
        entityKey: e.entityKey === null ? null : e.entityKey.slice(0, 128),
        beforeDigest: e.beforeDigest,
        afterDigest: e.afterDigest,
        change: changeOf(e),
        detail: e.detail === undefined ? null : JSON.stringify(e.detail),
      })),
    );
  }
}
