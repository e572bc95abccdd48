// The BullMQ worker of the recompute queue. It refuses to start when a job name has no
// handler, fails jobs whose name it does not know, and on shutdown stops taking jobs and
// lets the running ones finish.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { ThrottledWarning } from '../common/throttled-warning.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';
import { nightlyRunId, RecomputeHandlers, type RecomputeHandler } from './recompute-handlers.js';
import { RunningJobs } from './running-jobs.js';
import { RECOMPUTE_JOBS, RECOMPUTE_JOB_DEFAULTS, RECOMPUTE_QUEUE, type RecomputeJobData, type RecomputeJobName } from './recompute-jobs.js';

// After the last running job returned, how long BullMQ may take to record the ends.
const RECORD_GRACE_MS = 2000;

export class MissingJobHandlerError extends Error {}

/** Checks a handler table against the declared job names, both ways. */
export function assertHandlersComplete(handlers: Record<string, RecomputeHandler | undefined>): void {
  const declared = Object.values(RECOMPUTE_JOBS) as string[];
  const missing = declared.filter((name) => typeof handlers[name] !== 'function');
  const unknown = Object.keys(handlers).filter((name) => !declared.includes(name));
  if (missing.length || unknown.length) {
    throw new MissingJobHandlerError(
      `recompute worker refuses to start: ${[missing.length ? `no handler for ${missing.join(', ')}` : '', unknown.length ? `handlers for undeclared jobs ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    );
  }
}

@Injectable()
export class RecomputeWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RecomputeWorker.name);
  private worker: Worker | null = null;
  private readonly jobs = new RunningJobs();
  // While the queue is away its connections retry twice a second: one line per minute is enough.
  private readonly connectionErrors = new ThrottledWarning(this.logger, 'worker connection', 60_000);

  constructor(
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly handlers: RecomputeHandlers,
  ) {}

  onApplicationBootstrap(): void {
    const table = this.handlers.byName();
    assertHandlersComplete(table);
    this.worker = this.connection.createWorker(
      RECOMPUTE_QUEUE,
      async (job: Job) => {
        const handler = (table as Record<string, RecomputeHandler | undefined>)[job.name];
        if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
        return this.jobs.run(job, () => handler(job));
      },
      // A job whose worker died (lock not renewed) goes back to the queue after lockMs.
      { concurrency: this.config.worker.concurrency, lockDuration: this.config.worker.lockMs, stalledInterval: this.config.worker.lockMs },
    );
    this.worker.on('completed', (job) => this.jobs.recorded(job));
    this.worker.on('failed', (job, error) => {
      this.jobs.recorded(job);
      void this.onFailed(job, error);
    });
    this.worker.on('error', (error) => this.connectionErrors.report(error.message));
    this.logger.log(`recompute worker on ${this.connection.describe()}, concurrency ${this.config.worker.concurrency}`);
  }

  /** Taking jobs: started, not closing (the worker process's health endpoint reports it). */
  isRunning(): boolean {
    return this.fetching() && this.worker!.closing === undefined;
  }

  /**
   * BullMQ's fetch loop still runs. After a close with Redis down it waits for its block
   * timeout (up to 11 s) before it ends: a process that stays alive after closing the app
   * (a test) waits for this to turn false before it exits.
   */
  fetching(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  /**
   * Stops taking jobs, lets the running ones finish (however long they take; the
   * orchestrator's grace period bounds it), gives BullMQ a moment to record their end, then
   * closes by force. BullMQ's own graceful close can wait for ever on its blocking
   * connection when the queue has just come back; a job whose end could not be recorded
   * (the queue away) runs again once its lock expires.
   */
  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const warn = (what: string) => (error: unknown) => this.logger.warn(`${what} the recompute worker: ${error instanceof Error ? error.message : String(error)}`);
    await worker.pause(true).catch(warn('pausing'));
    await this.jobs.settle(RECORD_GRACE_MS);
    await worker.close(true).catch(warn('closing'));
  }

  private async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? RECOMPUTE_JOB_DEFAULTS.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError;
    this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}/${attempts}${final ? ', giving up' : ''}): ${error.message}`);
    if (!final) return;
    await this.recordGaveUp(job).catch((e: unknown) => this.logger.error(`recording the failed job ${job.name} ${job.id}: ${String(e)}`));
  }

  /** What a job that gave up leaves in its run's counters or status. */
  private async recordGaveUp(job: Job): Promise<void> {
    const name = job.name as RecomputeJobName;
    switch (name) {
      case RECOMPUTE_JOBS.chunk:
        return this.handlers.chunkGaveUp(job.data as RecomputeJobData['chunk']);
      case RECOMPUTE_JOBS.planRun:
        return this.handlers.planningGaveUp((job.data as RecomputeJobData['plan-run']).runId);
      case RECOMPUTE_JOBS.nightly:
        return this.handlers.planningGaveUp(nightlyRunId(job));
      case RECOMPUTE_JOBS.station:
        // The next change or the nightly run scores the station again.
        return;
      default:
        // A name no handler knows: the worker refused the job, no run is concerned.
        return;
    }
  }
}
