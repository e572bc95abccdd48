/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// Whole GraphQL answers are kept per (query, variables, role, region, day, data generation):
// a repeat costs no SQL; any committed change to what a query can read is seen by the next
// query; principals never share an answer; errors and mutations are never cached; a revoked
// key is refused even when its query is cached.
import { jest } from '@jest/globals';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { ChangeFeed } from '../../src/database/change-feed.js';
import { ResponseCache, type ResponseCacheStats } from '../../src/dashboard/response-cache/response-cache.js';
import { bearer, enforcementCase, person } from '../ingest/ingest-support.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { countStatements, gql, ok, PROVINCE, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
});

afterAll(async () => {
  await t.close();
});

const DETAIL = `query Detail($code: String!) {
  station(code: $code) {
    code name
    score { total stars criteria { code points reason } }
    roster { total established }
    vetoes(includeLifted: true) { id kind lifted }
    assessments { criterionCode points note }
    caseSummary { total }
  }
}`;

const PEOPLE = `query People($code: String!) { station(code: $code) { people { externalId name birthMonth enforcementCertNo } } }`;

const stats = (): ResponseCacheStats => t.app.get(ResponseCache).stats();

/** Change in the cache's counters while `run` runs. */
async function counted<T>(run: () => Promise<T>): Promise<{ result: T; hits: number; misses: number; refused: number; bypassed: number }> {
  const before = stats();
  const result = await run();
  const after = stats();
  return { result, hits: after.hits - before.hits, misses: after.misses - before.misses, refused: after.refused - before.refused, bypassed: after.bypassed - before.bypassed };
}

/** SQL statements of a request, without the API key lookup (keys are verified again every 10 s). */
async function sqlOf(run: () => Promise<unknown>): Promise<number> {
  const { statements } = await countStatements(t.dataSource, run);
  return statements.filter((sql) => !/\bapi_key\b/.test(sql)).length;
}

test('a repeated query is answered from the cache: the same answer, no SQL', async () => {
  const code = s.farStation;
  let first: any;
  const cold = await counted(() => sqlOf(async () => (first = await ok(t, s.keys.province, DETAIL, { code }))));
  expect(cold).toMatchObject({ hits: 0, misses: 1 });
  expect(cold.result).toBeGreaterThan(0);
  expect(first.station.score.criteria.length).toBeGreaterThan(100);

  let again: any;
  const warm = await counted(() => sqlOf(async () => (again = await ok(t, s.keys.province, DETAIL, { code }))));
  expect(warm).toMatchObject({ hits: 1, misses: 0, result: 0 });
  expect(again).toEqual(first);
  expect(stats().entries).toBeGreaterThan(0);
});

test('a roster pushed over REST (PUT …/personnel) is in the next answer', async () => {
  const code = s.countyStation;
  await ok(t, s.keys.county, DETAIL, { code });
  expect((await counted(() => ok(t, s.keys.county, DETAIL, { code }))).hits).toBe(1);

  await t.http().put(`/api/v1/stations/${code}/personnel`).set(bearer(s.keys.county)).send({ items: [person(0), person(1), person(4)] }).expect(200);
  const after = await counted(() => ok(t, s.keys.county, DETAIL, { code }));
  expect(after.hits).toBe(0);
  expect(after.result.station.roster).toEqual({ total: 3, established: 2 });
  const people = await ok(t, s.keys.county, PEOPLE, { code });
  expect(people.station.people.map((p: any) => p.externalId)).toEqual(['P0000', 'P0001', 'P0004']);
});

test('a case pushed over REST (PATCH …/cases) is in the next answer', async () => {
  const code = s.countyStation;
  const before = await ok(t, s.keys.county, DETAIL, { code });
  await t.http().patch(`/api/v1/stations/${code}/cases`).set(bearer(s.keys.county)).send({ items: [enforcementCase(9001)] }).expect(200);
  const after = await ok(t, s.keys.county, DETAIL, { code });
  expect(after.station.caseSummary.total).toBe(before.station.caseSummary.total + 1);
});

