/** A DataSource or an EntityManager: whatever runs the statement. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}
