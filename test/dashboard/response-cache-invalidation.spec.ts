// The response cache is only as correct as its notifications: every table a GraphQL query can
// read must notify at commit after any INSERT, UPDATE, DELETE or TRUNCATE, and a table added
// later must not be forgotten. Rankings and summaries follow the score data only.
import { ChangeFeed } from '../../src/database/change-feed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

/** Tables no GraphQL query reads: a change to them must not empty the cache. */
// Evidence files: a file's row never changes after upload and cannot be deleted while
// attached, and attachments change only in the same transaction as the application,
// review or inspection that names them (whose tables notify), so no cached answer goes
// stale through them alone.
const BOOKKEEPING = ['api_key', 'audit_log', 'file_attachment', 'file_object', 'idempotency_record', 'outbox_event', 'recompute_run_chunk'];
/** Tables behind rankings, summaries, regions and station rows (migration ScoreDataNotifications). */
const SCORE_DATA = ['region', 'station', 'station_score'];

// pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32.
const AFTER_STATEMENT_ALL_EVENTS = `(tg.tgtype & 3) = 0 AND (tg.tgtype & 60) = 60`;

const tables = () => [...new Set(t.dataSource.entityMetadatas.map((m) => m.tableName))].sort();

test('every table of the schema notifies after every kind of statement, except the bookkeeping ones', async () => {
  const rows = await t.dataSource.query<{ table: string; fn: string }[]>(
    `SELECT c.relname AS table, p.proname AS fn
     FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid
     WHERE NOT tg.tgisinternal AND p.proname LIKE 'notify\\_%' AND ${AFTER_STATEMENT_ALL_EVENTS}`,
  );
  const notifying = new Map(rows.map((r) => [r.table, r.fn]));
  const expected = tables()
    .filter((table) => !BOOKKEEPING.includes(table))
    .map((table) => [table, SCORE_DATA.includes(table) ? 'notify_score_data_changed' : 'notify_station_data_changed']);
  expect([...notifying].sort()).toEqual(expected);
  expect(tables()).toEqual(expect.arrayContaining(BOOKKEEPING));
});

test('a statement on any table moves the data generation, and the score generation only for stations, scores and regions', async () => {
  const feed = t.app.get(ChangeFeed);
  const moved: Record<string, { data: boolean; score: boolean }> = {};
  const expected: typeof moved = {};
  for (const table of tables()) {
    await feed.sync();
    const before = { data: feed.dataGeneration()!, score: feed.generation()! };
    // A statement-level trigger fires even when no row matches.
    await t.dataSource.query(`DELETE FROM "${table}" WHERE false`);
    await feed.sync();
    moved[table] = { data: feed.dataGeneration()! > before.data, score: feed.generation()! > before.score };
    expected[table] = BOOKKEEPING.includes(table) ? { data: false, score: false } : { data: true, score: SCORE_DATA.includes(table) };
  }
  expect(moved).toEqual(expected);
});
