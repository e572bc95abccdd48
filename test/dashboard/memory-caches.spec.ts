/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// Province rankings, summary headlines and regions are kept in memory only until a committed
// change to stations, scores or regions is reported by the change feed (LISTEN/NOTIFY);
// with the feed down, they are read from the database every time.
import { ChangeFeed } from '../../src/database/change-feed.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, countStatements, ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  // Measures the layers below the response cache, which would answer repeats with no SQL.
  t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_BYTES: '0' } });
  s = await seedProvince(t, 20);
  await ok(t, s.keys.province, `{ rubric { version } }`);
});

afterAll(async () => {
  await t.close();
});

const RANKING = `{ rankings(regionCode: "130000", first: 100) { rank station { code } } }`;
const SUMMARY = `{ region(code: "130000") { name summary { ineligibleCount scoredCount stationCount } } }`;

test('a committed score change is seen at once: the ranking and the summary are read again', async () => {
  const before = await ok(t, s.keys.province, RANKING);
  const summary = await ok(t, s.keys.province, SUMMARY);
  const top = before.rankings[0].station.code;
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, RANKING))).count).toBe(0);

  await t.dataSource.query(`INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-05-01', '其他', 'PUSHED', 'mc-1')`, [top]);
  await t.app.get(StationScoringService).score([top], { cutOff: AS_OF });

  const after = await countStatements(t.dataSource, () => ok(t, s.keys.province, RANKING));
  expect(after.count).toBe(1);
  const ranking = await ok(t, s.keys.province, RANKING);
  expect(ranking.rankings.map((r: any) => r.station.code)).not.toContain(top);
  const next = await ok(t, s.keys.province, SUMMARY);
  expect(next.region.summary.ineligibleCount).toBe(summary.region.summary.ineligibleCount + 1);
});

test('a roster or case change keeps the rankings in memory (only the data generation moves)', async () => {
  await ok(t, s.keys.province, RANKING);
  const feed = t.app.get(ChangeFeed);
  const before = { score: feed.generation(), data: feed.dataGeneration()! };
  await t.dataSource.query(`UPDATE person SET major = major WHERE station_code = $1`, [s.province.stationCodes[0]]);
  await t.dataSource.query(`DELETE FROM enforcement_case WHERE false`);
  const again = await countStatements(t.dataSource, () => ok(t, s.keys.province, RANKING));
  expect(again.count).toBe(0);
  expect(feed.generation()).toBe(before.score);
  expect(feed.dataGeneration()).toBeGreaterThan(before.data);
});

test('a new station and a renamed region are seen at once', async () => {
  await ok(t, s.keys.province, SUMMARY);
  await t.dataSource.query(
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest)
     SELECT 'MC-NEW', '新建所', county_code, city_code, province_code, 5, '{}', false, '{}', false, false, 'x' FROM station LIMIT 1`,
  );
  await t.dataSource.query(`UPDATE region SET name = '河北' WHERE code = '130000'`);
  const { region } = await ok(t, s.keys.province, SUMMARY);
  expect(region).toMatchObject({ name: '河北', summary: { stationCount: 21, scoredCount: 20 } });
});

test('with the change feed down nothing is served from memory; it comes back by itself', async () => {
  await ok(t, s.keys.province, RANKING);
  await t.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'station-scorecard-change-feed' AND datname = current_database()`);
  const feed = t.app.get(ChangeFeed);
  for (let i = 0; i < 50 && feed.generation() !== null; i++) await new Promise((r) => setTimeout(r, 20));
  expect(feed.generation()).toBeNull();
  // The ranking is read every time, and so is the API key (no cached key is trusted either).
  for (let i = 0; i < 2; i++) {
    const { statements } = await countStatements(t.dataSource, () => ok(t, s.keys.province, RANKING));
    expect(statements).toHaveLength(2);
    expect(statements.filter((sql) => sql.includes('FROM "api_key"'))).toHaveLength(1);
  }
  for (let i = 0; i < 100 && feed.generation() === null; i++) await new Promise((r) => setTimeout(r, 50));
  expect(feed.generation()).not.toBeNull();
  await ok(t, s.keys.province, RANKING);
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, RANKING))).count).toBe(0);
});

const DETAIL = `query($c: String!) { station(code: $c) { code name score { total } roster { total established } vetoes { kind description } } }`;

test("a station's row, roster counts and vetoes stay in memory until a change names that station", async () => {
  const [a, b] = s.province.stationCodes.slice(2, 4);
  const before = { a: await ok(t, s.keys.province, DETAIL, { c: a }), b: await ok(t, s.keys.province, DETAIL, { c: b }) };
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, DETAIL, { c: a }))).count).toBe(0);

  // Someone of station A left; a veto is pushed for it.
  await t.dataSource.query(`UPDATE person SET left_on = '2020-01-01' WHERE id = (SELECT min(id) FROM person WHERE station_code = $1 AND left_on IS NULL)`, [a]);
  await t.dataSource.query(`INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-05-02', '按站清除', 'PUSHED', 'mc-2')`, [a]);

  // B is still answered from memory; A is read again and shows both at once.
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, DETAIL, { c: b }))).count).toBe(0);
  const after = await countStatements(t.dataSource, async () => (before.a.after = await ok(t, s.keys.province, DETAIL, { c: a })));
  expect(after.count).toBeGreaterThan(0);
  expect(before.a.after.station.roster.total).toBe(before.a.station.roster.total - 1);
  expect(before.a.after.station.vetoes.map((v: any) => v.description)).toContain('按站清除');
  expect(await ok(t, s.keys.province, DETAIL, { c: b })).toEqual(before.b);
});
