// What each recompute job does. Every handler is idempotent: running a job twice leaves the
// same state (scores skip identical inputs; run counters count a chunk once).
import { createHash } from 'node:crypto';
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
      [RECOMPUTE_JOBS.nightly]: (job) => this.nightly((job.data as RecomputeJobData['nightly']).cutOff, nightlyRunId(job)),
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
    // Planned twice (a retried or re-enqueued job), the status follows the counters: a run
    // whose chunks have all been counted meanwhile stays finished. 0 stations: done at once.
    await this.dataSource.query(
      `UPDATE recompute_run SET total = $2,
              status = CASE WHEN done + failed >= $2 THEN (CASE WHEN failed > 0 THEN 'FAILED' ELSE 'SUCCEEDED' END) ELSE 'RUNNING' END,
              started_at = coalesce(started_at, now()), finished_at = CASE WHEN done + failed >= $2 THEN coalesce(finished_at, now()) ELSE NULL END
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
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

  /**
   * The nightly run: windows move with the date even when no data does. Its run id comes
   * from the job, so a job retried after its worker died plans the same run again instead
   * of starting a second one.
   */
  async nightly(cutOff: string | undefined, runId: string): Promise<{ runId: string }> {
    if (cutOff !== undefined && !isIsoDate(cutOff)) throw new UnrecoverableError(`nightly job: cutOff "${cutOff}" is not a date`);
    // Created RUNNING, so the relay never plans it.
    const run = await this.runs.requestOnce(runId, { scopeRegionCode: null, trigger: 'NIGHTLY', requestedBy: null, cutOff }, 'RUNNING');
    await this.planRun(run.id);
    await this.housekeeping();
    this.logger.log(`nightly recompute ${run.id} planned for cut-off ${run.cutOff}`);
    return { runId: run.id };
  }

  /** A planning or nightly job that used all its attempts: its run never started, it failed. */
  async planningGaveUp(runId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE recompute_run SET status = 'FAILED', finished_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND done + failed = 0`,
      [runId],
    );
  }

  private async housekeeping(): Promise<void> {
    await this.dataSource.query(`DELETE FROM outbox_event WHERE relayed_at < now() - make_interval(days => $1)`, [OUTBOX_RETENTION_DAYS]);
    await this.dataSource.query(`DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1)`, [IDEMPOTENCY_RETENTION_HOURS]);
  }
}

/** The run a nightly job stands for: the same for every attempt of the job, new for every job. */
export function nightlyRunId(job: Pick<Job, 'id' | 'timestamp'>): string {
  const hex = createHash('sha256').update(`nightly:${job.id}:${job.timestamp}`).digest('hex');
  // Shaped as a version 5 (name-based) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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
