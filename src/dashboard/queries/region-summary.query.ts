// Region summaries over the stations' current scores, for any number of regions at once:
// one statement for the headline figures (one row per station; kept in memory until the
// change feed reports a committed change to stations, scores or regions) and, only for
// regions whose scores changed since last time, one statement for the indicator averages
// and assessment completeness (a scan of the current snapshots' indicator and criterion
// rows). Snapshots are immutable and their ids only grow, so the set of current snapshot
// ids (count, sum, max) identifies what the expensive part was computed from.
import { GenerationCache } from '../../database/change-feed.js';
import { rubricMeta } from '../loaders/rubric-meta.js';
import { regionColumn } from '../permissions.js';
import type { AssessmentCompleteness, IndicatorAverage, RegionSummary, TotalBucket } from '../types/region.types.js';
import type { Queryable } from './queryable.js';

const BUCKETS = Array.from({ length: 11 }, (_, i) => ({ from: i * 10, to: i === 10 ? 110 : i * 10 + 10 }));
const STARS = [0, 1, 2, 3, 4, 5];

interface HeadlineRow {
  code: string;
  stations: number;
  scored: number;
  ineligible: number;
  average: number | null;
  stations_with_pending: number;
  fingerprint: string;
  [column: string]: unknown;
}

interface Details {
  averages: IndicatorAverage[];
  completeness: Omit<AssessmentCompleteness, 'stationsWithPending'>;
}

/** Headlines by generation; indicator averages and completeness by the fingerprint they were computed at. */
export class RegionSummaryCache {
  /** Headline rows per region, for one generation of the change feed. */
  readonly headlines = new GenerationCache<HeadlineRow>();
  readonly entries = new Map<string, { fingerprint: string; details: Details }>();
  /** Refreshes under way, so concurrent requests for a stale region share one. */
  readonly inFlight = new Map<string, Promise<void>>();
}

/** The station predicate of a region code of any level (an indexed column). */
function regionPredicate(code: string): string {
  return `s.${regionColumn(code)}`;
}

export async function loadRegionSummaries(
  db: Queryable,
  cache: RegionSummaryCache,
  codes: readonly string[],
  rubricVersion: string,
  generation: number | null,
): Promise<Map<string, RegionSummary>> {
  const cached = codes.map((code) => cache.headlines.get(code, generation)).filter((h): h is HeadlineRow => h !== undefined);
  const missing = codes.filter((code) => !cached.some((h) => h.code === code));
  const fresh = missing.length > 0 ? await loadHeadlines(db, missing) : [];
  for (const h of fresh) cache.headlines.set(h.code, generation, h);
  const headline = [...cached, ...fresh];
  const stale = headline.filter((h) => cache.entries.get(h.code)?.fingerprint !== h.fingerprint).map((h) => h.code);
  if (stale.length > 0) await refreshOnce(db, cache, stale, rubricVersion);
  return new Map(headline.map((h) => [h.code, toSummary(h, cache)]));
}

async function loadHeadlines(db: Queryable, codes: readonly string[]): Promise<HeadlineRow[]> {
  // Regions of one level share a column; a statement covers every level with a UNION ALL of
  // index-friendly joins rather than one OR over three columns.
  const byColumn = new Map<string, string[]>();
  for (const code of codes) byColumn.set(regionPredicate(code), [...(byColumn.get(regionPredicate(code)) ?? []), code]);
  const scope = [...byColumn.entries()]
    .map(([column], i) => `SELECT c.code, s.code AS station_code FROM unnest($${i + 1}::char(6)[]) AS c(code) JOIN station s ON ${column} = c.code`)
    .join(' UNION ALL ');
  const params = [...byColumn.values()];
  return db.query<HeadlineRow[]>(
    `WITH scope AS (${scope})
     SELECT r.code, count(sc.station_code)::int AS stations, count(ss.station_code)::int AS scored,
            count(*) FILTER (WHERE NOT ss.eligible)::int AS ineligible, avg(ss.total)::float8 AS average,
            count(*) FILTER (WHERE ss.pending_count > 0)::int AS stations_with_pending,
            count(ss.snapshot_id) || ':' || coalesce(sum(ss.snapshot_id), 0) || ':' || coalesce(max(ss.snapshot_id), 0) AS fingerprint,
            ${STARS.map((n) => `count(*) FILTER (WHERE ss.stars = ${n})::int AS stars_${n}`).join(', ')},
            ${BUCKETS.map((b, i) => `count(*) FILTER (WHERE ss.total >= ${b.from}${i === 10 ? '' : ` AND ss.total < ${b.to}`})::int AS bucket_${i}`).join(', ')}
     FROM unnest($${params.length + 1}::char(6)[]) AS r(code)
     LEFT JOIN scope sc ON sc.code = r.code
     LEFT JOIN station_score ss ON ss.station_code = sc.station_code
     GROUP BY r.code`,
    [...params, codes],
  );
}

