// What a new current score adds to its regions' aggregates (region_score_aggregate, kept by
// the triggers of migration RegionScoreAggregates): first- and third-level indicator points
// and applicable max by indicator id (C collation order, as the migration's backfill orders
// them, so every station of a rubric version lines up) and the assessment completeness
// counts a region summary shows. Written by the current-score upsert itself (score-writer.ts),
// so the triggers move the sums once per statement.
import type { ScoreResult } from './engine/index.js';

/** Code-unit order: the C collation's for these ids (no characters beyond the BMP). */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface Contribution {
  points: number[];
  applicable: number[];
  toAssess: number;
  assessed: number;
  pending: number;
  overrides: number;
}

export function contributionOf(result: ScoreResult): Contribution {
  const indicators = result.indicators.filter((i) => i.level === 1 || i.level === 3).sort(byId);
  const counts = { toAssess: 0, assessed: 0, pending: 0, overrides: 0 };
  for (const c of result.criteria) {
    if (c.source === 'ASSESSED' && c.status !== 'MISSING_ITEM') {
      counts.toAssess++;
      if (c.assessed) counts.assessed++;
    }
    if (c.status === 'PENDING_ASSESSMENT') counts.pending++;
    if (c.source !== 'ASSESSED' && c.assessed) counts.overrides++;
  }
  return { points: indicators.map((i) => i.points), applicable: indicators.map((i) => i.applicableMax), ...counts };
}
