import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { WriteContext } from '../write-context.js';
import { IdempotencyRepository } from './idempotency.repository.js';

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
    const row = await new IdempotencyRepository(this.dataSource).findRecent(apiKeyId, key, IDEMPOTENCY_RETENTION_HOURS);
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
    const claimed = await new IdempotencyRepository(manager).claim(
      { apiKeyId: ctx.principal.keyId, key: claim.key, method: claim.method, path: claim.path.slice(0, 300), requestHash: claim.requestHash },
      IDEMPOTENCY_RETENTION_HOURS,
    );
    if (!claimed) throw new IdempotencyRaceLost();
  }

  /** Stores the answer of the claimed key, in the write's transaction. */
  async complete(manager: EntityManager, ctx: WriteContext, statusCode: number, body: unknown): Promise<void> {
    if (!ctx.idempotency) return;
    await new IdempotencyRepository(manager).storeAnswer(ctx.principal.keyId, ctx.idempotency.key, statusCode, JSON.stringify(body ?? null));
  }

  /** Deletes records past the retention period (for the nightly job); answers how many. */
  async purgeExpired(): Promise<number> {
    return new IdempotencyRepository(this.dataSource).deleteExpired(IDEMPOTENCY_RETENTION_HOURS);
  }
}
