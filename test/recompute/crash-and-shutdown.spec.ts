// Real worker processes: one killed in the middle of a job, one stopped with SIGTERM while
// a job runs. Nothing is lost or counted twice, and the result equals a clean run.
import { generateProvince } from '../../src/generator/index.js';
import { RecomputeRunsService } from '../../src/recompute/recompute-runs.service.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { scoreStation } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { resultDigest } from '../../src/scoring/result-digest.js';
import { spawnTs } from '../support/child-process.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const AS_OF = '2026-06-30';
const province = generateProvince({ stations: 4, seed: 'crash', asOf: AS_OF });
const WORKER = 'test/recompute/support/worker-process.ts';
// Nest's shutdown hooks close the app, then re-raise the signal: the process ends "by
// SIGTERM" after the graceful close (what an orchestrator expects).
const STOPPED_BY_SIGTERM = { code: null, signal: 'SIGTERM' };

let t: TestApp;
let env: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ runWorker: false });
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  for (const bundle of province.stations()) await insertStationBundle(t.dataSource, bundle);
  env = {
    DATABASE_URL: t.database.url,
    REDIS_URL: t.config.queue.redisUrl ?? '',
    QUEUE_PREFIX: t.config.queue.prefix,
    WORKER_LOCK_MS: '1000',
    RECOMPUTE_CHUNK_SIZE: '2',
    OUTBOX_POLL_MS: '50',
    LOG_LEVEL: 'error',
  };
});

afterAll(async () => {
  await t.close();
});

const query = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);
const runState = (id: string) => query(`SELECT status, total, done, failed, changed FROM recompute_run WHERE id = $1`, [id]).then((r) => r[0]);

test('a worker killed mid-job: the job is retried and the final state equals a clean run', async () => {
  const run = await t.app.get(RecomputeRunsService).request({ scopeRegionCode: null, trigger: 'MANUAL', requestedBy: null, cutOff: AS_OF });

  const crashing = spawnTs(WORKER, { ...env, CRASH_ON_SCORE_WRITE: '1' });
  const crash = await crashing.exited;
  expect(crash.signal).toBe('SIGKILL');
  expect(crashing.output()).toContain('crashing');
  // The killed transaction left nothing behind: no snapshot, no counted chunk.
  expect(await query(`SELECT count(*)::int AS n FROM score_snapshot`)).toEqual([{ n: 0 }]);
  expect((await runState(run.id)).done).toBe(0);

  const healthy = spawnTs(WORKER, env);
  const finished = await waitFor(() => runState(run.id), (r) => r.status === 'SUCCEEDED' || r.status === 'FAILED', { timeoutMs: 30_000 });
  expect(finished).toEqual({ status: 'SUCCEEDED', total: 4, done: 4, failed: 0, changed: 4 });
  healthy.child.kill('SIGTERM');
  expect(await healthy.exited).toEqual(STOPPED_BY_SIGTERM);

  // One snapshot per station, complete, and what a clean scoring of the same facts says.
  expect(await query(`SELECT count(*)::int AS n FROM score_snapshot`)).toEqual([{ n: 4 }]);
  expect(await query(`SELECT count(*)::int AS n FROM score_criterion`)).toEqual([{ n: 4 * 121 }]);
  const rubric = getRubric('national-2023');
  const facts = await new FactsLoader(t.dataSource.manager).load(province.stationCodes, rubric.version);
  for (const code of province.stationCodes) {
    const clean = scoreStation(facts.get(code)!.facts, { cutOff: AS_OF, rubric, policy: NATIONAL_DEFAULT_POLICY });
    const [stored] = await query(`SELECT s.result_digest, s.input_hash FROM station_score ss JOIN score_snapshot s ON s.id = ss.snapshot_id WHERE ss.station_code = $1`, [code]);
    expect(stored).toEqual({ result_digest: resultDigest(clean), input_hash: clean.inputHash });
  }
});

test('SIGTERM lets the running job finish before the worker exits', async () => {
  const run = await t.app.get(RecomputeRunsService).request({ scopeRegionCode: null, trigger: 'MANUAL', requestedBy: null, cutOff: '2026-07-01' });
  const worker = spawnTs(WORKER, { ...env, SLOW_SCORE_WRITE_MS: '1500', WORKER_CONCURRENCY: '1' });
  await worker.waitForOutput('job-running');
  worker.child.kill('SIGTERM');
  expect(await worker.exited).toEqual(STOPPED_BY_SIGTERM);
  // The job that was running when SIGTERM came completed and was counted; no job was half done.
  const state = await runState(run.id);
  expect(state.done).toBeGreaterThanOrEqual(2);
  expect(state.done % 2).toBe(0);
  expect(state.failed).toBe(0);
});
