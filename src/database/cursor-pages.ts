import type { DataSource, EntityManager } from 'typeorm';

export interface CursorPage<T> {
  rows: T[];
  /** The cursor's transaction: further reads in the same snapshot. */
  manager: EntityManager;
}

/**
 * Pages of one statement through a server-side cursor in a read-only REPEATABLE READ
 * transaction, so a large read (a province's ranking, a round's results) streams from one
 * consistent snapshot without holding every row. The transaction ends also when the consumer
 * stops early (a client that went away).
 */
export async function* cursorPages<T>(db: DataSource, sql: string, params: unknown[], pageSize: number): AsyncGenerator<CursorPage<T>> {
  const runner = db.createQueryRunner();
  await runner.connect();
  let done = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await runner.query(`DECLARE pages NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows = (await runner.query(`FETCH ${pageSize} FROM pages`)) as T[];
      yield { rows, manager: runner.manager };
      if (rows.length < pageSize) break;
    }
    await runner.query('COMMIT');
    done = true;
  } finally {
    if (!done) await runner.query('ROLLBACK').catch(() => undefined);
    await runner.release();
  }
}
