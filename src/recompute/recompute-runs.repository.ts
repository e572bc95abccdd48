// Reads of recompute runs (table recompute_run) beyond the entity's own lookups: the runs
// within a region, newest first. Who may see which runs is the caller's decision.
import type { Queryable } from '../database/queryable.js';

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
  constructor(private readonly db: Queryable) {}

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
