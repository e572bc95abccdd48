// Region summaries, for any number of regions at once, from region_score_aggregate (sums of
// the current scores per region and rubric version, kept by delta in the transaction of
// every score change: migration RegionScoreAggregates; RegionAggregatesRepository) and a
// count of the region's stations (an index range): no statement reads the stations' scores,
// whatever the region's size. Summaries are kept in memory until the change feed reports a
// committed change to stations, scores or regions.
import { GenerationCache } from '../../database/change-feed.js';
import type { Queryable } from '../../database/queryable.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { RegionAggregatesRepository, type AggregateRow } from '../../scoring/region-aggregates.repository.js';
import { rubricMeta } from './rubric-meta.js';
import type { StationRegionColumn } from '../../regions/region.entity.js';
import { regionColumn } from '../permissions.js';
import type { IndicatorAverage, RegionSummary, TotalBucket } from '../types/region.types.js';

const BUCKETS = Array.from({ length: 11 }, (_, i) => ({ from: i * 10, to: i === 10 ? 110 : i * 10 + 10 }));
const STARS = [0, 1, 2, 3, 4, 5];

/** Summaries by region, for one generation of the change feed. */
export class RegionSummaryCache {
  readonly summaries = new GenerationCache<RegionSummary>();
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
    const [counts, rows] = await Promise.all([stationCounts(db, missing), new RegionAggregatesRepository(db).rows(missing)]);
    for (const code of missing) {
      const summary = toSummary(code, counts.get(code) ?? 0, rows.filter((r) => r.code === code), rubricVersion);
      cache.summaries.set(code, generation, summary);
      found.set(code, summary);
    }
  }
  return found;
}

/** Stations per region: regions of a level share a statement, one index range per region. */
function stationCounts(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const byColumn = new Map<StationRegionColumn, string[]>();
  for (const code of codes) byColumn.set(regionColumn(code), [...(byColumn.get(regionColumn(code)) ?? []), code]);
  return new RegionsRepository(db).stationCountsByLevel(byColumn);
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
