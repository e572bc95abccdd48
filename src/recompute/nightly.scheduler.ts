import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { NIGHTLY_SCHEDULER_ID, PLANNING_ATTEMPTS, RECOMPUTE_JOBS } from './recompute-jobs.js';
import { RecomputeQueue } from './recompute-queue.js';

/**
 * The one place the nightly schedule is declared: a BullMQ job scheduler that only enqueues
 * the `nightly` job at NIGHTLY_CRON in TIME_ZONE. Upserting is idempotent, so every worker
 * may declare it; while the queue is unreachable it keeps trying.
 */
@Injectable()
export class NightlyScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(NightlyScheduler.name);
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: RecomputeQueue,
  ) {}

  onApplicationBootstrap(): void {
    void this.declare(1000);
  }

  onModuleDestroy(): void {
    if (this.retry) clearTimeout(this.retry);
  }

  private async declare(backoffMs: number): Promise<void> {
    const { nightlyCron } = this.config.recompute;
    try {
      await this.queue.instance.upsertJobScheduler(NIGHTLY_SCHEDULER_ID, { pattern: nightlyCron, tz: this.config.timeZone }, { name: RECOMPUTE_JOBS.nightly, data: {}, opts: { attempts: PLANNING_ATTEMPTS } });
      this.logger.log(`nightly recompute scheduled at "${nightlyCron}" (${this.config.timeZone})`);
    } catch (error) {
      this.logger.warn(`declaring the nightly schedule failed (${error instanceof Error ? error.message : String(error)}); retrying`);
      this.retry = setTimeout(() => void this.declare(Math.min(backoffMs * 2, 60_000)), backoffMs);
    }
  }
}
