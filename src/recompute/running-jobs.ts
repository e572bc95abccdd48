import type { Job } from 'bullmq';

/**
 * The jobs a worker is running, for a graceful stop: their handlers end by themselves, then
 * BullMQ records their end (completed or failed) in the queue.
 */
export class RunningJobs {
  private readonly executing = new Set<Promise<unknown>>();
  private readonly unrecorded = new Set<string>();

  /** Runs a job's handler, remembered until it returns and its end is recorded. */
  run<T>(job: Job, handler: () => Promise<T>): Promise<T> {
    const key = String(job.id);
    this.unrecorded.add(key);
    const execution = handler();
    const tracked = execution.finally(() => this.executing.delete(tracked));
    this.executing.add(tracked);
    return execution;
  }

  /** BullMQ recorded the job's end. */
  recorded(job: Job | undefined): void {
    if (job) this.unrecorded.delete(String(job.id));
  }

  /**
   * Resolves once no handler runs (however long they take) and every job's end is recorded,
   * or `recordGraceMs` after the last handler returned (the queue may be gone: a job whose
   * end was not recorded runs again once its lock expires; every job is idempotent).
   */
  async settle(recordGraceMs: number): Promise<void> {
    // Twice in a row empty: a job fetched just before the worker paused has started by then.
    for (let quiet = 0; quiet < 2; ) {
      if (this.executing.size > 0) {
        quiet = 0;
        await Promise.allSettled([...this.executing]);
      } else {
        quiet++;
        await sleep(20);
      }
    }
    const deadline = Date.now() + recordGraceMs;
    while (this.unrecorded.size > 0 && Date.now() < deadline) await sleep(20);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
