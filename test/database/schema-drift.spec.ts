// Fails when an entity and the migrated schema disagree: an entity gained a column, an
// index or a constraint without a migration (run `npx scorecard migrate generate Name`).
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { pendingSchemaChanges } from '../../src/database/schema-diff.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

test('the committed migrations produce exactly the schema the entities describe', async () => {
  const dataSource = createDataSource({ url: database.url, poolSize: 2, logging: ['error'] });
  await dataSource.initialize();
  try {
    const pending = await dataSource.showMigrations();
    expect(pending).toBe(false);
    const diff = await pendingSchemaChanges(dataSource);
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});

test('every migration can be reverted and re-applied', async () => {
  const dataSource = createDataSource({ url: database.url, poolSize: 2, logging: ['error'] });
  await dataSource.initialize();
  try {
    const count = dataSource.migrations.length;
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`);
    expect(tables).toEqual([]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await pendingSchemaChanges(dataSource)).upQueries).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});

test('the schema comparison sends one query at a time on a connection (pg deprecates overlapping queries)', async () => {
  const dataSource = createDataSource({ url: database.url, poolSize: 2, logging: ['error'] });
  await dataSource.initialize();
  const original = pg.Client.prototype.query;
  const running = new Map<object, number>();
  let overlapping = 0;
  // Counts, per client, queries sent while another one has not answered yet.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const active = running.get(this) ?? 0;
    if (active > 0) overlapping++;
    running.set(this, active + 1);
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) void result.finally(() => running.set(this, (running.get(this) ?? 1) - 1)).catch(() => undefined);
    else running.set(this, active);
    return result;
  } as typeof original;
  try {
    const diff = await pendingSchemaChanges(dataSource);
    expect(diff.upQueries).toEqual([]);
    expect(running.size).toBeGreaterThan(0);
    expect(overlapping).toBe(0);
  } finally {
    pg.Client.prototype.query = original;
    await dataSource.destroy();
  }
});
