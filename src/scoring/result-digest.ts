import { createHash } from 'node:crypto';
import type { ScoreResult } from './engine/index.js';

/**
 * Digest of what a score says (points, statuses, reasons, stars, vetoes, bonus), leaving
 * out when and from which exact inputs it was computed: two evaluations with the same
 * digest are the same score, so the second one adds no snapshot.
 */
export function resultDigest(result: ScoreResult): string {
  const said = {
    rubricVersion: result.rubricVersion,
    policyId: result.policyId,
    raw: result.raw,
    applicable: result.applicable,
    rebased: result.rebased,
    bonus: result.bonus,
    total: result.total,
    stars: result.stars,
    eligible: result.eligible,
    blockingVetoes: result.blockingVetoes.map((v) => v.id),
    starLevels: result.starLevels,
    pendingCriteria: result.pendingCriteria,
    missingItems: result.missingItems,
    rebaseNote: result.rebaseNote,
    criteria: result.criteria.map((c) => [c.id, c.points, c.status, c.assessed, c.reason]),
    bonusItems: result.bonusItems,
  };
  return createHash('sha256').update(JSON.stringify(said)).digest('hex');
}
