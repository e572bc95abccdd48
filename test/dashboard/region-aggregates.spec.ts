/* eslint-disable @typescript-eslint/no-explicit-any -- rows of the reference SQL are untyped */
// Region summaries read from region_score_aggregate (kept by delta by triggers) answer exactly
// what the scan of every station's current snapshot answered before: compared here with that
// scan, kept as the reference, over generated data — after the first scoring, after rescoring
// with reviewer assessments, after a station moved county, for a region without any scored
// station, after a current score is deleted — and rebuilt from scratch the aggregates equal the ones kept by delta.
import { NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { loadRegionSummaries, RegionSummaryCache } from '../../src/dashboard/loaders/region-summaries.js';
import { rubricMeta } from '../../src/dashboard/loaders/rubric-meta.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import type { RegionSummary } from '../../src/dashboard/types/region.types.js';
import { revertThrough } from '../support/migrations.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, CITY, COUNTY, ok, OTHER_COUNTY, OTHER_PROVINCE, PROVINCE, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 48);
});

afterAll(async () => {
  await t.close();
});

const BUCKETS = Array.from({ length: 11 }, (_, i) => ({ from: i * 10, to: i === 10 ? 110 : i * 10 + 10 }));
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The summary as region-summary.query.ts computed it before the aggregates: a scan of the stations' current snapshots. */
async function reference(code: string): Promise<RegionSummary> {
  const column = code.endsWith('0000') ? 'province_code' : code.endsWith('00') ? 'city_code' : 'county_code';
  const [h] = await t.dataSource.query(
    `SELECT count(s.code)::int AS stations, count(ss.station_code)::int AS scored, count(*) FILTER (WHERE NOT ss.eligible)::int AS ineligible,
            avg(ss.total)::float8 AS average, count(*) FILTER (WHERE ss.pending_count > 0)::int AS with_pending,
            array[${[0, 1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE ss.stars = ${n})::int`).join(', ')}] AS stars,
            array[${BUCKETS.map((b, i) => `count(*) FILTER (WHERE ss.total >= ${b.from}${i === 10 ? '' : ` AND ss.total < ${b.to}`})::int`).join(', ')}] AS buckets
     FROM station s LEFT JOIN station_score ss ON ss.station_code = s.code WHERE s.${column} = $1`,
    [code],
  );
  const averages = await t.dataSource.query(
    `SELECT i.indicator_id, i.level, avg(i.points)::float8 AS average_points, avg(i.applicable_max)::float8 AS average_applicable,
            (sum(i.points) / nullif(sum(i.applicable_max), 0))::float8 AS ratio, count(*)::int AS stations
     FROM station s JOIN station_score ss ON ss.station_code = s.code JOIN score_indicator i ON i.snapshot_id = ss.snapshot_id AND i.level IN (1, 3)
     WHERE s.${column} = $1 GROUP BY i.indicator_id, i.level`,
    [code],
  );
  const [c] = await t.dataSource.query(
    `SELECT count(*) FILTER (WHERE k.source = 'ASSESSED' AND k.status <> 'MISSING_ITEM')::int AS to_assess,
            count(*) FILTER (WHERE k.source = 'ASSESSED' AND k.assessed AND k.status <> 'MISSING_ITEM')::int AS assessed,
            count(*) FILTER (WHERE k.status = 'PENDING_ASSESSMENT')::int AS pending,
            count(*) FILTER (WHERE k.source <> 'ASSESSED' AND k.assessed)::int AS overrides
     FROM station s JOIN station_score ss ON ss.station_code = s.code JOIN score_criterion k ON k.snapshot_id = ss.snapshot_id WHERE s.${column} = $1`,
    [code],
  );
  const meta = rubricMeta(NATIONAL_DEFAULT_POLICY.rubricVersion);
  const all = averages
    .map((a: any) => {
      const m = meta.indicators[meta.indicatorIndex.get(a.indicator_id)!];
      return {
        indicatorId: a.indicator_id,
        code: m.code,
        name: m.name,
        level: a.level,
        max: m.points,
        averagePoints: round4(a.average_points),
        averageApplicableMax: round4(a.average_applicable),
        ratio: a.ratio === null ? null : round4(a.ratio),
        stations: a.stations,
      };
    })
    .sort((a: any, b: any) => meta.indicatorIndex.get(a.indicatorId)! - meta.indicatorIndex.get(b.indicatorId)!);
  return {
    regionCode: code,
    stationCount: h.stations,
    scoredCount: h.scored,
    starCounts: h.stars.map((count: number, stars: number) => ({ stars, count })),
    ineligibleCount: h.ineligible,
    averageTotal: h.average,
    totalDistribution: BUCKETS.map((b, i) => ({ ...b, count: h.buckets[i] })),
    firstLevelAverages: all.filter((a: any) => a.level === 1),
    thirdLevelAverages: all.filter((a: any) => a.level === 3 && a.ratio !== null).sort((a: any, b: any) => a.ratio - b.ratio || a.averagePoints - b.averagePoints),
    completeness: { criteriaToAssess: c.to_assess, assessed: c.assessed, pending: c.pending, ratio: c.to_assess > 0 ? round4(c.assessed / c.to_assess) : null, overrides: c.overrides, stationsWithPending: h.with_pending },
  };
}

const REGIONS = [PROVINCE, CITY, COUNTY, OTHER_COUNTY, OTHER_PROVINCE];

async function expectSameAsReference(): Promise<void> {
  const summaries = await loadRegionSummaries(t.dataSource, new RegionSummaryCache(), REGIONS, NATIONAL_DEFAULT_POLICY.rubricVersion, null);
  for (const code of REGIONS) expect({ code, summary: summaries.get(code) }).toEqual({ code, summary: await reference(code) });
}

/** The aggregates of regions with a scored station (a region whose stations all left keeps a row of zeros). */
async function aggregates(): Promise<unknown[]> {
  return t.dataSource.query(`SELECT * FROM region_score_aggregate WHERE scored <> 0 ORDER BY region_code, rubric_version`);
}

test('after the first scoring: the same summaries as the scan, a province with no station included', async () => {
  const province = (await reference(PROVINCE)) as RegionSummary;
  expect(province.scoredCount).toBe(48);
  expect(province.firstLevelAverages.length).toBeGreaterThan(0);
  expect((await reference(OTHER_PROVINCE)).stationCount).toBe(0);
  await expectSameAsReference();
});

test('after reviewer assessments and a rescore, and after a station moved county: still the same', async () => {
  const station = s.province.stationCodes.find((c) => c.startsWith(COUNTY))!;
  for (const code of s.province.stationCodes.slice(0, 6)) {
    await ok(t, s.keys.province, `mutation($s: String!) { assessCriterion(stationCode: $s, criterionId: "1①", points: 0.5, note: "现场核查") { changed } }`, { s: code });
  }
  await t.app.get(StationScoringService).score(s.province.stationCodes, { cutOff: '2026-09-30' });
  await expectSameAsReference();
  await t.dataSource.query(`UPDATE station SET county_code = $1 WHERE code = $2`, [OTHER_COUNTY, station]);
  await expectSameAsReference();
});

test('rebuilt from scratch (truncate and re-insert every current score), the aggregates equal the ones kept by delta', async () => {
  const kept = await aggregates();
  await t.dataSource.transaction(async (m) => {
    await m.query(`CREATE TEMP TABLE saved ON COMMIT DROP AS SELECT * FROM station_score`);
    await m.query(`DELETE FROM station_score`);
    expect(await m.query(`SELECT * FROM region_score_aggregate WHERE scored <> 0`)).toEqual([]);
    await m.query(`INSERT INTO station_score SELECT * FROM saved`);
  });
  expect(await aggregates()).toEqual(kept);
  await expectSameAsReference();
});

test('a current score deleted takes its contribution away', async () => {
  const station = s.province.stationCodes.find((c) => !c.startsWith(COUNTY))!;
  await t.dataSource.query(`DELETE FROM station_score WHERE station_code = $1`, [station]);
  await expectSameAsReference();
  // And a station scored again adds it back.
  await t.app.get(StationScoringService).score([station], { cutOff: AS_OF });
  await expectSameAsReference();
});

test('the migration fills the contributions and the aggregates of the scores already there', async () => {
  const kept = await aggregates();
  await revertThrough(t.dataSource, 'RegionScoreAggregates1796551836131');
  expect(await t.dataSource.query(`SELECT to_regclass('region_score_aggregate') AS t`)).toEqual([{ t: null }]);
  await t.dataSource.runMigrations({ transaction: 'each' });
  expect(await aggregates()).toEqual(kept);
  await expectSameAsReference();
});
