// The queue (a Redis that keeps nothing on disk) goes away for a while and comes back
// empty: the outbox backlog is drained within 2 s of its return, a run asked for meanwhile
// waits QUEUED and then completes, and the nightly schedule is declared again without
// restarting the service, with /health/ready saying it is missing until then.
import { todayIn } from '../../src/domain/dates.js';
import { generateProvince } from '../../src/generator/index.js';
import { NIGHTLY_SCHEDULER_ID } from '../../src/recompute/recompute-jobs.js';
import { RecomputeQueue } from '../../src/recompute/recompute-queue.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const TODAY = todayIn('Asia/Shanghai');
const province = generateProvince({ stations: 4, seed: 'queue-recovery', asOf: TODAY });
const PROVINCE = `${province.stationCodes[0].slice(0, 2)}0000`;
// Long enough for the relay's old back-off to have grown to many seconds.
const OUTAGE_MS = 8000;

let redis: OwnRedis;
let t: TestApp;

beforeAll(async () => {
  redis = await startOwnRedis();
  // The relay's default poll interval: the back-off is what is measured.
  t = await createTestApp({ runWorker: true, env: { REDIS_URL: redis.url, RECOMPUTE_DEBOUNCE_MS: '50', NIGHTLY_CHECK_MS: '1000' } });
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  for (const bundle of province.stations()) await insertStationBundle(t.dataSource, bundle);
  await t.dataSource.query(`INSERT INTO outbox_event (station_code, reason) SELECT unnest($1::varchar[]), 'test-seed'`, [province.stationCodes]);
  await waitFor(() => t.dataSource.query(`SELECT count(*)::int AS n FROM station_score`), (r) => r[0].n === province.stationCodes.length, { timeoutMs: 20_000 });
  await waitForRecomputesIdle(t);
});

afterAll(async () => {
  try {
    await t?.close();
  } finally {
    await redis?.kill();
  }
});

