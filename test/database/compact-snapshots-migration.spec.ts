// Migration CompactScoreSnapshots: snapshots written with indicator and criterion rows are
// folded into the snapshot row (JSON arrays in rubric order), the tables become views of the
// same names and columns answering the same rows, and a snapshot's result can no longer be
// updated in place.
import { createDataSource } from '../../src/database/data-source.js';
import type { DataSource } from 'typeorm';
import { revertThrough } from '../support/migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const MIGRATION = 'CompactScoreSnapshots1796551011562';

let database: TestDatabase;
let dataSource: DataSource;

/** Back to the schema before the migration (later migrations first). */
const revertPastMigration = (): Promise<void> => revertThrough(dataSource, MIGRATION);

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource({ url: database.url, poolSize: 1, logging: false });
  await dataSource.initialize();
  await revertPastMigration();
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const CRITERIA = [
  ['1.1.2.1', '2.0', '2.0', 'DATA', false, 'MET', 'reason b'],
  ['1.1.10.1', '0.0', '1.0', 'ASSESSED', true, 'PENDING_ASSESSMENT', 'reason c'],
  ['1.1.1.1', '1.5', '3.0', 'DATA', false, 'PARTLY_MET', '本科及以上 7/10 = 70% ≥ 60%'],
];
const INDICATORS = [
  ['1.1', 2, '3.5', '6.0', '6.0'],
  ['1', 1, '3.5', '6.0', '6.0'],
  ['1.1.1', 3, '1.5', '3.0', '3.0'],
];

test('old rows are folded into the snapshot row and read back through views of the same names', async () => {
  await dataSource.transaction(async (m) => {
    // Orphan rows are enough here: no station or region needed.
    await m.query(`SET LOCAL session_replication_role = replica`);
    await m.query(
      `INSERT INTO score_snapshot (id, station_code, cut_off, rubric_version, star_policy_id, input_hash, result_digest, raw, applicable, rebased, bonus, total, stars, eligible, pending_count, missing_count, blocking_vetoes, star_levels, bonus_items, missing_items)
       OVERRIDING SYSTEM VALUE VALUES (7, 'S1', '2026-06-30', 'national-2023', 'p', repeat('a', 64), repeat('b', 64), 5, 100, 5, 0, 5, 0, true, 1, 0, '[]', '[]', '[]', '[]'),
                                      (8, 'S2', '2026-06-30', 'national-2023', 'p', repeat('c', 64), repeat('d', 64), 0, 100, 0, 0, 0, 0, true, 0, 0, '[]', '[]', '[]', '[]')`,
    );
    for (const c of CRITERIA) await m.query(`INSERT INTO score_criterion VALUES (7, $1, $2, $3, $4, $5, $6, $7)`, c);
    for (const i of INDICATORS) await m.query(`INSERT INTO score_indicator VALUES (7, $1, $2, $3, $4, $5)`, i);
  });
  const before = {
    criteria: await dataSource.query(`SELECT * FROM score_criterion ORDER BY criterion_id`),
    indicators: await dataSource.query(`SELECT * FROM score_indicator ORDER BY indicator_id`),
  };
  await dataSource.runMigrations({ transaction: 'each' });

  const kinds = await dataSource.query(`SELECT relname, relkind FROM pg_class WHERE relname IN ('score_criterion', 'score_indicator') ORDER BY relname`);
  expect(kinds).toEqual([
    { relname: 'score_criterion', relkind: 'v' },
    { relname: 'score_indicator', relkind: 'v' },
  ]);
  expect(await dataSource.query(`SELECT * FROM score_criterion ORDER BY criterion_id`)).toEqual(before.criteria);
  expect(await dataSource.query(`SELECT * FROM score_indicator ORDER BY indicator_id`)).toEqual(before.indicators);
  const [stored] = await dataSource.query(`SELECT criteria, indicators FROM score_snapshot WHERE id = 7`);
  // Rubric order: numeric, not textual (1.1.2 before 1.1.10).
  expect(stored.criteria.map((c: unknown[]) => c[0])).toEqual(['1.1.1.1', '1.1.2.1', '1.1.10.1']);
  expect(stored.criteria[0]).toEqual(['1.1.1.1', 1.5, 3.0, 'DATA', false, 'PARTLY_MET', '本科及以上 7/10 = 70% ≥ 60%']);
  expect(stored.indicators.map((i: unknown[]) => i[0])).toEqual(['1', '1.1', '1.1.1']);
  expect(await dataSource.query(`SELECT criteria, indicators FROM score_snapshot WHERE id = 8`)).toEqual([{ criteria: [], indicators: [] }]);
  // The view's column types are the tables' (numeric(3,1) comes back as '1.5').
  const columns = await dataSource.query(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'score_criterion' ORDER BY ordinal_position`,
  );
  expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual(['snapshot_id', 'criterion_id', 'points', 'max', 'source', 'assessed', 'status', 'reason']);
});

test("a snapshot's result cannot be updated in place", async () => {
  await expect(dataSource.query(`UPDATE score_snapshot SET criteria = '[]' WHERE id = 7`)).rejects.toThrow(/immutable/);
  await expect(dataSource.query(`UPDATE score_snapshot SET total = 6 WHERE id = 7`)).rejects.toThrow(/immutable/);
});

test('reverting the migration gives the rows back as tables', async () => {
  const rows = await dataSource.query(`SELECT * FROM score_criterion ORDER BY criterion_id`);
  await revertPastMigration();
  expect(await dataSource.query(`SELECT relkind FROM pg_class WHERE relname = 'score_criterion'`)).toEqual([{ relkind: 'r' }]);
  expect(await dataSource.query(`SELECT * FROM score_criterion ORDER BY criterion_id`)).toEqual(rows);
  await dataSource.runMigrations({ transaction: 'each' });
});
