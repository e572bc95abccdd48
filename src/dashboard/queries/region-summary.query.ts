// Region summaries, for any number of regions at once, from region_score_aggregate (sums of
// the current scores per region and rubric version, kept by delta in the transaction of
// every score change: migration RegionScoreAggregates) and a count of the region's stations
// (an index range): no statement reads the stations' scores, whatever the region's size.
// Summaries are kept in memory until the change feed reports a committed change to
// stations, scores or regions.
import { GenerationCache } from '../../database/change-feed.js';
import { rubricMeta } from '../loaders/rubric-meta.js';
import { regionColumn } from '../permissions.js';
import type { IndicatorAverage, RegionSummary, TotalBucket } from '../types/region.types.js';
import type { Queryable } from '../../database/queryable.js';

const BUCKETS = Array.from({ length: 11 }, (_, i) => ({ from: i * 10, to: i === 10 ? 110 : i * 10 + 10 }));
const STARS = [0, 1, 2, 3, 4, 5];

/** Summaries by region, for one generation of the change feed. */
export class RegionSummaryCache {
  readonly summaries = new GenerationCache<RegionSummary>();
}

interface AggregateRow {
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

export async function loadRegionSummaries(
  db: Queryable,
  cache: RegionSummaryCache,
  codes: readonly string[],
  rubricVersion: string,
  generation: number | null,
): Promise<Map<string, RegionSummary>> {
  const found = new Map<string, RegionSummary>();
  for (const code of codes) {
    const hit = cache.summaries.get(code, generation);
    if (hit) found.set(code, hit);
  }
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length > 0) {
    const [counts, rows] = await Promise.all([stationCounts(db, missing), aggregateRows(db, missing)]);
    for (const code of missing) {
      const summary = toSummary(code, counts.get(code) ?? 0, rows.filter((r) => r.code === code), rubricVersion);
      cache.summaries.set(code, generation, summary);
      found.set(code, summary);
    }
  }
  return found;
}

/** Stations per region: one index range per region, regions of a level sharing a statement. */
async function stationCounts(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const byColumn = new Map<string, string[]>();
  for (const code of codes) byColumn.set(regionColumn(code), [...(byColumn.get(regionColumn(code)) ?? []), code]);
  const parts = [...byColumn.keys()].map((column, i) => `SELECT c.code, (SELECT count(*)::int FROM station s WHERE s.${column} = c.code) AS n FROM unnest($${i + 1}::char(6)[]) AS c(code)`);
  const rows = await db.query<{ code: string; n: number }[]>(parts.join(' UNION ALL '), [...byColumn.values()]);
  return new Map(rows.map((r) => [r.code, r.n]));
}

function aggregateRows(db: Queryable, codes: readonly string[]): Promise<AggregateRow[]> {
  return db.query<AggregateRow[]>(
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

/** Element-wise sums of the rows' arrays (counts as numbers). */
function sumCounts(rows: readonly AggregateRow[], pick: (row: AggregateRow) => string[], length: number): number[] {
  return Array.from({ length }, (_, i) => rows.reduce((sum, row) => sum + Number(pick(row)[i] ?? 0), 0));
}

function toSummary(code: string, stationCount: number, rows: readonly AggregateRow[], rubricVersion: string): RegionSummary {
  const scored = rows.reduce((n, r) => n + r.scored, 0);
  const stars = sumCounts(rows, (r) => r.stars, STARS.length);
  const buckets = sumCounts(rows, (r) => r.buckets, BUCKETS.length);
  const count = (pick: (row: AggregateRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const toAssess = count((r) => r.to_assess);
  const assessed = count((r) => r.assessed);
  const averages = indicatorAverages(rows, rubricVersion);
  return {
    regionCode: code,
    stationCount,
    scoredCount: scored,
    starCounts: STARS.map((n, i) => ({ stars: n, count: stars[i] })),
    ineligibleCount: count((r) => r.ineligible),
    averageTotal: scored > 0 ? (rows[0]?.average ?? null) : null,
    totalDistribution: BUCKETS.map((b, i): TotalBucket => ({ ...b, count: buckets[i] })),
    firstLevelAverages: averages.filter((a) => a.level === 1),
    thirdLevelAverages: averages.filter((a) => a.level === 3 && a.ratio !== null).sort((a, b) => a.ratio! - b.ratio! || a.averagePoints - b.averagePoints),
    completeness: {
      criteriaToAssess: toAssess,
      assessed,
      pending: count((r) => r.pending),
      ratio: toAssess > 0 ? round4(assessed / toAssess) : null,
      overrides: count((r) => r.overrides),
      stationsWithPending: count((r) => r.with_pending),
    },
  };
}

/** The first- and third-level indicator ids of a rubric in the order of the contribution arrays (station-contributions.ts). */
function contributionIds(version: string): string[] {
  return rubricMeta(version)
    .indicators.filter((i) => i.level !== 2)
    .map((i) => i.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

interface IndicatorSums {
  points: number;
  applicable: number;
  stations: number;
  /** The quotients of PostgreSQL when one rubric version has the indicator (always, with one rubric in use). */
  single: { points: number; applicable: number; ratio: number | null } | null;
  versions: number;
}

/** Averages per indicator over the rows' rubric versions, in the order of `rubricVersion`'s rubric. */
function indicatorAverages(rows: readonly AggregateRow[], rubricVersion: string): IndicatorAverage[] {
  const sums = new Map<string, IndicatorSums>();
  for (const row of rows) {
    if (row.rubric_version === '' || row.points.length === 0) continue;
    contributionIds(row.rubric_version).forEach((id, i) => {
      const stations = Number(row.stations[i] ?? 0);
      if (stations <= 0) return;
      const sum = sums.get(id) ?? { points: 0, applicable: 0, stations: 0, single: null, versions: 0 };
      sums.set(id, {
        points: sum.points + Number(row.points[i]),
        applicable: sum.applicable + Number(row.applicable[i]),
        stations: sum.stations + stations,
        single: { points: row.average_points[i]!, applicable: row.average_applicable[i]!, ratio: row.ratio[i] },
        versions: sum.versions + 1,
      });
    });
  }
  const meta = rubricMeta(rubricVersion);
  return [...sums.entries()]
    .map(([id, sum]): IndicatorAverage => {
      const m = meta.indicators[meta.indicatorIndex.get(id) ?? -1];
      const q = sum.versions === 1 && sum.single ? sum.single : { points: sum.points / sum.stations, applicable: sum.applicable / sum.stations, ratio: sum.applicable === 0 ? null : sum.points / sum.applicable };
      return {
        indicatorId: id,
        code: m?.code ?? id,
        name: m?.name ?? '',
        level: m?.level ?? 3,
        max: m?.points ?? 0,
        averagePoints: round4(q.points),
        averageApplicableMax: round4(q.applicable),
        ratio: q.ratio === null ? null : round4(q.ratio),
        stations: sum.stations,
      };
    })
    .sort((a, b) => (meta.indicatorIndex.get(a.indicatorId) ?? 0) - (meta.indicatorIndex.get(b.indicatorId) ?? 0));
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
