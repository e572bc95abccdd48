// Region score aggregates (region_score_aggregate): sums of the current scores per region and
// rubric version, kept by delta in the transaction of every score change (migration
// RegionScoreAggregates, score-writer.ts). One read: the rows of some regions, every version,
// with the quotients PostgreSQL computes so a summary's averages match avg() to the last digit.
import type { Queryable } from '../database/queryable.js';

/** One region and rubric version: counts, sums (numeric as text) and per-indicator arrays. */
export interface AggregateRow {
  code: string;
  rubric_version: string;
  scored: number;
  ineligible: number;
  with_pending: number;
  total_sum: string;
  stars: string[];
  buckets: string[];
  points: string[];
  applicable: string[];
  stations: string[];
  to_assess: number;
  assessed: number;
  pending: number;
  overrides: number;
  /** Over every version of the region: the quotients computed as PostgreSQL's avg() computes them. */
  average: number | null;
  /** Per indicator of this version: Σ points / stations, Σ applicable / stations, Σ points / Σ applicable. */
  average_points: (number | null)[];
  average_applicable: (number | null)[];
  ratio: (number | null)[];
}


export class RegionAggregatesRepository {
  constructor(private readonly db: Queryable) {}

  /** Every rubric version's row of each region asked for (regions without scores have none). */
  rows(codes: readonly string[]): Promise<AggregateRow[]> {
    return this.db.query<AggregateRow[]>(
      `SELECT region_code AS code, rubric_version, scored, ineligible, with_pending, total_sum::text, stars::text[], buckets::text[],
              indicator_points::text[] AS points, indicator_applicable::text[] AS applicable, indicator_stations::text[] AS stations,
              criteria_to_assess AS to_assess, criteria_assessed AS assessed, criteria_pending AS pending, criteria_overrides AS overrides,
              (sum(total_sum) OVER w / nullif(sum(scored) OVER w, 0))::float8 AS average,
              ARRAY(SELECT (p / nullif(n, 0))::float8 FROM unnest(indicator_points, indicator_stations) WITH ORDINALITY AS u(p, n, i) ORDER BY i) AS average_points,
              ARRAY(SELECT (a / nullif(n, 0))::float8 FROM unnest(indicator_applicable, indicator_stations) WITH ORDINALITY AS u(a, n, i) ORDER BY i) AS average_applicable,
              ARRAY(SELECT (p / nullif(a, 0))::float8 FROM unnest(indicator_points, indicator_applicable) WITH ORDINALITY AS u(p, a, i) ORDER BY i) AS ratio
       FROM region_score_aggregate WHERE region_code = ANY($1::char(6)[])
       WINDOW w AS (PARTITION BY region_code)`,
      [codes],
    );
  }
}