const unrelayed = () => t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE relayed_at IS NULL`).then((r) => r[0].n as number);
const referenceRuns = () => t.dataSource.query(`SELECT status, total, done FROM recompute_run WHERE trigger = 'REFERENCE_DATA'`);
const ready = () => t.http().get('/health/ready');

test('after an outage the backlog is relayed within 2 s of the queue coming back; a run asked for meanwhile completes', async () => {
  const before = await t.dataSource.query(`SELECT station_code, snapshot_id FROM station_score ORDER BY station_code`);
  await redis.kill();
  await waitFor(() => ready().then((r) => r.status), (status) => status === 503);

  // Pushes succeed meanwhile: station changes and a reference-data change.
  const admin = await t.apiKey('ADMIN', PROVINCE);
  const [year] = province.mediationAverages.map((a) => a.year);
  await t.http().put(`/api/v1/reference/mediation-averages/${year}`).set('authorization', `Bearer ${admin}`).send({ rate: 0.999 }).expect(200);
  const changed = province.stationCodes.slice(0, 2);
  for (const [i, code] of changed.entries()) {
    const bundle = province.station(i);
    const key = await t.apiKey('COUNTY', bundle.profile.countyCode);
    const items = bundle.personnel.map((p) => ({ ...p, lastHealthCheckOn: null }));
    await t.http().put(`/api/v1/stations/${code}/personnel`).set('authorization', `Bearer ${key}`).send({ items }).expect(200);
  }
  await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  expect(await unrelayed()).toBeGreaterThan(0);
  // The run is committed and waits for its planning job to be in the queue.
  expect(await referenceRuns()).toEqual([{ status: 'QUEUED', total: 0, done: 0 }]);

  await redis.start();
  const back = Date.now();
  await waitFor(async () => ({ outbox: await unrelayed(), runs: await referenceRuns() }), (s) => s.outbox === 0 && s.runs[0].status !== 'QUEUED', { timeoutMs: 30_000, intervalMs: 20 });
  const drainedMs = Date.now() - back;
  expect(drainedMs).toBeLessThanOrEqual(2000);

  const run = await waitFor(referenceRuns, (rows) => rows[0].status === 'SUCCEEDED', { timeoutMs: 20_000 });
  expect(run).toEqual([{ status: 'SUCCEEDED', total: province.stationCodes.length, done: province.stationCodes.length }]);
  await waitForRecomputesIdle(t);
  const after = await t.dataSource.query(`SELECT station_code, snapshot_id FROM station_score WHERE station_code = ANY($1) ORDER BY station_code`, [changed]);
  for (const row of after) expect(row.snapshot_id).not.toBe(before.find((b: { station_code: string }) => b.station_code === row.station_code).snapshot_id);
});

test('the nightly schedule is declared again without a restart; health reports it missing meanwhile', async () => {
  const queue = t.app.get(RecomputeQueue).instance;
  // Read through the app's own producer, which fails fast until it has reconnected.
  const scheduled = () => queue.getJobScheduler(NIGHTLY_SCHEDULER_ID).then((s) => s !== undefined && s !== null, () => false);
  await waitFor(scheduled, (yes) => yes, { timeoutMs: 10_000 });
  const up = await ready();
  expect(up.status).toBe(200);
  expect(up.body.details.nightly).toMatchObject({ status: 'up' });

  // A crash: queue down, then back empty.
  await redis.kill();
  const down = await waitFor(ready, (r) => r.status === 503);
  expect(down.body.details.nightly).toMatchObject({ status: 'down' });
  await redis.start();
  await waitFor(scheduled, (yes) => yes, { timeoutMs: 5000 });
  await waitFor(() => ready().then((r) => r.status), (status) => status === 200, { timeoutMs: 5000 });

  // Emptied without a disconnect (a failover to an empty replica): found by the periodic check.
  await queue.removeJobScheduler(NIGHTLY_SCHEDULER_ID);
  const missing = await ready();
  expect(missing.status).toBe(503);
  expect(missing.body.details.nightly).toMatchObject({ status: 'down', scheduled: false });
  expect(missing.body.details.queue).toMatchObject({ status: 'up' });
  await waitFor(scheduled, (yes) => yes, { timeoutMs: 5000 });
  expect((await ready()).status).toBe(200);
});

test('a run whose chunk jobs were lost with the queue is planned again and completes', async () => {
  // What a queue that lost its data leaves of a planned run: RUNNING, its chunk jobs gone.
  const [run] = await t.dataSource.query(
    `INSERT INTO recompute_run (trigger, status, cut_off, total, started_at) VALUES ('MANUAL', 'RUNNING', $1, $2, now()) RETURNING id`,
    [TODAY, province.stationCodes.length],
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await t.dataSource.query(`SELECT status FROM recompute_run WHERE id = $1`, [run.id])).toEqual([{ status: 'RUNNING' }]);

  await redis.kill();
  await redis.start();
  const done = await waitFor(
    () => t.dataSource.query(`SELECT status, done, failed FROM recompute_run WHERE id = $1`, [run.id]).then((r) => r[0]),
    (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED',
    { timeoutMs: 20_000 },
  );
  expect(done).toEqual({ status: 'SUCCEEDED', done: province.stationCodes.length, failed: 0 });
  await waitForRecomputesIdle(t);
});

test('a change whose station job was lost with the queue is recomputed', async () => {
  // What a queue that lost its data leaves of a relayed change: the row marked relayed, the
  // station job gone, the score older than the change.
  const code = province.stationCodes[3];
  const bundle = province.station(3);
  const changed = await t.dataSource.transaction(async (manager) => {
    await manager.query(`UPDATE person SET last_health_check_on = NULL, row_digest = md5(random()::text) || md5(random()::text) WHERE station_code = $1 AND external_id = $2`, [
      code,
      bundle.personnel[0].externalId,
    ]);
    const [row] = await manager.query(`INSERT INTO outbox_event (station_code, reason, relayed_at) VALUES ($1, 'test', now()) RETURNING created_at`, [code]);
    return new Date(row.created_at).getTime();
  });
  const evaluated = () => t.dataSource.query(`SELECT evaluated_at FROM station_score WHERE station_code = $1`, [code]).then((r) => new Date(r[0].evaluated_at).getTime());
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await evaluated()).toBeLessThan(changed);

  await redis.kill();
  await redis.start();
  await waitFor(evaluated, (at) => at > changed, { timeoutMs: 20_000 });
  await waitForRecomputesIdle(t);
});