test('a veto written in SQL and a veto lifted through GraphQL are in the next answer', async () => {
  const code = s.farStation;
  const before = await ok(t, s.keys.province, DETAIL, { code });
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-05-01', '其他', 'PUSHED', 'rc-1') RETURNING id`,
    [code],
  );
  const pushed = await ok(t, s.keys.province, DETAIL, { code });
  expect(pushed.station.vetoes).toHaveLength(before.station.vetoes.length + 1);
  expect(pushed.station.vetoes.find((v: any) => v.id === String(id))).toMatchObject({ kind: 'OTHER', lifted: false });

  await ok(t, s.keys.province, `mutation($id: String!) { liftVeto(vetoId: $id, reason: "核实有误") { veto { lifted } } }`, { id: String(id) });
  const lifted = await ok(t, s.keys.province, DETAIL, { code });
  expect(lifted.station.vetoes.find((v: any) => v.id === String(id))).toMatchObject({ lifted: true });
});

test("a reviewer's assessment is in the next answer; the mutation answers only once the change feed has heard of it", async () => {
  const code = s.farStation;
  await ok(t, s.keys.province, DETAIL, { code });
  // Notifications normally arrive well within a millisecond, so a read right after the
  // mutation would rarely catch the gap; a slow sync() shows that the answer waits for it.
  const feed = t.app.get(ChangeFeed);
  const sync = feed.sync.bind(feed);
  let synced = 0;
  const slow = jest.spyOn(feed, 'sync').mockImplementation(async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    await sync();
    synced++;
  });
  try {
    // Straight over HTTP, not through gql(): no sync() of the test's own before the read.
    const mutation = await t.graphql(
      `mutation($s: String!) { assessCriterion(stationCode: $s, criterionId: "1①", points: 0.5, note: "现场核查：咨询记录不全") { changed } }`,
      { s: code },
      s.keys.province,
    );
    expect(mutation.body).toEqual({ data: { assessCriterion: { changed: true } } });
    expect(synced).toBe(1);
  } finally {
    slow.mockRestore();
  }
  const read = await t.graphql(DETAIL, { code }, s.keys.province);
  expect(read.body.data.station.assessments).toContainEqual({ criterionCode: '1①', points: 0.5, note: '现场核查：咨询记录不全' });
});

