// Fails when an entity and the migrated schema disagree: an entity gained a column, an
// index or a constraint without a migration (run `npm run migration:generate -- Name`).
import { createDataSource } from '../../src/database/data-source.js';
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
    const diff = await dataSource.driver.createSchemaBuilder().log();
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
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  } finally {
    await dataSource.destroy();
  }
});
