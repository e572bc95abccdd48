/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// N+1 guards: list queries run a bounded number of SQL statements whatever the page size,
// recorded through the DataSource's logger. 64 stations, so a per-row query would show.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countStatements, ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  // Measures the layers below the response cache, which would answer repeats with no SQL.
  t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_BYTES: '0' } });
  s = await seedProvince(t);
  // The key is verified (and cached) once; the counts below are of the queries themselves.
  for (const key of Object.values(s.keys)) await ok(t, key, `{ rubric { version } }`);
});

afterAll(async () => {
  await t.close();
});

const STATIONS = `query($first: Int!) { stations(first: $first) { edges { node { code name countyName cityName provinceName score { total stars eligible } } } pageInfo { hasNextPage } } }`;

test.each([10, 50])('stations(first: %i) with score, star and region names: at most 5 statements', async (first) => {
  let data: any;
  const { count, statements } = await countStatements(t.dataSource, async () => {
    data = await ok(t, s.keys.province, STATIONS, { first });
  });
  expect(data.stations.edges).toHaveLength(first);
  expect(data.stations.edges.every((e: any) => e.node.score && e.node.countyName)).toBe(true);
  expect(count).toBeLessThanOrEqual(5);
  // One statement: the page with region names and the current score's headline.
  expect(statements).toHaveLength(1);
});

test('stations(first: 50) asking for the whole score header: one more statement, then none', async () => {
  const query = `{ stations(first: 50) { edges { node { code score { total rebased bonus cutOff rubricVersion starLevels { stars passed } } } } } }`;
  const cold = await countStatements(t.dataSource, () => ok(t, s.keys.province, query));
  expect(cold.count).toBe(2);
  // Snapshots never change, so the second time they come from the process cache.
  const warm = await countStatements(t.dataSource, () => ok(t, s.keys.province, query));
  expect(warm.count).toBe(1);
});

test('stations(first: 50) with every station relation stays bounded', async () => {
  const query = `{ stations(first: 50) { totalCount edges { node { code countyName score { total indicators(level: 1) { points } pendingCriteria { code } }
      roster { established } equipment { lines } caseSummary { total } complaints { year } vetoes { kind } assessments { points } missingItemMarks { itemId }
      cases(first: 2) { edges { node { caseNumber } } } scoreHistory(first: 2) { edges { node { total } } } } } } }`;
  let data: any;
  const { count, statements } = await countStatements(t.dataSource, async () => {
    data = await ok(t, s.keys.admin, query);
  });
  expect(data.stations.edges).toHaveLength(50);
  // page, count, snapshots, people, equipment, cases summary, complaints, vetoes,
  // assessments, marks, case pages, history: one statement each, none per station.
  expect(statements.length).toBe(count);
  expect(count).toBeLessThanOrEqual(12);
});

test('region summary: at most 5 statements, cold or cached', async () => {
  const query = `{ region(code: "130000") { name summary { stationCount starCounts { count } ineligibleCount averageTotal totalDistribution { count }
      firstLevelAverages { averagePoints } weakestIndicators { code } completeness { pending assessed } } } }`;
  const cold = await countStatements(t.dataSource, () => ok(t, s.keys.province, query));
  expect(cold.count).toBeLessThanOrEqual(5);
  // Until a committed change to stations, scores or regions, it is answered from memory.
  const warm = await countStatements(t.dataSource, () => ok(t, s.keys.province, query));
  expect(warm.count).toBe(0);
});

test('summaries of every city at once stay bounded', async () => {
  const query = `{ regions(parentCode: "130000") { code stationCount summary { stationCount averageTotal firstLevelAverages { averagePoints } completeness { pending } } } }`;
  let data: any;
  const { count } = await countStatements(t.dataSource, async () => {
    data = await ok(t, s.keys.province, query);
  });
  expect(data.regions).toHaveLength(11);
  expect(count).toBeLessThanOrEqual(5);
});

test('rankings of 100 with region names: 1 statement (then none until a change)', async () => {
  const query = `{ rankings(regionCode: "130000", first: 100) { rank station { code name countyName score { total stars } } } }`;
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, query))).count).toBe(1);
  expect((await countStatements(t.dataSource, () => ok(t, s.keys.province, query))).count).toBe(0);
});

test('station detail: a handful of statements', async () => {
  const query = `query($c: String!) { station(code: $c) { name countyName cityName score { total stars criteria { code points reason } indicators { points } }
      roster { established } vetoes { kind } scoreChange { changes { code } } } }`;
  const { count } = await countStatements(t.dataSource, () => ok(t, s.keys.province, query, { c: s.farStation }));
  expect(count).toBeLessThanOrEqual(7);
});
