// What each recompute job does. Every handler is idempotent: running a job twice leaves the
// same state (scores skip identical inputs; run counters count a chunk once).
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { isIsoDate } from '../domain/dates.js';
import { regionShape } from '../regions/regions.service.js';
import { StationScoringService, type ScoringOutcome } from '../scoring/station-scoring.service.js';
import { RECOMPUTE_JOBS, type RecomputeJobData, type RecomputeJobName } from './recompute-jobs.js';
import { RecomputeQueue } from './recompute-queue.js';
import { RecomputeRunsService } from './recompute-runs.service.js';

export type RecomputeHandler = (job: Job) => Promise<unknown>;

const OUTBOX_RETENTION_DAYS = 7;
const IDEMPOTENCY_RETENTION_HOURS = 24;

@Injectable()
export class RecomputeHandlers {
  private readonly logger = new Logger(RecomputeHandlers.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scoring: StationScoringService,
    private readonly queue: RecomputeQueue,
    private readonly runs: RecomputeRunsService,
  ) {}

  /** Every job name → its handler; the compiler insists on a handler per name. */
  byName(): Record<RecomputeJobName, RecomputeHandler> {
    return {
      [RECOMPUTE_JOBS.station]: (job) => this.station(job.data as RecomputeJobData['station']),
      [RECOMPUTE_JOBS.planRun]: (job) => this.planRun((job.data as RecomputeJobData['plan-run']).runId),
      [RECOMPUTE_JOBS.chunk]: (job) => this.chunk(job.data as RecomputeJobData['chunk']),
      [RECOMPUTE_JOBS.nightly]: (job) => this.nightly((job.data as RecomputeJobData['nightly']).cutOff),
    };
  }

  async station({ stationCode }: RecomputeJobData['station']): Promise<ScoringOutcome> {
    return this.scoring.score([stationCode]);
  }

  /** Lists the run's stations, records the total and enqueues one job per chunk. */
  async planRun(runId: string): Promise<{ total: number; chunks: number }> {
    const run = await this.runs.get(runId);
    if (!run) return { total: 0, chunks: 0 };
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return { total: run.total, chunks: 0 };
    const column = run.scopeRegionCode === null ? null : { PROVINCE: 'province_code', CITY: 'city_code', COUNTY: 'county_code' }[regionShape(run.scopeRegionCode).level];
    const stations = await this.dataSource.query<{ code: string }[]>(
      column === null ? `SELECT code FROM station ORDER BY code` : `SELECT code FROM station WHERE ${column} = $1 ORDER BY code`,
      column === null ? [] : [run.scopeRegionCode],
    );
    const size = this.config.recompute.chunkSize;
    const chunks: string[][] = [];
    for (let i = 0; i < stations.length; i += size) chunks.push(stations.slice(i, i + size).map((s) => s.code));
    await this.dataSource.query(
      `UPDATE recompute_run SET total = $2, status = CASE WHEN $2 = 0 THEN 'SUCCEEDED' ELSE 'RUNNING' END,
              started_at = coalesce(started_at, now()), finished_at = CASE WHEN $2 = 0 THEN now() ELSE finished_at END
       WHERE id = $1`,
      [runId, stations.length],
    );
    // Deterministic job ids: planning twice does not enqueue a chunk twice.
    await this.queue.addBulk(
      chunks.map((stationCodes, chunkNo) => ({
        name: RECOMPUTE_JOBS.chunk,
        data: { runId, chunkNo, stationCodes } satisfies RecomputeJobData['chunk'],
        opts: { jobId: `run-${runId}-${chunkNo}` },
      })),
    );
    return { total: stations.length, chunks: chunks.length };
  }

  async chunk({ runId, chunkNo, stationCodes }: RecomputeJobData['chunk']): Promise<ScoringOutcome> {
    const run = await this.runs.get(runId);
    if (!run) return { changed: [], confirmed: [], skipped: [], failed: [], missing: [] };
    return this.scoring.score(stationCodes, {
      cutOff: run.cutOff,
      // Counted in the scoring transaction: a crash either keeps both or neither.
      inTransaction: (manager, outcome) =>
        recordChunk(manager, runId, chunkNo, {
          done: stationCodes.length - outcome.failed.length,
          failed: outcome.failed.length,
          changed: outcome.changed.length,
        }),
    });
  }

  /** A chunk job that used all its attempts: its stations count as failed. */
  async chunkGaveUp({ runId, chunkNo, stationCodes }: RecomputeJobData['chunk']): Promise<void> {
    await this.dataSource.transaction((manager) => recordChunk(manager, runId, chunkNo, { done: 0, failed: stationCodes.length, changed: 0 }));
  }

  /** The nightly run: windows move with the date even when no data does. */
  async nightly(cutOff?: string): Promise<{ runId: string }> {
    if (cutOff !== undefined && !isIsoDate(cutOff)) throw new UnrecoverableError(`nightly job: cutOff "${cutOff}" is not a date`);
    // Created RUNNING in one transaction, so the relay never plans it a second time.
    const run = await this.dataSource.transaction(async (manager) => {
      const created = await this.runs.request({ scopeRegionCode: null, trigger: 'NIGHTLY', requestedBy: null, cutOff }, manager);
      await manager.query(`UPDATE recompute_run SET status = 'RUNNING', started_at = now() WHERE id = $1`, [created.id]);
      return created;
    });
    await this.planRun(run.id);
    await this.housekeeping();
    this.logger.log(`nightly recompute ${run.id} planned for cut-off ${run.cutOff}`);
    return { runId: run.id };
  }

  private async housekeeping(): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox_event WHERE relayed_at < now() - make_interval(days => $1)`, [OUTBOX_RETENTION_DAYS]);
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_RETENTION_HOURS]);
  }
}

async function recordChunk(manager: EntityManager, runId: string, chunkNo: number, counts: { done: number; failed: number; changed: number }): Promise<void> {
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO recompute_run_chunk (run_id, chunk_no, done, failed, changed) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (run_id, chunk_no) DO NOTHING RETURNING chunk_no`,
    [runId, chunkNo, counts.done, counts.failed, counts.changed],
  );
  if (inserted.length === 0) return;
  await manager.query(
    `UPDATE recompute_run SET done = done + $2, failed = failed + $3, changed = changed + $4,
            status = CASE WHEN done + $2 + failed + $3 >= total THEN (CASE WHEN failed + $3 > 0 THEN 'FAILED' ELSE 'SUCCEEDED' END) ELSE status END,
            finished_at = CASE WHEN done + $2 + failed + $3 >= total THEN now() ELSE finished_at END
     WHERE id = $1`,
    [runId, counts.done, counts.failed, counts.changed],
  );
}
