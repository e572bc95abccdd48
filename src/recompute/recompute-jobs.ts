// The recompute queue's jobs: names are constants, data types are declared once, and the
// worker maps every name to a handler (it refuses to start when one is missing).
import type { JobsOptions } from 'bullmq';

export const RECOMPUTE_QUEUE = 'recompute';

export const RECOMPUTE_JOBS = {
  /** Rescore one station after its inputs changed (debounced, deduplicated per station). */
  station: 'station',
  /** Expand a QUEUED run into chunk jobs. */
  planRun: 'plan-run',
  /** Rescore a chunk of a run's stations in one transaction. */
  chunk: 'chunk',
  /** The nightly full recompute (enqueued by the job scheduler only) and housekeeping. */
  nightly: 'nightly',
} as const;
export type RecomputeJobName = (typeof RECOMPUTE_JOBS)[keyof typeof RECOMPUTE_JOBS];

export interface RecomputeJobData {
  station: { stationCode: string };
  'plan-run': { runId: string };
  chunk: { runId: string; chunkNo: number; stationCodes: string[] };
  /** cutOff only when replaying a past night or in tests; the scheduler sends none (today). */
  nightly: { cutOff?: string };
}

/** Explicit job defaults: 3 attempts with exponential backoff, failed jobs kept, completed removed. */
export const RECOMPUTE_JOB_DEFAULTS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/** At most one waiting and one running recompute per station (BullMQ keepLastIfActive). */
export function stationJob(stationCode: string, debounceMs: number) {
  return {
    name: RECOMPUTE_JOBS.station,
    data: { stationCode } satisfies RecomputeJobData['station'],
    opts: { deduplication: { id: `station:${stationCode}`, keepLastIfActive: true }, delay: debounceMs },
  };
}

/**
 * Planning a run: the job id makes a second enqueue a no-op while the first job exists.
 * More attempts than the default: a run whose planning gives up is FAILED (nothing of it ran).
 */
export function planRunJob(runId: string) {
  return {
    name: RECOMPUTE_JOBS.planRun,
    data: { runId } satisfies RecomputeJobData['plan-run'],
    opts: { jobId: `plan-run-${runId}`, attempts: PLANNING_ATTEMPTS },
  };
}

/** Planning and nightly jobs retry for about 8 minutes (exponential from 1 s) before giving up. */
export const PLANNING_ATTEMPTS = 10;

export const NIGHTLY_SCHEDULER_ID = 'nightly-recompute';
