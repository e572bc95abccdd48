/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM answers those as [rows, count] on
 * PostgreSQL (INSERT … RETURNING answers the rows).
 */
export function returnedRows<T>(result: unknown): T[] {
  const value = result as unknown[];
  return Array.isArray(value[0]) ? (value[0] as T[]) : (value as T[]);
}
