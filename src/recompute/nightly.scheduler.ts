import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { LostQueueRecovery } from './lost-queue.recovery.js';
import { NIGHTLY_SCHEDULER_ID, PLANNING_ATTEMPTS, RECOMPUTE_JOBS } from './recompute-jobs.js';
import { RecomputeQueue, withTimeout } from './recompute-queue.js';

const QUEUE_TIMEOUT_MS = 2000;

/**
 * The one place the nightly schedule is declared: a BullMQ job scheduler that only enqueues
 * the `nightly` job at NIGHTLY_CRON in TIME_ZONE. It lives in the queue's datastore, so a
 * Redis that restarts without its data loses it: every process running the worker checks
 * that it is there every NIGHTLY_CHECK_MS and whenever its queue connection comes back,
 * and declares it again when missing. Upserting is idempotent, so every worker may do so.
 * A missing schedule also means the queue's other jobs are gone: LostQueueRecovery puts
 * back the work they stood for before the schedule is declared again.
 */
@Injectable()
export class NightlyScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NightlyScheduler.name);
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private checking: Promise<boolean> | null = null;
  private firstCheck: Promise<boolean> | null = null;
  private declared = false;
  private failures = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: RecomputeQueue,
    private readonly recovery: LostQueueRecovery,
  ) {}

  onApplicationBootstrap(): void {
    this.queue.onReady(() => void this.ensure());
    this.firstCheck = this.ensure();
    this.loop(this.config.recompute.nightlyCheckMs);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Whether the schedule is in the queue now (null: the queue does not answer). When it is
   * not, the check that declares it again starts at once; the answer is still false.
   */
  async scheduled(): Promise<boolean | null> {
    // At start-up: the first declaration is on its way (bounded by the queue timeouts).
    await this.firstCheck;
    try {
      const present = (await this.lookUp()) === 'in-place';
      if (!present) void this.ensure();
      return present;
    } catch {
      return null;
    }
  }

  /** Declares the schedule when missing (or different from the configuration); true once it is in place. */
  ensure(): Promise<boolean> {
    this.checking ??= this.check().finally(() => (this.checking = null));
    return this.checking;
  }

  private loop(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.ensure().then(() => this.loop(this.config.recompute.nightlyCheckMs));
    }, delayMs);
  }

  /** The schedule as the queue holds it: as configured, missing, or with another pattern or zone. */
  private async lookUp(): Promise<'in-place' | 'missing' | 'different'> {
    const existing = await withTimeout(this.queue.instance.getJobScheduler(NIGHTLY_SCHEDULER_ID), QUEUE_TIMEOUT_MS, 'reading the nightly schedule');
    if (!existing) return 'missing';
    return existing.pattern === this.config.recompute.nightlyCron && existing.tz === this.config.timeZone ? 'in-place' : 'different';
  }

  private async check(): Promise<boolean> {
    const { nightlyCron } = this.config.recompute;
    try {
      const found = await this.lookUp();
      if (found === 'in-place') {
        this.declared = true;
        this.failures = 0;
        return true;
      }
      // Missing: the queue lost its data (or is new), and the jobs it held with it.
      if (found === 'missing') await this.recovery.requeue();
      await withTimeout(
        this.queue.instance.upsertJobScheduler(
          NIGHTLY_SCHEDULER_ID,
          { pattern: nightlyCron, tz: this.config.timeZone },
          { name: RECOMPUTE_JOBS.nightly, data: {}, opts: { attempts: PLANNING_ATTEMPTS } },
        ),
        QUEUE_TIMEOUT_MS,
        'declaring the nightly schedule',
      );
      this.logger.log(
        this.declared
          ? `nightly schedule was missing from the queue (emptied or restarted without its data); declared again at "${nightlyCron}" (${this.config.timeZone})`
          : `nightly recompute scheduled at "${nightlyCron}" (${this.config.timeZone})`,
      );
      this.declared = true;
      this.failures = 0;
      return true;
    } catch (error) {
      if (this.failures++ % 20 === 0) {
        this.logger.warn(`checking the nightly schedule failed (${error instanceof Error ? error.message : String(error)}); trying again when the queue is back`);
      }
      return false;
    }
  }
}
