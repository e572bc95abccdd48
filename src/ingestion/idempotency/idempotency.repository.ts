// The idempotency_record table: a key claimed at the start of a write, its answer stored
// before the write commits, old records purged.
import type { Queryable } from '../../database/queryable.js';
import { returnedRows } from '../../database/returned-rows.js';

/** What a claim stores (the answer comes later). */
export interface IdempotencyClaim {
  apiKeyId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

export class IdempotencyRepository {
  constructor(private readonly db: Queryable) {}

  /** The record of the key created within the last `hours`, if any. */
  async findRecent(apiKeyId: string, key: string, hours: number): Promise<{ request_hash: string; status_code: number; response_body: unknown } | undefined> {
    const [row] = await this.db.query<{ request_hash: string; status_code: number; response_body: unknown }[]>(
      `SELECT request_hash, status_code, response_body FROM idempotency_record
       WHERE api_key_id = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
      [apiKeyId, key, hours],
    );
    return row;
  }

  /** Inserts the claim, or takes over a record older than `hours`; false when a live record holds the key. */
  async claim(claim: IdempotencyClaim, hours: number): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO idempotency_record (api_key_id, key, method, path, request_hash, status_code, response_body)
       VALUES ($1, $2, $3, $4, $5, 0, 'null'::jsonb)
       ON CONFLICT (api_key_id, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, created_at = now()
         WHERE idempotency_record.created_at <= now() - make_interval(hours => $6)
       RETURNING 1`,
      [claim.apiKeyId, claim.key, claim.method, claim.path, claim.requestHash, hours],
    );
    return returnedRows(result).length > 0;
  }

  /** The answer as JSON text (a jsonb string, replayed byte for byte). */
  async storeAnswer(apiKeyId: string, key: string, statusCode: number, bodyJson: string): Promise<void> {
    await this.db.query(`UPDATE idempotency_record SET status_code = $3, response_body = to_jsonb($4::text) WHERE api_key_id = $1 AND key = $2`, [apiKeyId, key, statusCode, bodyJson]);
  }

  /** Deletes records created `hours` ago or earlier; answers how many. */
  async deleteExpired(hours: number): Promise<number> {
    const result: unknown = await this.db.query(`DELETE FROM idempotency_record WHERE created_at <= now() - make_interval(hours => $1)`, [hours]);
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }

  /** The nightly purge: records created more than `hours` ago. */
  async deleteOlderThan(hours: number): Promise<void> {
    await this.db.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [hours]);
  }
}