describe('principals never share an answer', () => {
  test('a COUNTY key sees the personal fields of its county; PROVINCE and CITY keys get FORBIDDEN on them, even after the county key cached its answer', async () => {
    const code = s.countyStation;
    const county = await ok(t, s.keys.county, PEOPLE, { code });
    expect(county.station.people.length).toBeGreaterThan(0);
    expect(county.station.people.every((p: any) => typeof p.name === 'string' && p.name.length > 0)).toBe(true);
    expect((await counted(() => ok(t, s.keys.county, PEOPLE, { code }))).hits).toBe(1);

    for (const key of [s.keys.province, s.keys.city]) {
      const { result: body, hits } = await counted(() => gql(t, key, PEOPLE, { code }));
      expect(hits).toBe(0);
      expect(new Set(body.errors!.map((e) => `${e.extensions.code} ${e.path!.at(-1)}`))).toEqual(new Set(['FORBIDDEN name', 'FORBIDDEN birthMonth', 'FORBIDDEN enforcementCertNo']));
      expect(body.data!.station.people[0]).toMatchObject({ name: null, birthMonth: null, enforcementCertNo: null });
    }
    // Another county of the same city may not even read the station (for it, there is none).
    const other = await counted(() => gql(t, s.keys.otherCounty, PEOPLE, { code }));
    expect(other.hits).toBe(0);
    expect(other.result.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
  });

  test('the same query by keys of other roles or regions runs for each of them', async () => {
    const query = `query($code: String!) { station(code: $code) { code score { total } } }`;
    const code = s.countyStation;
    const keys = [s.keys.admin, s.keys.province, s.keys.city, s.keys.county];
    for (const key of keys) expect(await counted(() => ok(t, key, query, { code }))).toMatchObject({ hits: 0, misses: 1 });
    for (const key of keys) expect(await counted(() => ok(t, key, query, { code }))).toMatchObject({ hits: 1, misses: 0 });
  });
});

test('answers with errors are not cached', async () => {
  const query = `{ station(code: "130402998") { code } }`;
  for (let i = 0; i < 2; i++) {
    const run = await counted(() => gql(t, s.keys.province, query));
    expect(run.result.errors!.map((e) => e.extensions.code)).toEqual(['NOT_FOUND']);
    expect(run).toMatchObject({ hits: 0, misses: 1, refused: 1 });
  }
});

test('mutations are not cached: the same mutation runs again', async () => {
  const mutation = `mutation($s: String!) { markMissingItem(stationCode: $s, itemId: "32", justification: "辖区无特种设备监管职责") { changed } }`;
  const first = await counted(() => ok(t, s.keys.province, mutation, { s: s.farStation }));
  const second = await counted(() => ok(t, s.keys.province, mutation, { s: s.farStation }));
  expect(first).toMatchObject({ hits: 0, misses: 0, bypassed: 1, result: { markMissingItem: { changed: true } } });
  expect(second).toMatchObject({ hits: 0, misses: 0, bypassed: 1, result: { markMissingItem: { changed: false } } });
});

test('a revoked key gets UNAUTHENTICATED even though its query is cached', async () => {
  const key = await t.apiKey('PROVINCE', PROVINCE);
  const twin = await t.apiKey('PROVINCE', PROVINCE);
  const query = `query($code: String!) { station(code: $code) { code name } }`;
  await ok(t, key, query, { code: s.farStation });
  expect((await counted(() => ok(t, key, query, { code: s.farStation }))).hits).toBe(1);

  const [{ id }] = await t.dataSource.query(`SELECT id FROM api_key WHERE prefix = $1`, [key.split('_')[1]]);
  expect(await t.app.get(ApiKeyService).revoke(id)).toBe(true);
  const refused = await counted(() => gql(t, key, query, { code: s.farStation }));
  expect(refused).toMatchObject({ hits: 0, bypassed: 1 });
  expect(refused.result.data).toBeNull();
  expect(refused.result.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  // The entry is still there for a live key of the same role and region.
  expect((await counted(() => ok(t, twin, query, { code: s.farStation }))).hits).toBe(1);
});

test('the operation name and the variables are part of the key; the order of variables is not', async () => {
  const query = `query A($code: String!, $level: Int!) { station(code: $code) { code score { indicators(level: $level) { code } } } } query B { about { service } }`;
  const send = (body: Record<string, unknown>) => t.http().post('/graphql').set(bearer(s.keys.province)).set('content-type', 'application/json').send(JSON.stringify(body));
  await t.app.get(ChangeFeed).sync();
  const a = await counted(() => send({ query, operationName: 'A', variables: { code: s.farStation, level: 1 } }));
  const reordered = await counted(() => send({ query, operationName: 'A', variables: { level: 1, code: s.farStation } }));
  const level2 = await counted(() => send({ query, operationName: 'A', variables: { code: s.farStation, level: 2 } }));
  const b = await counted(() => send({ query, operationName: 'B' }));
  expect([a.misses, reordered.hits, level2.misses, b.misses]).toEqual([1, 1, 1, 1]);
  expect(reordered.result.body).toEqual(a.result.body);
  expect(level2.result.body).not.toEqual(a.result.body);
  expect(b.result.body).toEqual({ data: { about: { service: 'station-scorecard' } } });
});

test('with the change feed down nothing is served from or stored in the cache; it resumes by itself', async () => {
  const query = `query($code: String!) { station(code: $code) { code roster { total } } }`;
  const code = s.farStation;
  await ok(t, s.keys.province, query, { code });
  await t.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'station-scorecard-change-feed' AND datname = current_database()`);
  const feed = t.app.get(ChangeFeed);
  for (let i = 0; i < 50 && feed.dataGeneration() !== null; i++) await new Promise((r) => setTimeout(r, 20));
  expect(feed.dataGeneration()).toBeNull();
  for (let i = 0; i < 2; i++) {
    const down = await counted(() => sqlOf(() => ok(t, s.keys.province, query, { code })));
    expect(down).toMatchObject({ hits: 0, misses: 0, bypassed: 1 });
    expect(down.result).toBeGreaterThan(0);
  }
  for (let i = 0; i < 100 && feed.dataGeneration() === null; i++) await new Promise((r) => setTimeout(r, 50));
  expect(feed.dataGeneration()).not.toBeNull();
  expect(await counted(() => ok(t, s.keys.province, query, { code }))).toMatchObject({ misses: 1 });
  expect(await counted(() => ok(t, s.keys.province, query, { code }))).toMatchObject({ hits: 1 });
});
