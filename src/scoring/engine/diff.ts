// diffScores: the criteria whose points changed between two results, with both sides'
// status and reason, in the order of `after` (then criteria only in `before`).
import type { CriterionChange, CriterionResult, CriterionSnapshot, ScoreResult } from './score-result.js';

function snapshot(c: CriterionResult): CriterionSnapshot {
  return { points: c.points, max: c.max, status: c.status, assessed: c.assessed, reason: c.reason };
}

export function diffScores(before: ScoreResult, after: ScoreResult): CriterionChange[] {
  const old = new Map(before.criteria.map((c) => [c.id, c]));
  const changes: CriterionChange[] = [];
  for (const a of after.criteria) {
    const b = old.get(a.id);
    old.delete(a.id);
    if (b !== undefined && b.points === a.points) continue;
    changes.push({
      criterionId: a.id,
      code: a.code,
      before: b === undefined ? null : snapshot(b),
      after: snapshot(a),
      delta: (Math.round(a.points * 2) - Math.round((b?.points ?? 0) * 2)) / 2,
    });
  }
  for (const b of old.values()) {
    if (b.points === 0) continue;
    changes.push({ criterionId: b.id, code: b.code, before: snapshot(b), after: null, delta: -b.points });
  }
  return changes;
}
