import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import type { WriteContext } from '../ingestion/write-context.js';

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
    await manager.query(
      `INSERT INTO audit_log (actor_key_id, actor_role, actor_region, action, request_id, station_code, entity, entity_key, before_digest, after_digest, detail)
       SELECT $1::uuid, $2, $3::char(6), $4, $5, t.station_code, t.entity, t.entity_key, t.before_digest, t.after_digest, coalesce(t.detail, '{}'::jsonb) || jsonb_build_object('change', t.change)
       FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::text[], $12::jsonb[])
         AS t(station_code, entity, entity_key, before_digest, after_digest, change, detail)`,
      [
        system ? null : ctx.principal.keyId,
        system ? 'SYSTEM' : ctx.principal.role,
        system ? null : ctx.principal.regionCode,
        action,
        ctx.requestId,
        entries.map((e) => e.stationCode),
        entries.map((e) => e.entity),
        entries.map((e) => (e.entityKey === null ? null : e.entityKey.slice(0, 128))),
        entries.map((e) => e.beforeDigest),
        entries.map((e) => e.afterDigest),
        entries.map((e) => changeOf(e)),
        entries.map((e) => (e.detail === undefined ? null : JSON.stringify(e.detail))),
      ],
    );
  }
}
