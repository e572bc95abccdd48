// The BullMQ worker of the recompute queue. It refuses to start when a job name has no
// handler, fails jobs whose name it does not know, and on shutdown stops taking jobs and
// lets the running ones finish.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { UnrecoverableError, type Job, type Worker } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';
import { RecomputeHandlers, type RecomputeHandler } from './recompute-handlers.js';
import { RECOMPUTE_JOBS, RECOMPUTE_JOB_DEFAULTS, RECOMPUTE_QUEUE, type RecomputeJobData } from './recompute-jobs.js';

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
        return handler(job);
      },
      // A job whose worker died (lock not renewed) goes back to the queue after lockMs.
      { concurrency: this.config.worker.concurrency, lockDuration: this.config.worker.lockMs, stalledInterval: this.config.worker.lockMs },
    );
    this.worker.on('failed', (job, error) => void this.onFailed(job, error));
    this.worker.on('error', (error) => this.logger.warn(`worker connection: ${error.message}`));
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
   * Stops taking jobs and waits for the running ones (no force). With the queue unreachable
   * a graceful close never returns, and a running job could not be completed anyway: the
   * worker then closes by force (such jobs are retried once their lock expires).
   */
  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    const reachable = await this.connection.ping(500).then(
      () => true,
      () => false,
    );
    if (!reachable) this.logger.warn('queue unreachable at shutdown: closing the worker without waiting for running jobs');
    // Reachable: wait as long as the running jobs take (the orchestrator's grace period bounds it).
    await worker.close(!reachable).catch((error: unknown) => this.logger.warn(`closing the recompute worker: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? RECOMPUTE_JOB_DEFAULTS.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError;
    this.logger.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}/${attempts}${final ? ', giving up' : ''}): ${error.message}`);
    if (final && job.name === RECOMPUTE_JOBS.chunk) {
      await this.handlers.chunkGaveUp(job.data as RecomputeJobData['chunk']).catch((e: unknown) => this.logger.error(`recording a failed chunk: ${String(e)}`));
    }
  }
}
