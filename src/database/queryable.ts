import type { EntityManager } from 'typeorm';

/** A DataSource or an EntityManager: whatever runs the statement. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * A DataSource or an EntityManager for repositories that also use TypeORM's entity
 * statements (find, save) beside SQL.
 */
export type EntityStore = Pick<EntityManager, 'query' | 'getRepository'>;
