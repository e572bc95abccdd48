// What TypeORM would change to make the database match the entities: the drift check
// (test/database/schema-drift.spec.ts) and `scorecard migrate generate` both ask this.
//
// TypeORM 1.1's PostgresQueryRunner reads a table's array and enum columns in parallel on
// its ONE connection (Promise.all over the columns, each calling this.query), which pg 8
// deprecates ("Calling client.query() when the client is already executing a query") and
// pg 9 will refuse. The schema builder here gets query runners that send one query at a
// time; everything else is TypeORM's own.
import type { DataSource, QueryRunner } from 'typeorm';
import { RdbmsSchemaBuilder } from 'typeorm/schema-builder/RdbmsSchemaBuilder.js';
import type { SqlInMemory } from 'typeorm/driver/SqlInMemory.js';

export function pendingSchemaChanges(dataSource: DataSource): Promise<SqlInMemory> {
  // The same data source in every respect but the query runners it hands out.
  const sequential = Object.create(dataSource) as DataSource;
  sequential.createQueryRunner = (mode) => oneQueryAtATime(dataSource.createQueryRunner(mode));
  return new RdbmsSchemaBuilder(sequential).log();
}

function oneQueryAtATime(runner: QueryRunner): QueryRunner {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const result = previous.then(() => query(...args));
    previous = result.catch(() => undefined);
    return result;
  }) as QueryRunner['query'];
  return runner;
}
