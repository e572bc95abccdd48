import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../sql.js';
import type { WriteContext } from '../write-context.js';

/** How long a stored answer is replayed; the nightly job purges older records. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export interface StoredAnswer {
  requestHash: string;
  statusCode: number;
  responseBody: unknown;
}

/** Thrown inside a write when another request with the same key committed first. */
export class IdempotencyRaceLost extends Error {
  constructor() {
    super('another request with this Idempotency-Key was applied first');
  }
}

/**
 * Idempotency-Key records, scoped per API key. The key is claimed at the start of the
 * write's transaction (a concurrent request with the same key waits on the unique key, then
 * replays) and the answer stored before it commits, so a record exists exactly when the
 * write does.
 */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(apiKeyId: string, key: string): Promise<StoredAnswer | null> {
    const [row] = await this.dataSource.query<{ request_hash: string; status_code: number; response_body: unknown }[]>(
      `SELECT request_hash, status_code, response_body FROM idempotency_record
       WHERE api_key_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
      [apiKeyId, key, IDEMPOTENCY_RETENTION_HOURS],
    );
    if (!row) return null;
    // The answer is kept as its JSON text (a jsonb string) so that a replay is byte for byte
    // the first answer; a jsonb object would reorder its keys.
    const body = typeof row.response_body === 'string' ? (JSON.parse(row.response_body) as unknown) : row.response_body;
    return { requestHash: row.request_hash, statusCode: row.status_code, responseBody: body };
  }

  /** Claims the key for this transaction; an expired record of the same key is taken over. */
  async claim(manager: EntityManager, ctx: WriteContext): Promise<void> {
    const claim = ctx.idempotency;
    if (!claim) return;
    const rows = await queryRows(
      manager,
      `INSERT INTO idempotency_record (api_key_id, key, method, path, request_hash, status_code, response_body)
       VALUES ($1, $2, $3, $4, $5, 0, 'null'::jsonb)
       ON CONFLICT (api_key_id, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_record.created_at <= now() - make_interval(hours => $6)
       RETURNING 1`,
      [ctx.principal.keyId, claim.key, claim.method, claim.path.slice(0, 300), claim.requestHash, IDEMPOTENCY_RETENTION_HOURS],
    );
    if (rows.length === 0) throw new IdempotencyRaceLost();
  }

  /** Stores the answer of the claimed key, in the write's transaction. */
  async complete(manager: EntityManager, ctx: WriteContext, statusCode: number, body: unknown): Promise<void> {
    if (!ctx.idempotency) return;
    await manager.query(`UPDATE idempotency_record SET status_code = $3, response_body = to_jsonb($4::text) WHERE api_key_id = $1 AND key = $2`, [
      ctx.principal.keyId,
      ctx.idempotency.key,
      statusCode,
      JSON.stringify(body ?? null),
    ]);
  }

  /** Deletes records past the retention period (for the nightly job); answers how many. */
  async purgeExpired(): Promise<number> {
    const result: unknown = await this.dataSource.query(`DELETE FROM idempotency_record WHERE created_at <= now() - make_interval(hours => $1)`, [
      IDEMPOTENCY_RETENTION_HOURS,
    ]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
