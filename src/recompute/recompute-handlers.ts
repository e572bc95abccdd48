// What each recompute job does. Every handler is idempotent: running a job twice leaves the
// same state (scores skip identical inputs; run counters count a chunk once).
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IdempotencyRepository } from '../ingestion/idempotency/idempotency.repository.js';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { isIsoDate } from '../domain/dates.js';
import { STATION_COLUMN_OF_LEVEL, type StationRegionColumn } from '../regions/region.entity.js';
import { regionShape } from '../regions/regions.service.js';
import { StationScoringService, type ScoringOutcome } from '../scoring/station-scoring.service.js';
import { RECOMPUTE_JOBS, type RecomputeJobData, type RecomputeJobName } from './recompute-jobs.js';
import { RecomputeQueue } from './recompute-queue.js';
import { RecomputeRunsRepository } from './recompute-runs.repository.js';
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
    const column: StationRegionColumn | null = run.scopeRegionCode === null ? null : STATION_COLUMN_OF_LEVEL[regionShape(run.scopeRegionCode).level];
    const runs = new RecomputeRunsRepository(this.dataSource);
    const stations = await runs.stationCodes(column === null ? null : { column, code: run.scopeRegionCode! });
    const size = this.config.recompute.chunkSize;
    const chunks: string[][] = [];
    for (let i = 0; i < stations.length; i += size) chunks.push(stations.slice(i, i + size).map((s) => s.code));
    // Planned twice (a retried or re-enqueued job), the status follows the counters: a run
    // whose chunks have all been counted meanwhile stays finished. 0 stations: done at once.
    await runs.recordPlan(runId, stations.length);
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
        new RecomputeRunsRepository(manager).recordChunk(runId, chunkNo, {
          done: stationCodes.length - outcome.failed.length,
          failed: outcome.failed.length,
          changed: outcome.changed.length,
        }),
    });
  }

  /** A chunk job that used all its attempts: its stations count as failed. */
  async chunkGaveUp({ runId, chunkNo, stationCodes }: RecomputeJobData['chunk']): Promise<void> {
    await this.dataSource.transaction((manager) => new RecomputeRunsRepository(manager).recordChunk(runId, chunkNo, { done: 0, failed: stationCodes.length, changed: 0 }));
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
    await new RecomputeRunsRepository(this.dataSource).failUnstarted(runId);
  }

  private async housekeeping(): Promise<void> {
    await new OutboxRepository(this.dataSource).deleteRelayedBefore(OUTBOX_RETENTION_DAYS);
    await new IdempotencyRepository(this.dataSource).deleteOlderThan(IDEMPOTENCY_RETENTION_HOURS);
  }
}

/** The run a nightly job stands for: the same for every attempt of the job, new for every job. */
export function nightlyRunId(job: Pick<Job, 'id' | 'timestamp'>): string {
  const hex = createHash('sha256').update(`nightly:${job.id}:${job.timestamp}`).digest('hex');
  // Shaped as a version 5 (name-based) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
