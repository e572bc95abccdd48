import { RECOMPUTE_JOBS } from '../../src/recompute/recompute-jobs.js';
import { RecomputeQueue } from '../../src/recompute/recompute-queue.js';
import type { TestApp } from './test-app.js';

/** Polls `probe` until `until` holds or the timeout passes (then fails with the last value). */
export async function waitFor<T>(probe: () => Promise<T>, until: (value: T) => boolean, { timeoutMs = 15_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (until(last)) return last;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Until the outbox is drained and no station or chunk job waits, runs or is delayed (the
 * nightly scheduler's delayed job aside). The job states are counted in one atomic call: a
 * debounced job moves from delayed to waiting to active within milliseconds, and two
 * separate reads could each miss it.
 */
export async function waitForRecomputesIdle(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const queue = t.app.get(RecomputeQueue).instance;
  await waitFor(
    async () => {
      // The outbox first: a relayed row's job is in the queue before the row is marked.
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE relayed_at IS NULL`);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'delayed');
      // The scheduler's next nightly job sits in delayed for hours; it does not move during a test.
      const nightly = (await queue.getJobs(['delayed'])).filter((job) => job.name === RECOMPUTE_JOBS.nightly).length;
      const pending = Object.values(counts).reduce((sum, c) => sum + c, 0) - nightly;
      return n === 0 && pending === 0;
    },
    (idle) => idle,
    { timeoutMs },
  );
}
