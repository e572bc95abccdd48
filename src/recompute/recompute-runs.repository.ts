// The recompute_run and recompute_run_chunk tables: runs, their counters and their chunks,
// the stations a run covers, and the runs within a region (who may see them is the caller's
// decision). Every statement keeps the counters consistent on its own, so a job that runs
// twice counts once.
import type { DeepPartial } from 'typeorm';
import type { EntityStore } from '../database/queryable.js';
import type { StationRegionColumn } from '../regions/region.entity.js';
import { RecomputeRunRecord, type RecomputeTrigger } from './recompute-run.entity.js';


export interface ChunkCounts {
  done: number;
  failed: number;
  changed: number;
}

/** A recompute run: its scope, trigger, status, counters and times. */
export interface RecomputeRunSummary {
  id: string;
  scopeRegionCode: string | null;
  trigger: string;
  status: string;
  cutOff: string;
  total: number;
  done: number;
  failed: number;
  changed: number;
  requestedBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  scope_region_code: string | null;
  trigger: string;
  status: string;
  cut_off: string;
  total: number;
  done: number;
  failed: number;
  changed: number;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function fromRow(r: RunRow): RecomputeRunSummary {
  return {
    id: r.id,
    scopeRegionCode: r.scope_region_code,
    trigger: r.trigger,
    status: r.status,
    cutOff: r.cut_off,
    total: r.total,
    done: r.done,
    failed: r.failed,
    changed: r.changed,
    requestedBy: r.requested_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export class RecomputeRunsRepository {
  constructor(private readonly db: EntityStore) {}

  async insert(run: DeepPartial<RecomputeRunRecord>): Promise<RecomputeRunRecord> {
    const repository = this.db.getRepository(RecomputeRunRecord);
    return repository.save(repository.create(run));
  }

  find(id: string): Promise<RecomputeRunRecord | null> {
    return this.db.getRepository(RecomputeRunRecord).findOne({ where: { id } });
  }

  /** The newest `limit` runs, newest first. */
  newest(limit: number): Promise<RecomputeRunRecord[]> {
    return this.db.getRepository(RecomputeRunRecord).find({ order: { createdAt: 'DESC' }, take: limit });
  }

  /** A run with this id unless it exists (started now when created RUNNING). */
  async insertOnce(id: string, run: { scopeRegionCode: string | null; trigger: RecomputeTrigger; status: 'QUEUED' | 'RUNNING'; cutOff: string; requestedBy: string | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO recompute_run (id, scope_region_code, trigger, status, cut_off, requested_by, started_at)
       VALUES ($1, $2, $3, $4::varchar, $5, $6, CASE WHEN $4::varchar = 'RUNNING' THEN now() END) ON CONFLICT (id) DO NOTHING`,
      [id, run.scopeRegionCode, run.trigger, run.status, run.cutOff, run.requestedBy],
    );
  }

  /** Codes of every station, or of those whose `column` is `code`, in code order. */
  stationCodes(scope: { column: StationRegionColumn; code: string } | null): Promise<{ code: string }[]> {
    return this.db.query(
      scope === null ? `SELECT code FROM station ORDER BY code` : `SELECT code FROM station WHERE ${scope.column} = $1 ORDER BY code`,
      scope === null ? [] : [scope.code],
    );
  }

  /**
   * Records a planned run's total; the status follows the counters (a run whose chunks have
   * all been counted meanwhile stays finished; 0 stations: done at once).
   */
  async recordPlan(runId: string, total: number): Promise<void> {
    await this.db.query(
      `UPDATE recompute_run SET total = $2,
              status = CASE WHEN done + failed >= $2 THEN (CASE WHEN failed > 0 THEN 'FAILED' ELSE 'SUCCEEDED' END) ELSE 'RUNNING' END,
              started_at = coalesce(started_at, now()), finished_at = CASE WHEN done + failed >= $2 THEN coalesce(finished_at, now()) ELSE NULL END
       WHERE id = $1 AND status IN ('QUEUED', 'RUNNING')`,
      [runId, total],
    );
  }

  /** A run that never started: FAILED (nothing counted yet). */
  async failUnstarted(runId: string): Promise<void> {
    await this.db.query(
      `UPDATE recompute_run SET status = 'FAILED', finished_at = now() WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') AND done + failed = 0`,
      [runId],
    );
  }

  /** Counts a chunk once (its row is the proof), adding to the run's counters and finishing it when all are counted. */
  async recordChunk(runId: string, chunkNo: number, counts: ChunkCounts): Promise<void> {
    const inserted = await this.db.query<unknown[]>(
      `INSERT INTO recompute_run_chunk (run_id, chunk_no, done, failed, changed) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (run_id, chunk_no) DO NOTHING RETURNING chunk_no`,
      [runId, chunkNo, counts.done, counts.failed, counts.changed],
    );
    if (inserted.length === 0) return;
    await this.db.query(
      `UPDATE recompute_run SET done = done + $2, failed = failed + $3, changed = changed + $4,
            status = CASE WHEN done + $2 + failed + $3 >= total THEN (CASE WHEN failed + $3 > 0 THEN 'FAILED' ELSE 'SUCCEEDED' END) ELSE status END,
            finished_at = CASE WHEN done + $2 + failed + $3 >= total THEN now() ELSE finished_at END
     WHERE id = $1`,
      [runId, counts.done, counts.failed, counts.changed],
    );
  }

  /** QUEUED runs, oldest first, locked (others' locked rows skipped). */
  lockQueued(): Promise<{ id: string }[]> {
    return this.db.query(`SELECT id FROM recompute_run WHERE status = 'QUEUED' ORDER BY created_at FOR UPDATE SKIP LOCKED`);
  }

  async markRunning(ids: readonly string[]): Promise<void> {
    await this.db.query(`UPDATE recompute_run SET status = 'RUNNING', started_at = coalesce(started_at, now()) WHERE id = ANY($1::uuid[]) AND status = 'QUEUED'`, [ids]);
  }

  /** Every RUNNING run back to QUEUED (to be planned again); answers how many. */
  async requeueRunning(): Promise<number> {
    const [runs] = await this.db.query<{ n: number }[]>(
      `WITH replanned AS (UPDATE recompute_run SET status = 'QUEUED' WHERE status = 'RUNNING' RETURNING 1) SELECT count(*)::int AS n FROM replanned`,
    );
    return runs.n;
  }

  /** Up to `limit` runs, newest first: those whose scope lies under the region prefix (null: every run). */
  async under(regionPrefix: string | null, limit: number): Promise<RecomputeRunSummary[]> {
    const rows = await this.db.query<RunRow[]>(
      `SELECT id, scope_region_code, trigger, status, cut_off, total, done, failed, changed, requested_by, created_at, started_at, finished_at
       FROM recompute_run
       WHERE $1::text IS NULL OR scope_region_code LIKE $1 || '%'
       ORDER BY created_at DESC, id LIMIT $2`,
      [regionPrefix, limit],
    );
    return rows.map(fromRow);
  }
}
