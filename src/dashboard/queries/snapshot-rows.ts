// A score snapshot's own row (score_snapshot, alias sn) and its GraphQL shape.
import type { BlockingVeto, BonusItem, MissingItem, ScoreSnapshot, StarLevelResult } from '../types/score.types.js';

/** Columns of a snapshot row (alias sn), numbers cast to float8. */
export const SNAPSHOT_COLUMNS = `sn.id::text AS snapshot_id, sn.station_code AS snapshot_station, sn.computed_at, sn.cut_off, sn.rubric_version, sn.star_policy_id, sn.input_hash,
  sn.raw::float8 AS raw, sn.applicable::float8 AS applicable, sn.rebased::float8 AS rebased, sn.bonus::float8 AS bonus, sn.total::float8 AS total,
  sn.stars, sn.eligible, sn.pending_count, sn.missing_count, sn.rebase_note, sn.blocking_vetoes, sn.star_levels, sn.bonus_items, sn.missing_items`;

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
  blocking_vetoes: BlockingVeto[];
  star_levels: StarLevelResult[];
  bonus_items: BonusItem[];
  missing_items: { id: string; code: string; max: number; reason: string }[];
}

/** Everything a snapshot says, without whether it is the current one. */
export type SnapshotHeader = { [K in Exclude<keyof ScoreSnapshot, 'current' | 'evaluatedAt'>]: Awaited<ScoreSnapshot[K]> };

export function toSnapshotHeader(row: SnapshotRow): SnapshotHeader {
  return {
    id: row.snapshot_id,
    stationCode: row.snapshot_station,
    computedAt: row.computed_at,
    cutOff: row.cut_off,
    rubricVersion: row.rubric_version,
    starPolicyId: row.star_policy_id,
    inputHash: row.input_hash,
    raw: row.raw,
    applicable: row.applicable,
    rebased: row.rebased,
    bonus: row.bonus,
    total: row.total,
    stars: row.stars,
    eligible: row.eligible,
    pendingCount: row.pending_count,
    missingCount: row.missing_count,
    rebaseNote: row.rebase_note,
    starLevels: row.star_levels,
    blockingVetoes: row.blocking_vetoes.map((v) => ({ ...v, personExternalId: v.personExternalId ?? null })),
    bonusItems: row.bonus_items,
    missingItems: row.missing_items.map((m): MissingItem => ({ criterionId: m.id, code: m.code, max: m.max, reason: m.reason })),
  };
}

/** A whole snapshot row as the GraphQL ScoreSnapshot. */
export function toSnapshot(row: SnapshotRow, current: boolean, evaluatedAt: Date | null = null): ScoreSnapshot {
  return { ...toSnapshotHeader(row), current, evaluatedAt: current ? evaluatedAt : null };
}
