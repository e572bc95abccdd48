import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and
 * everything else with the rows; callers of RETURNING statements want the rows either way.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
