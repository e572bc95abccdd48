// A database connection that drops in the middle of a request (a failover, a restart, an
// administrator's pg_terminate_backend) is a transient fault: REST answers 503
// SERVICE_UNAVAILABLE with Retry-After, GraphQL the same code; nothing is half written and
// the next request succeeds on a fresh connection.
import pg from 'pg';
import { generateProvince } from '../../src/generator/index.js';
import { insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const province = generateProvince({ stations: 1, seed: 'connection-loss', asOf: '2026-06-30' });
const bundle = province.station(0);

let t: TestApp;
let county: string;
let reviewer: string;
let admin: pg.Client;

beforeAll(async () => {
  t = await createTestApp();
  await insertStationBundle(t.dataSource, bundle);
  county = await t.apiKey('COUNTY', bundle.profile.countyCode);
  reviewer = await t.apiKey('PROVINCE', `${bundle.code.slice(0, 2)}0000`);
  admin = new pg.Client({ connectionString: t.database.url, application_name: 'connection-loss-test' });
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await t?.close();
});

/**
 * Runs `send` while the station row is locked by another session, waits until the
 * request's transaction is stuck on that lock, then terminates every connection of the
 * app's pool: the request loses its connection in the middle of its transaction.
 */
async function dropConnectionDuring<T>(send: () => PromiseLike<T>): Promise<T> {
  await admin.query('BEGIN');
  try {
    await admin.query(`SELECT 1 FROM station WHERE code = $1 FOR UPDATE`, [bundle.code]);
    const pending = send();
    const answer = Promise.resolve(pending);
    const waiting = async () => {
      // Inside a transaction pg_stat_activity is read once and kept: read it afresh.
      await admin.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'station-scorecard' AND wait_event_type = 'Lock'`);
      return rows[0].n as number;
    };
    await waitFor(waiting, (n) => n > 0, { timeoutMs: 10_000, intervalMs: 10 });
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'station-scorecard'`);
    return await answer;
  } finally {
    await admin.query('ROLLBACK');
  }
}

const roster = (name: string) => ({ items: bundle.personnel.map((p, i) => (i === 0 ? { ...p, name } : p)) });
const storedName = () => t.dataSource.query(`SELECT name FROM person WHERE station_code = $1 AND external_id = $2`, [bundle.code, bundle.personnel[0].externalId]).then((r) => r[0].name);

test('REST: a push whose connection drops answers 503 SERVICE_UNAVAILABLE with Retry-After; sent again it succeeds', async () => {
  const before = await storedName();
  const push = () => t.http().put(`/api/v1/stations/${bundle.code}/personnel`).set('authorization', `Bearer ${county}`).send(roster('连接中断'));
  const dropped = await dropConnectionDuring(push);
  expect(dropped.status).toBe(503);
  expect(dropped.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('retry') });
  expect(Number(dropped.headers['retry-after'])).toBeGreaterThan(0);
  expect(await storedName()).toBe(before);

  const again = await push();
  expect(again.status).toBe(200);
  expect(await storedName()).toBe('连接中断');
});

test('GraphQL: a mutation whose connection drops fails with SERVICE_UNAVAILABLE; sent again it succeeds', async () => {
  const assess = () =>
    t.graphql(
      `mutation($s: String!) { assessCriterion(stationCode: $s, criterionId: "1①", points: 1, note: "现场核查") { changed } }`,
      { s: bundle.code },
      reviewer,
    );
  const dropped = await dropConnectionDuring(assess);
  expect(dropped.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM reviewer_assessment WHERE station_code = $1`, [bundle.code])).toEqual([{ n: 0 }]);

  const again = await assess();
  expect(again.body).toEqual({ data: { assessCriterion: { changed: true } } });
});
