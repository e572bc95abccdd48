// A round's result (ScoreResult, computed on the frozen facts or stored at confirmation) as
// the GraphQL ScoreSnapshot a station's `score` is: the same type, the same field resolvers
// (indicators, criteria, pendingCriteria read the inline contents registered here).
import { INLINE_SNAPSHOTS, type SnapshotContents } from '../../dashboard/loaders/snapshot-cache.js';
import { rubricMeta } from '../../dashboard/loaders/rubric-meta.js';
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
  const meta = rubricMeta(result.rubricVersion);
  const criterionPoints = new Float64Array(meta.criteria.length).fill(Number.NaN);
  const criterionAssessed = new Uint8Array(meta.criteria.length);
  const criterionStatus = new Array<string>(meta.criteria.length).fill('');
  const criterionReason = new Array<string>(meta.criteria.length).fill('');
  for (const c of result.criteria) {
    const i = meta.criterionIndex.get(c.id);
    if (i === undefined) continue;
    criterionPoints[i] = c.points;
    criterionAssessed[i] = c.assessed ? 1 : 0;
    criterionStatus[i] = c.status;
    criterionReason[i] = c.reason;
  }
  const indicatorPoints = new Float64Array(meta.indicators.length).fill(Number.NaN);
  const indicatorApplicable = new Float64Array(meta.indicators.length);
  for (const ind of result.indicators) {
    const i = meta.indicatorIndex.get(ind.id);
    if (i === undefined) continue;
    indicatorPoints[i] = ind.points;
    indicatorApplicable[i] = ind.applicableMax;
  }
  return { meta, criterionPoints, criterionAssessed, criterionStatus, criterionReason, indicatorPoints, indicatorApplicable };
}
