// Drains the outbox into the recompute queue. The outbox lives in PostgreSQL, written in
// the same transaction as every change, so a queue outage delays recomputes but never
// loses one: rows stay unrelayed until their jobs are in the queue.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RECOMPUTE_JOBS, stationJob } from './recompute-jobs.js';
import { RecomputeQueue } from './recompute-queue.js';
import { RecomputeRunsService } from './recompute-runs.service.js';

const BATCH = 2000;
const MAX_BACKOFF_MS = 30_000;

export interface RelayPass {
  stationJobs: number;
  runsStarted: number;
  outboxRows: number;
}

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private failures = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: RecomputeQueue,
    private readonly runs: RecomputeRunsService,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: outbox rows become station jobs or runs; QUEUED runs get their planning job. */
  async relayOnce(): Promise<RelayPass> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; station_code: string | null; region_code: string | null; reason: string }[]>(
        `SELECT id, station_code, region_code, reason FROM outbox_event
         WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      const stations = [...new Set(rows.filter((r) => r.station_code !== null).map((r) => r.station_code!))];
      // A change that touches a region or every station becomes a run of its own.
      const wide = rows.filter((r) => r.station_code === null);
      for (const scope of new Set(wide.map((r) => r.region_code))) {
        await this.runs.request({ scopeRegionCode: scope, trigger: 'REFERENCE_DATA', requestedBy: null }, manager);
      }
      const runsStarted = await this.startQueuedRuns(manager);
      await this.queue.addBulk(stations.map((code) => stationJob(code, this.config.recompute.debounceMs)));
      if (rows.length > 0) {
        await manager.query(`UPDATE outbox_event SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      }
      return { stationJobs: stations.length, runsStarted, outboxRows: rows.length };
    });
  }

  private async startQueuedRuns(manager: EntityManager): Promise<number> {
    const queued = await manager.query<{ id: string }[]>(
      `SELECT id FROM recompute_run WHERE status = 'QUEUED' ORDER BY created_at FOR UPDATE SKIP LOCKED`,
    );
    if (queued.length === 0) return 0;
    // The job id makes planning a run idempotent if this pass is retried.
    await this.queue.addBulk(queued.map((run) => ({ name: RECOMPUTE_JOBS.planRun, data: { runId: run.id }, opts: { jobId: `plan-run-${run.id}` } })));
    await manager.query(`UPDATE recompute_run SET status = 'RUNNING', started_at = now() WHERE id = ANY($1::uuid[])`, [queued.map((r) => r.id)]);
    return queued.length;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.relayOnce()
        .then((pass) => {
          if (this.failures > 0) this.logger.log(`queue reachable again after ${this.failures} failed attempts; relaying the backlog`);
          this.failures = 0;
          // A full batch means more is waiting: go again at once.
          this.schedule(pass.outboxRows >= BATCH ? 0 : this.config.recompute.outboxPollMs);
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
