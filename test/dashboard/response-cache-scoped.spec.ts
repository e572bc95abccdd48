/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// A write to one station drops that station's cached answers only; region-wide answers
// (summaries, lists) are read anew at most once per refresh interval under a stream of
// writes, and never serve a change later than one interval; a second API process on the same
// database sees the writes of the first.
import { ResponseCache } from '../../src/dashboard/response-cache/response-cache.js';
import { ChangeFeed } from '../../src/database/change-feed.js';
import { bearer, person } from '../ingest/ingest-support.js';
import { spawnTs, type TsProcess } from '../support/child-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, ok, PROVINCE, seedProvince, type Seeded } from './dashboard-support.js';

const REFRESH_MS = 400;

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_REFRESH_MS: String(REFRESH_MS) } });
  s = await seedProvince(t, 16);
});

afterAll(async () => {
  await t.close();
});

const DETAIL = `query($code: String!) { station(code: $code) { code roster { total } score { total } vetoes { kind } } }`;
const SUMMARY = `query($code: String!) { region(code: $code) { summary { stationCount scoredCount } } }`;

const stats = () => t.app.get(ResponseCache).stats();

async function hitsOf(run: () => Promise<unknown>): Promise<{ hits: number; misses: number }> {
  const before = stats();
  await run();
  const after = stats();
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
}

let added = 0;
/** A new station of COUNTY, straight in SQL: the province's station count grows by one. */
async function addStation(): Promise<void> {
  const code = `${COUNTY}S${String(++added).padStart(3, '0')}`;
  await t.dataSource.query(
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
     VALUES ($1, $1, $2, $3, $4, 5, true, true, true, 'x')`,
    [code, COUNTY, `${COUNTY.slice(0, 4)}00`, PROVINCE],
  );
}

test("a push to station A leaves B's cached detail a hit and makes A's a miss with the new roster", async () => {
  const [a, b] = s.province.stationCodes;
  await ok(t, s.keys.province, DETAIL, { code: a });
  await ok(t, s.keys.province, DETAIL, { code: b });
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: b }))).toEqual({ hits: 1, misses: 0 });

  await t.http().put(`/api/v1/stations/${a}/personnel`).set(bearer(s.keys.province)).send({ items: [person(0), person(1)] }).expect(200);
  let answer: any;
  expect(await hitsOf(async () => (answer = await ok(t, s.keys.province, DETAIL, { code: a })))).toEqual({ hits: 0, misses: 1 });
  expect(answer.station.roster.total).toBe(2);
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: b }))).toEqual({ hits: 1, misses: 0 });
});

test('a veto written to station A in SQL drops A only; a table-wide change (a region renamed) drops B too', async () => {
  const [a, b] = s.province.stationCodes;
  await ok(t, s.keys.province, DETAIL, { code: a });
  await ok(t, s.keys.province, DETAIL, { code: b });
  await t.dataSource.query(`INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-05-01', '其他', 'PUSHED', 'scoped-1')`, [a]);
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: a }))).toEqual({ hits: 0, misses: 1 });
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: b }))).toEqual({ hits: 1, misses: 0 });
  await t.dataSource.query(`UPDATE region SET name = name WHERE code = $1`, [PROVINCE]);
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: b }))).toEqual({ hits: 0, misses: 1 });
});

