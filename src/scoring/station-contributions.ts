// What a new current score adds to its regions' aggregates (region_score_aggregate, kept by
// the triggers of migration RegionScoreAggregates): first- and third-level indicator points
// and applicable max by indicator id (C collation order, as the migration's backfill orders
// them, so every station of a rubric version lines up) and the assessment completeness
// counts a region summary shows. Written right after the current-score upsert, in its
// transaction; the triggers then move the sums.
import type { EntityManager } from 'typeorm';
import type { ScoreResult } from './engine/index.js';

/** Code-unit order: the C collation's for these ids (no characters beyond the BMP). */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface Contribution {
  points: number[];
  applicable: number[];
  toAssess: number;
  assessed: number;
  pending: number;
  overrides: number;
}

function contributionOf(result: ScoreResult): Contribution {
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

/** Stores the contributions of the stations' new current scores (call after their station_score rows are written). */
export async function writeContributions(manager: EntityManager, results: readonly ScoreResult[]): Promise<void> {
  if (results.length === 0) return;
  const all = results.map(contributionOf);
  // Arrays of arrays cannot be unnested row by row in PostgreSQL: each row's arrays go as JSON.
  await manager.query(
    `UPDATE station_score ss SET rubric_version = t.rubric_version,
            indicator_points = ARRAY(SELECT e::numeric FROM jsonb_array_elements_text(t.points) WITH ORDINALITY AS j(e, i) ORDER BY i),
            indicator_applicable = ARRAY(SELECT e::numeric FROM jsonb_array_elements_text(t.applicable) WITH ORDINALITY AS j(e, i) ORDER BY i),
            criteria_to_assess = t.to_assess, criteria_assessed = t.assessed, criteria_pending = t.pending, criteria_overrides = t.overrides
     FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[], $4::jsonb[], $5::smallint[], $6::smallint[], $7::smallint[], $8::smallint[])
       AS t(station_code, rubric_version, points, applicable, to_assess, assessed, pending, overrides)
     WHERE ss.station_code = t.station_code`,
    [
      results.map((r) => r.stationCode),
      results.map((r) => r.rubricVersion),
      all.map((c) => JSON.stringify(c.points)),
      all.map((c) => JSON.stringify(c.applicable)),
      all.map((c) => c.toAssess),
      all.map((c) => c.assessed),
      all.map((c) => c.pending),
      all.map((c) => c.overrides),
    ],
  );
}
