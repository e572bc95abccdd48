// Every run completes once, whatever is retried: a nightly job that runs again (its worker
// died after it began) plans the same run, and planning a finished run again leaves it
// finished.
import type { Job } from 'bullmq';
import { generateProvince } from '../../src/generator/index.js';
import { RecomputeHandlers } from '../../src/recompute/recompute-handlers.js';
import { RECOMPUTE_JOBS } from '../../src/recompute/recompute-jobs.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const AS_OF = '2026-06-30';
const province = generateProvince({ stations: 3, seed: 'run-completion', asOf: AS_OF });

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ runWorker: true, env: { OUTBOX_POLL_MS: '50', RECOMPUTE_DEBOUNCE_MS: '50' } });
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  for (const bundle of province.stations()) await insertStationBundle(t.dataSource, bundle);
});

afterAll(async () => {
  await t.close();
});

const nightlyRuns = () => t.dataSource.query(`SELECT id, status, total, done, failed FROM recompute_run WHERE trigger = 'NIGHTLY' ORDER BY created_at`);

test('a nightly job attempted twice (its first worker died mid-job) makes one run', async () => {
  const handler = t.app.get(RecomputeHandlers).byName()[RECOMPUTE_JOBS.nightly];
  // The same job as BullMQ hands it to a worker on each attempt.
  const job = { id: 'repeat:nightly-recompute:1780000000000', timestamp: 1_780_000_000_000, name: RECOMPUTE_JOBS.nightly, data: { cutOff: AS_OF } } as unknown as Job;
  const first = (await handler(job)) as { runId: string };
  const second = (await handler(job)) as { runId: string };
  expect(second.runId).toBe(first.runId);
  const runs = await waitFor(nightlyRuns, (rows) => rows.length > 0 && rows.every((r: { status: string }) => r.status === 'SUCCEEDED'));
  expect(runs).toEqual([{ id: first.runId, status: 'SUCCEEDED', total: 3, done: 3, failed: 0 }]);

  // Another job (the next night) is another run.
  const next = (await handler({ ...job, id: 'repeat:nightly-recompute:1780086400000', timestamp: 1_780_086_400_000 } as unknown as Job)) as { runId: string };
  expect(next.runId).not.toBe(first.runId);
  await waitForRecomputesIdle(t);
  expect(await nightlyRuns()).toHaveLength(2);
});

test('planning a finished run again leaves it finished with its counters', async () => {
  const [{ id }] = await t.dataSource.query(`SELECT id FROM recompute_run WHERE trigger = 'NIGHTLY' AND status = 'SUCCEEDED' LIMIT 1`);
  const before = await t.dataSource.query(`SELECT status, total, done, finished_at FROM recompute_run WHERE id = $1`, [id]);
  await t.app.get(RecomputeHandlers).planRun(id);
  await waitForRecomputesIdle(t);
  expect(await t.dataSource.query(`SELECT status, total, done, finished_at FROM recompute_run WHERE id = $1`, [id])).toEqual(before);
});