test('a recompute run moving along drops the answers listing runs, not station or region answers', async () => {
  const [, b] = s.province.stationCodes;
  const RUNS = `{ recomputeRuns(first: 5) { id status done } }`;
  await ok(t, s.keys.province, DETAIL, { code: b });
  await ok(t, s.keys.province, SUMMARY, { code: PROVINCE });
  const before = (await ok(t, s.keys.province, RUNS)).recomputeRuns.length;
  // finished already, so that no worker takes it up
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO recompute_run (trigger, cut_off, scope_region_code, status, total) VALUES ('MANUAL', '2026-06-30', $1, 'SUCCEEDED', 10) RETURNING id`,
    [PROVINCE],
  );
  await t.dataSource.query(`UPDATE recompute_run SET done = done + 1 WHERE id = $1`, [id]);
  // the run is seen at once; station details and summaries stay in the cache
  let runs: any;
  expect(await hitsOf(async () => (runs = await ok(t, s.keys.province, RUNS)))).toEqual({ hits: 0, misses: 1 });
  expect(runs.recomputeRuns).toHaveLength(before + 1);
  expect(await hitsOf(() => ok(t, s.keys.province, DETAIL, { code: b }))).toEqual({ hits: 1, misses: 0 });
  await new Promise((r) => setTimeout(r, REFRESH_MS + 50));
  expect(await hitsOf(() => ok(t, s.keys.province, SUMMARY, { code: PROVINCE }))).toEqual({ hits: 1, misses: 0 });
});

test('a summary under a stream of writes is served from the cache, read anew at most once per interval, and at most one interval old', async () => {
  const count = async () => (await ok(t, s.keys.province, SUMMARY, { code: PROVINCE })).region.summary.stationCount as number;
  const base = await count();
  // Commit times of the writes (the n-th entry: the station count is base + n + 1 from then on).
  const committed: number[] = [];
  const answers: { sentAt: number; count: number }[] = [];
  const before = stats();
  const until = Date.now() + 5 * REFRESH_MS;
  const writer = (async () => {
    while (Date.now() < until) {
      await addStation();
      committed.push(Date.now());
      await new Promise((r) => setTimeout(r, 30));
    }
  })();
  const reader = (async () => {
    while (Date.now() < until) {
      const sentAt = Date.now();
      // Straight over HTTP: gql()'s sync() would not change what is tested, only slow the loop.
      const res = await t.graphql(SUMMARY, { code: PROVINCE }, s.keys.province);
      answers.push({ sentAt, count: res.body.data.region.summary.stationCount });
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  await Promise.all([writer, reader]);
  const after = stats();
  const misses = after.misses - before.misses;
  const hits = after.hits - before.hits;
  expect(committed.length).toBeGreaterThan(20);
  expect(hits).toBeGreaterThan(3 * misses);
  // One miss per interval at most (the first change is taken in at once), plus the edges.
  expect(misses).toBeLessThanOrEqual(Math.ceil((5 * REFRESH_MS) / REFRESH_MS) + 2);
  // Every answer holds every write committed one interval (and a margin for the notification) before it was asked for.
  const margin = 100;
  for (const answer of answers) {
    const seen = committed.filter((at) => at <= answer.sentAt - REFRESH_MS - margin).length;
    expect(answer.count).toBeGreaterThanOrEqual(base + seen);
  }
  // And once the stream stops, the next answer after one interval holds every write.
  await new Promise((r) => setTimeout(r, REFRESH_MS + 50));
  expect(await count()).toBe(base + committed.length);
});

test("a mutation's own client sees it in region-wide answers at once, whatever the interval", async () => {
  const station = s.province.stationCodes[3];
  const LIST = `query($code: String!) { stations(filter: { regionCode: $code, hasVeto: true }, first: 100) { totalCount } }`;
  const before = (await ok(t, s.keys.province, LIST, { code: PROVINCE })).stations.totalCount;
  // Make the region's last refresh recent, so that only the mutation can take the change in.
  await addStation();
  await ok(t, s.keys.province, LIST, { code: PROVINCE });
  await ok(t, s.keys.province, `mutation($s: String!) { markMissingItem(stationCode: $s, itemId: "32", justification: "辖区无特种设备监管职责") { changed } }`, { s: station });
  const feed = t.app.get(ChangeFeed);
  await feed.sync();
  // The list itself does not change with a mark; what matters is that it is read anew.
  expect(await hitsOf(() => ok(t, s.keys.province, LIST, { code: PROVINCE }))).toEqual({ hits: 0, misses: 1 });
  expect((await ok(t, s.keys.province, LIST, { code: PROVINCE })).stations.totalCount).toBe(before);
});

describe('two API processes', () => {
  let other: { process: TsProcess; url: string };

  beforeAll(async () => {
    const started = spawnTs('test/support/api-process.ts', {
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.queue.redisUrl ?? '',
      QUEUE_PREFIX: t.config.queue.prefix,
      LOG_LEVEL: 'error',
      FILES_DIR: t.filesDir,
      GRAPHQL_RESPONSE_CACHE_REFRESH_MS: String(REFRESH_MS),
    });
    await started.waitForOutput('api-ready', 60_000);
    other = { process: started, url: `http://127.0.0.1:${/api-ready (\d+)/.exec(started.output())![1]}` };
  }, 90_000);

  afterAll(() => {
    other.process.child.kill('SIGTERM');
  });

  const ask = async (query: string, variables: Record<string, unknown>, key: string) => {
    const res = await fetch(`${other.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) }, body: JSON.stringify({ query, variables }) });
    return ((await res.json()) as any).data;
  };

  /** Asks the other process until `done` holds (its change feed hears of a commit a few ms later). */
  const eventually = async (query: string, variables: Record<string, unknown>, key: string, done: (data: any) => boolean) => {
    for (let i = 0; i < 100; i++) {
      const data = await ask(query, variables, key);
      if (done(data)) return data;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the other process never saw the change');
  };

  test('a push through this process is seen in the station detail and, within one interval, the summary of the other', async () => {
    const code = s.province.stationCodes[2];
    const detail = await ask(DETAIL, { code }, s.keys.province);
    const summary = await ask(SUMMARY, { code: PROVINCE }, s.keys.province);
    await t.http().put(`/api/v1/stations/${code}/personnel`).set(bearer(s.keys.province)).send({ items: [person(0), person(1), person(2), person(3), person(4)] }).expect(200);
    expect(detail.station.roster.total).not.toBe(5);
    await eventually(DETAIL, { code }, s.keys.province, (data) => data.station.roster.total === 5);
    await addStation();
    const seen = Date.now();
    await eventually(SUMMARY, { code: PROVINCE }, s.keys.province, (data) => data.region.summary.stationCount === summary.region.summary.stationCount + 1);
    expect(Date.now() - seen).toBeLessThan(REFRESH_MS + 500);
  });
});