function toSummary(h: HeadlineRow, cache: RegionSummaryCache): RegionSummary {
  const details = cache.entries.get(h.code)?.details ?? { averages: [], completeness: { criteriaToAssess: 0, assessed: 0, pending: 0, ratio: null, overrides: 0 } };
  const averages = details.averages;
  return {
    regionCode: h.code,
    stationCount: h.stations,
    scoredCount: h.scored,
    starCounts: STARS.map((stars) => ({ stars, count: h[`stars_${stars}`] as number })),
    ineligibleCount: h.ineligible,
    averageTotal: h.average,
    totalDistribution: BUCKETS.map((b, i): TotalBucket => ({ ...b, count: h[`bucket_${i}`] as number })),
    firstLevelAverages: averages.filter((a) => a.level === 1),
    thirdLevelAverages: averages.filter((a) => a.level === 3 && a.ratio !== null).sort((a, b) => a.ratio! - b.ratio! || a.averagePoints - b.averagePoints),
    completeness: { ...details.completeness, stationsWithPending: h.stations_with_pending },
  };
}

interface AverageRow {
  code: string;
  indicator_id: string;
  level: number;
  average_points: number;
  average_applicable: number;
  ratio: number | null;
  stations: number;
}

interface CompletenessRow {
  code: string;
  to_assess: number;
  assessed: number;
  pending: number;
  overrides: number;
  fingerprint: string;
}

/** Joins a refresh of the same regions already under way, or starts one. */
async function refreshOnce(db: Queryable, cache: RegionSummaryCache, codes: string[], rubricVersion: string): Promise<void> {
  const key = [...codes].sort().join(',');
  let refresh = cache.inFlight.get(key);
  if (!refresh) {
    refresh = refreshDetails(db, cache, codes, rubricVersion).finally(() => cache.inFlight.delete(key));
    cache.inFlight.set(key, refresh);
  }
  await refresh;
}

/** Recomputes the expensive part for regions whose current scores changed (one statement). */
async function refreshDetails(db: Queryable, cache: RegionSummaryCache, codes: string[], rubricVersion: string): Promise<void> {
  const meta = rubricMeta(rubricVersion);
  const rows = await db.query<{ kind: 'A' | 'C'; payload: AverageRow | CompletenessRow }[]>(
    `WITH current AS (
       SELECT r.code, ss.snapshot_id
       FROM unnest($1::char(6)[]) AS r(code)
       JOIN station s ON s.province_code = r.code OR s.city_code = r.code OR s.county_code = r.code
       JOIN station_score ss ON ss.station_code = s.code
     ), averages AS (
       SELECT c.code, i.indicator_id, i.level, avg(i.points)::float8 AS average_points, avg(i.applicable_max)::float8 AS average_applicable,
              (sum(i.points) / nullif(sum(i.applicable_max), 0))::float8 AS ratio, count(*)::int AS stations
       FROM current c JOIN score_indicator i ON i.snapshot_id = c.snapshot_id AND i.level IN (1, 3)
       GROUP BY c.code, i.indicator_id, i.level
     ), completeness AS (
       SELECT c.code,
              count(*) FILTER (WHERE k.source = 'ASSESSED' AND k.status <> 'MISSING_ITEM')::int AS to_assess,
              count(*) FILTER (WHERE k.source = 'ASSESSED' AND k.assessed AND k.status <> 'MISSING_ITEM')::int AS assessed,
              count(*) FILTER (WHERE k.status = 'PENDING_ASSESSMENT')::int AS pending,
              count(*) FILTER (WHERE k.source <> 'ASSESSED' AND k.assessed)::int AS overrides,
              (SELECT count(*) || ':' || coalesce(sum(x.snapshot_id), 0) || ':' || coalesce(max(x.snapshot_id), 0) FROM current x WHERE x.code = c.code) AS fingerprint
       FROM current c JOIN score_criterion k ON k.snapshot_id = c.snapshot_id
       GROUP BY c.code
     )
     SELECT 'A' AS kind, to_jsonb(a) AS payload FROM averages a
     UNION ALL
     SELECT 'C', to_jsonb(c) FROM completeness c`,
    [codes],
  );
  for (const code of codes) {
    const averages = rows
      .filter((r) => r.kind === 'A' && r.payload.code === code)
      .map((r) => r.payload as AverageRow)
      .map((a): IndicatorAverage => {
        const m = meta.indicators[meta.indicatorIndex.get(a.indicator_id) ?? -1];
        return {
          indicatorId: a.indicator_id,
          code: m?.code ?? a.indicator_id,
          name: m?.name ?? '',
          level: a.level,
          max: m?.points ?? 0,
          averagePoints: round4(a.average_points),
          averageApplicableMax: round4(a.average_applicable),
          ratio: a.ratio === null ? null : round4(a.ratio),
          stations: a.stations,
        };
      })
      .sort((a, b) => (meta.indicatorIndex.get(a.indicatorId) ?? 0) - (meta.indicatorIndex.get(b.indicatorId) ?? 0));
    const c = rows.find((r) => r.kind === 'C' && r.payload.code === code)?.payload as CompletenessRow | undefined;
    cache.entries.set(code, {
      fingerprint: c?.fingerprint ?? '0:0:0',
      details: {
        averages,
        completeness: {
          criteriaToAssess: c?.to_assess ?? 0,
          assessed: c?.assessed ?? 0,
          pending: c?.pending ?? 0,
          ratio: c && c.to_assess > 0 ? round4(c.assessed / c.to_assess) : null,
          overrides: c?.overrides ?? 0,
        },
      },
    });
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
