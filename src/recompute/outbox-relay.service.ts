// Drains the outbox into the recompute queue. The outbox lives in PostgreSQL, written in
// the same transaction as every change, so a queue outage delays recomputes but never
// loses one: rows stay unrelayed until their jobs are in the queue.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { OutboxWakeUp } from './outbox-wake.js';
import { planRunJob, stationJob } from './recompute-jobs.js';
import { RecomputeQueue } from './recompute-queue.js';
import { RecomputeRunsRepository } from './recompute-runs.repository.js';
import { RecomputeRunsService } from './recompute-runs.service.js';

const BATCH = 2000;
// A failed pass costs one short transaction; retrying often keeps the backlog's wait short
// when the queue comes back (and its connection's return also triggers a pass at once).
const MAX_BACKOFF_MS = 1000;

export interface RelayPass {
  stationJobs: number;
  runsStarted: number;
  outboxRows: number;
}

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  /** A pass is scheduled (the timer runs), as opposed to running. */
  private waiting = false;
  private retryWhenDone = false;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private failures = 0;
  /** A notification came while a pass ran: go again when it ends. */
  private wokenWhileRunning = false;
  private readonly wakeUp: OutboxWakeUp;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: RecomputeQueue,
    private readonly runs: RecomputeRunsService,
  ) {
    // The application's database (data-source.ts always connects by URL).
    this.wakeUp = new OutboxWakeUp((dataSource.options as { url: string }).url, () => this.wake());
  }

  onApplicationBootstrap(): void {
    this.queue.onReady(() => this.retryNow());
    this.wakeUp.start();
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.wakeUp.stop();
    await this.running;
  }

  /**
   * An outbox row committed: relay now rather than at the next poll. While the queue is
   * failing, the back-off stands (retryNow covers the queue's return).
   */
  private wake(): void {
    if (this.stopped || this.failures > 0) return;
    if (!this.waiting) {
      this.wokenWhileRunning = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** One pass: outbox rows become runs or station jobs; QUEUED runs get their planning job. */
  async relayOnce(): Promise<RelayPass> {
    const wide = await this.relayWideChanges();
    const stations = await this.relayStationChanges();
    // After the commits: a run created above is visible to the worker that plans it.
    const runsStarted = await this.startQueuedRuns();
    return { stationJobs: stations.jobs, runsStarted, outboxRows: wide + stations.rows };
  }

  /**
   * A change that touches a region or every station becomes a QUEUED run of its own. No
   * queue is needed for that: with the queue away the run is there at once and waits.
   */
  private relayWideChanges(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const outbox = new OutboxRepository(manager);
      const rows = await outbox.lockWideChanges(BATCH);
      if (rows.length === 0) return 0;
      for (const scope of new Set(rows.map((r) => r.region_code))) {
        await this.runs.request({ scopeRegionCode: scope, trigger: 'REFERENCE_DATA', requestedBy: null }, manager);
      }
      await outbox.markRelayed(rows);
      return rows.length;
    });
  }

  /** One station job per changed station; the rows stay unrelayed unless the jobs are in the queue. */
  private relayStationChanges(): Promise<{ jobs: number; rows: number }> {
    return this.dataSource.transaction(async (manager) => {
      const outbox = new OutboxRepository(manager);
      const rows = await outbox.lockStationChanges(BATCH);
      const stations = [...new Set(rows.map((r) => r.station_code))];
      await this.queue.addBulk(stations.map((code) => stationJob(code, this.config.recompute.debounceMs)));
      await outbox.markRelayed(rows);
      return { jobs: stations.length, rows: rows.length };
    });
  }

  /**
   * Committed QUEUED runs get their planning job; a run becomes RUNNING only once its job is
   * in the queue, so a pass that dies in between leaves it QUEUED for the next pass (the job
   * id makes the second enqueue a no-op while the first job exists, and planning twice is
   * harmless). The rows stay locked until the status is written: two relays never both
   * start a run, and a planning job that runs at once waits for this commit to write.
   */
  private startQueuedRuns(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const runs = new RecomputeRunsRepository(manager);
      const queued = await runs.lockQueued();
      if (queued.length === 0) return 0;
      const ids = queued.map((run) => run.id);
      await this.queue.addBulk(ids.map(planRunJob));
      await runs.markRunning(ids);
      return ids.length;
    });
  }

  /** The queue's connection is back: relay now instead of waiting out the back-off. */
  private retryNow(): void {
    if (this.stopped || this.failures === 0) return;
    if (!this.waiting) {
      this.retryWhenDone = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.retryWhenDone) {
      this.retryWhenDone = false;
      delayMs = 0;
    }
    this.waiting = true;
    this.timer = setTimeout(() => {
      this.waiting = false;
      this.running = this.relayOnce()
        .then((pass) => {
          if (this.failures > 0) this.logger.log(`queue reachable again after ${this.failures} failed attempts; relaying the backlog`);
          this.failures = 0;
          // A full batch means more is waiting, and a wake-up during the pass may have come
          // after its reads: go again at once.
          const again = pass.outboxRows >= BATCH || this.wokenWhileRunning;
          this.wokenWhileRunning = false;
          this.schedule(again ? 0 : this.config.recompute.outboxPollMs);
        })
        .catch((error: unknown) => {
          this.failures++;
          const backoff = Math.min(MAX_BACKOFF_MS, this.config.recompute.outboxPollMs * 2 ** Math.min(this.failures, 10));
          if (this.failures === 1 || this.failures % 20 === 0) {
            this.logger.warn(`relaying the outbox failed (${error instanceof Error ? error.message : String(error)}); retrying in ${backoff} ms, changes stay in the outbox`);
          }
          this.schedule(backoff);
        });
    }, delayMs);
  }
}
