// The audit_log table: many rows of one action in one statement.
import type { Queryable } from '../database/queryable.js';

/** Who acted (all null but the role for the system) and under which request. */
export interface AuditActor {
  keyId: string | null;
  role: string;
  region: string | null;
  requestId: string | null;
}

/** One audit row's own columns; `detail` is JSON text or null, `change` is merged into it. */
export interface AuditLogRow {
  stationCode: string | null;
  entity: string;
  entityKey: string | null;
  beforeDigest: string | null;
  afterDigest: string | null;
  change: string;
  detail: string | null;
}

export class AuditLogRepository {
  constructor(private readonly db: Queryable) {}

  async insert(actor: AuditActor, action: string, rows: readonly AuditLogRow[]): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_key_id, actor_role, actor_region, action, request_id, station_code, entity, entity_key, before_digest, after_digest, detail)
       SELECT $1::uuid, $2, $3::char(6), $4, $5, t.station_code, t.entity, t.entity_key, t.before_digest, t.after_digest, coalesce(t.detail, '{}'::jsonb) || jsonb_build_object('change', t.change)
       FROM unnest($6::varchar[], $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::text[], $12::jsonb[])
         AS t(station_code, entity, entity_key, before_digest, after_digest, change, detail)`,
      [
        actor.keyId,
        actor.role,
        actor.region,
        action,
        actor.requestId,
        rows.map((e) => e.stationCode),
        rows.map((e) => e.entity),
        rows.map((e) => e.entityKey),
        rows.map((e) => e.beforeDigest),
        rows.map((e) => e.afterDigest),
        rows.map((e) => e.change),
        rows.map((e) => e.detail),
      ],
    );
  }
}
