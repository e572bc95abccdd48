// A round's result (ScoreResult, computed on the frozen facts or stored at confirmation) as
// the GraphQL ScoreSnapshot a station's `score` is: the same type, the same field resolvers
// (indicators, criteria, pendingCriteria read the inline contents registered here).
import { INLINE_SNAPSHOTS, snapshotContents, type SnapshotContents } from '../../dashboard/loaders/snapshot-cache.js';
import type { ScoreSnapshot } from '../../dashboard/types/score.types.js';
import type { ScoreResult } from '../../scoring/engine/index.js';

export function snapshotOfResult(id: string, result: ScoreResult, computedAt: Date): ScoreSnapshot {
  const snapshot: ScoreSnapshot = {
    id,
    stationCode: result.stationCode,
    current: false,
    computedAt,
    evaluatedAt: null,
    cutOff: result.cutOff,
    rubricVersion: result.rubricVersion,
    starPolicyId: result.policyId,
    inputHash: result.inputHash,
    raw: result.raw,
    applicable: result.applicable,
    rebased: result.rebased,
    bonus: result.bonus,
    total: result.total,
    stars: result.stars,
    eligible: result.eligible,
    pendingCount: result.pendingCriteria.length,
    missingCount: result.missingItems.length,
    rebaseNote: result.rebaseNote,
    starLevels: result.starLevels,
    blockingVetoes: result.blockingVetoes.map((v) => ({ id: v.id, kind: v.kind, date: v.date, description: v.description, personExternalId: v.personExternalId ?? null })),
    bonusItems: result.bonusItems,
    missingItems: result.missingItems.map((m) => ({ criterionId: m.id, code: m.code, max: m.max, reason: m.reason })),
  };
  INLINE_SNAPSHOTS.set(snapshot, contentsOf(result));
  return snapshot;
}

function contentsOf(result: ScoreResult): SnapshotContents {
  return snapshotContents(result.rubricVersion, result.criteria, result.indicators);
}
