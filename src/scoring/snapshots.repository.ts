// Score snapshots' reads (score_snapshot, alias sn): whole snapshots by id, a station's history
// newest first, and the snapshots in force at two instants. A snapshot never changes once
// written (score-writer.ts); whether it is the current one comes from station_score.
import type { Queryable } from '../database/queryable.js';

/** Columns of a snapshot row (alias sn), numbers cast to float8. */
const SNAPSHOT_COLUMNS = `sn.id::text AS snapshot_id, sn.station_code AS snapshot_station, sn.computed_at, sn.cut_off, sn.rubric_version, sn.star_policy_id, sn.input_hash,
  sn.raw::float8 AS raw, sn.applicable::float8 AS applicable, sn.rebased::float8 AS rebased, sn.bonus::float8 AS bonus, sn.total::float8 AS total,
  sn.stars, sn.eligible, sn.pending_count, sn.missing_count, sn.rebase_note, sn.blocking_vetoes, sn.star_levels, sn.bonus_items, sn.missing_items`;

// The result's lists as score-writer.ts stores them (JSON arrays of the snapshot row).
interface StoredBlockingVeto {
  id: string;
  kind: string;
  date: string;
  description: string;
  personExternalId?: string | null;
}

interface StoredStarLevel {
  stars: number;
  threshold: number;
  score: number;
  passed: boolean;
  reason: string;
}

interface StoredBonusItem {
  eventKey: string;
  category: string;
  level: string;
  date: string;
  points: number;
  counted: boolean;
  reason: string;
}

export interface SnapshotRow {
  snapshot_id: string;
  snapshot_station: string;
  computed_at: Date;
  cut_off: string;
  rubric_version: string;
  star_policy_id: string;
  input_hash: string;
  raw: number;
  applicable: number;
  rebased: number;
  bonus: number;
  total: number;
  stars: number;
  eligible: boolean;
  pending_count: number;
  missing_count: number;
  rebase_note: string | null;
  blocking_vetoes: StoredBlockingVeto[];
  star_levels: StoredStarLevel[];
  bonus_items: StoredBonusItem[];
  missing_items: { id: string; code: string; max: number; reason: string }[];
}

/** A whole snapshot: its row and its criterion and indicator results. */
export interface SnapshotContentsRow extends SnapshotRow {
  /** [criterion_id, points, max, source, assessed, status, reason] (StoredCriterion). */
  criteria: [string, number, number, string, boolean, string, string][];
  /** [indicator_id, level, points, max, applicable_max] (StoredIndicator). */
  indicators: [string, number, number, number, number][];
}

/** A snapshot row with whether it is its station's current score, and since when. */
export type SnapshotInForceRow = SnapshotRow & { is_current: boolean; evaluated_at: Date | null };

export interface HistoryQuery {
  stationCode: string;
  /** Snapshot id of the last row seen, or null. */
  beforeId: string | null;
  limit: number;
}

export interface EndsQuery {
  stationCode: string;
  from: Date | null;
  to: Date | null;
}

type Numbered<R> = R & { request: number };

export class SnapshotsRepository {
  constructor(private readonly db: Queryable) {}

  /** The snapshots that exist among the ids, whole, in one statement (any order). */
  contents(ids: readonly string[]): Promise<SnapshotContentsRow[]> {
    return this.db.query<SnapshotContentsRow[]>(
      `SELECT ${SNAPSHOT_COLUMNS}, sn.criteria, sn.indicators
       FROM unnest($1::bigint[]) AS t(id) JOIN score_snapshot sn ON sn.id = t.id`,
      [ids],
    );
  }

  /** For each query: up to `limit` snapshots of its station before `beforeId`, newest first. One statement. */
  async history(queries: readonly HistoryQuery[]): Promise<SnapshotInForceRow[][]> {
    const rows = await this.db.query<Numbered<SnapshotInForceRow>[]>(
      `SELECT r.request, sn.* FROM unnest($1::varchar[], $2::bigint[], $3::int[]) WITH ORDINALITY AS r(station_code, before_id, lim, request)
       CROSS JOIN LATERAL (
         SELECT ${SNAPSHOT_COLUMNS}, ss.evaluated_at, ss.snapshot_id IS NOT NULL AS is_current
         FROM score_snapshot sn LEFT JOIN station_score ss ON ss.snapshot_id = sn.id
         WHERE sn.station_code = r.station_code AND (r.before_id IS NULL OR sn.id < r.before_id)
         ORDER BY sn.id DESC LIMIT r.lim
       ) sn`,
      [queries.map((r) => r.stationCode), queries.map((r) => r.beforeId), queries.map((r) => r.limit)],
    );
    return queries.map((_, i) => rows.filter((row) => Number(row.request) === i + 1));
  }

  /**
   * For each query: the snapshot in force at `to` (default: the latest) and the one in force
   * at `from` (default: the one before it). One statement; the snapshot rows come back whole.
   */
  async ends(queries: readonly EndsQuery[]): Promise<{ from: SnapshotInForceRow | null; to: SnapshotInForceRow | null }[]> {
    const rows = await this.db.query<Numbered<SnapshotInForceRow & { side: 'from' | 'to' }>[]>(
      `WITH r AS (
         SELECT * FROM unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS r(station_code, from_at, to_at, request)
       ), ends AS (
         SELECT r.request, t.id AS to_id, f.id AS from_id FROM r
         LEFT JOIN LATERAL (SELECT sn.id FROM score_snapshot sn WHERE sn.station_code = r.station_code AND (r.to_at IS NULL OR sn.computed_at <= r.to_at)
                            ORDER BY sn.computed_at DESC, sn.id DESC LIMIT 1) t ON true
         LEFT JOIN LATERAL (SELECT sn.id FROM score_snapshot sn WHERE sn.station_code = r.station_code
                              AND (CASE WHEN r.from_at IS NULL THEN sn.id < t.id ELSE sn.computed_at <= r.from_at END)
                            ORDER BY sn.computed_at DESC, sn.id DESC LIMIT 1) f ON true
       )
       SELECT e.request, side.side, ${SNAPSHOT_COLUMNS}, ss.evaluated_at, ss.snapshot_id IS NOT NULL AS is_current
       FROM ends e CROSS JOIN LATERAL (VALUES ('from', e.from_id), ('to', e.to_id)) AS side(side, id)
       JOIN score_snapshot sn ON sn.id = side.id
       LEFT JOIN station_score ss ON ss.snapshot_id = sn.id`,
      [queries.map((r) => r.stationCode), queries.map((r) => r.from), queries.map((r) => r.to)],
    );
    return queries.map((_, i) => {
      const side = (name: 'from' | 'to') => rows.find((x) => Number(x.request) === i + 1 && x.side === name) ?? null;
      return { from: side('from'), to: side('to') };
    });
  }
}
