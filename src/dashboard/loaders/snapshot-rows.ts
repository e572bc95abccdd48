// A score snapshot's own row (SnapshotsRepository) as its GraphQL shape.
import type { SnapshotRow } from '../../scoring/snapshots.repository.js';
import type { MissingItem, ScoreSnapshot } from '../types/score.types.js';

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
