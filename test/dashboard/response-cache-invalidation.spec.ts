// The response cache is only as correct as its notifications: every table a GraphQL query can
// read must notify at commit after any INSERT, UPDATE, DELETE or TRUNCATE, and a table added
// later must not be forgotten. Rankings and summaries follow the score data only.
import { ChangeFeed, type DataChange } from '../../src/database/change-feed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

/** Tables whose own changes need no notification (no GraphQL query reads them, or another table notifies for them): a change to them must not empty the cache. */
// Evidence files: a file's row never changes after upload and cannot be deleted while
// attached, and attachments change only in the same transaction as the application,
// review or inspection that names them (whose tables notify), so no cached answer goes
// stale through them alone.
// region_score_aggregate: written only by the triggers of station_score, in the statement
// that changes it, whose notification names the stations and regions (a table-wide one of its
// own would drop every cached answer at every score written).
const BOOKKEEPING = ['api_key', 'audit_log', 'file_attachment', 'file_object', 'idempotency_record', 'outbox_event', 'recompute_run_chunk', 'region_score_aggregate'];
/** Tables behind rankings, summaries, regions and station rows (migration ScoreDataNotifications). */
const SCORE_DATA = ['region', 'station', 'station_score'];

// pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32.
const ALL_EVENTS = 60;

const tables = () => [...new Set(t.dataSource.entityMetadatas.map((m) => m.tableName))].sort();

/** Tables whose notifications name the stations a statement touched (migration ScopedChangeNotifications). */
const STATION_SCOPED = [
  'annual_review', 'bonus_event', 'certification', 'complaint_figures', 'enforcement_case', 'equipment', 'missing_item_mark', 'person',
  'person_disciplinary_record', 'person_training', 'reviewer_assessment', 'score_criterion', 'score_indicator', 'score_snapshot', 'station',
  'station_score', 'veto_event',
];

test('every table of the schema notifies after every kind of statement on its channel, except the bookkeeping ones', async () => {
  // Triggers with transition tables take one event each: the events are summed over a table's triggers.
  const rows = await t.dataSource.query<{ table: string; events: number; after_statement: boolean; channels: string[]; scoped: boolean }[]>(
    `SELECT c.relname AS table, bit_or(tg.tgtype & ${ALL_EVENTS})::int AS events, bool_and((tg.tgtype & 3) = 0) AS after_statement,
            array_agg(DISTINCT CASE p.proname WHEN 'notify_rows_changed' THEN split_part(encode(tg.tgargs, 'escape'), '\\000', 1)
                                              WHEN 'notify_score_data_changed' THEN 'scorecard_score_data' ELSE 'scorecard_station_data' END) AS channels,
            bool_or(p.proname = 'notify_rows_changed') AS scoped
     FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_proc p ON p.oid = tg.tgfoid
     WHERE NOT tg.tgisinternal AND p.proname LIKE 'notify\\_%' AND c.relname <> 'api_key'
     GROUP BY c.relname`,
  );
  const notifying = rows.map((r) => [r.table, { events: r.events, afterStatement: r.after_statement, channels: r.channels, scoped: r.scoped }]).sort();
  const expected = tables()
    .filter((table) => !BOOKKEEPING.includes(table))
    .map((table) => [
      table,
      { events: ALL_EVENTS, afterStatement: true, channels: [SCORE_DATA.includes(table) ? 'scorecard_score_data' : 'scorecard_station_data'], scoped: STATION_SCOPED.includes(table) },
    ]);
  expect(notifying).toEqual(expected);
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

test('a statement on rows of stations names those stations and their regions; table-wide changes name none', async () => {
  const feed = t.app.get(ChangeFeed);
  const changes: DataChange[] = [];
  const off = feed.onDataChange((change) => changes.push(change));
  try {
    await t.dataSource.query(`INSERT INTO region (code, name, level, parent_code) VALUES ('130000', '河北省', 'PROVINCE', NULL), ('130400', '邯郸市', 'CITY', '130000'),
                              ('130402', '邯山区', 'COUNTY', '130400'), ('130403', '丛台区', 'COUNTY', '130400') ON CONFLICT DO NOTHING`);
    const station = (code: string, county: string) =>
      t.dataSource.query(
        `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
         VALUES ($1, $1, $2, '130400', '130000', 5, true, true, true, 'x')`,
        [code, county],
      );
    await station('SCOPED1', '130402');
    await station('SCOPED2', '130402');
    await feed.sync();
    changes.length = 0;
    await t.dataSource.query(`UPDATE station SET county_code = '130403' WHERE code = 'SCOPED1'`);
    await t.dataSource.query(`INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ('SCOPED2', 'OTHER', '2026-05-01', '其他', 'PUSHED', 'scope-1')`);
    await t.dataSource.query(`DELETE FROM star_policy WHERE false`);
    await feed.sync();
    expect(changes.map((c) => ({ ...c, regions: c.regions && [...c.regions].sort() }))).toEqual([
      // A station moving county: both counties.
      { table: 'station', tableWide: false, stations: ['SCOPED1'], regions: ['130000', '130400', '130402', '130403'] },
      { table: 'veto_event', tableWide: false, stations: ['SCOPED2'], regions: ['130000', '130400', '130402'] },
      { table: 'star_policy', tableWide: true, stations: null, regions: null },
    ]);
  } finally {
    off();
  }
});
