/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// Every query of the dashboard API against a generated, scored province.
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, CITY, COUNTY, PROVINCE, errorCodes, gql, ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
});

afterAll(async () => {
  await t.close();
});

const rubricIndex = getRubricIndex(getRubric('national-2023'));

describe('rubric', () => {
  test('the whole tree with points, ※ and sources', async () => {
    const { rubric } = await ok(
      t,
      s.keys.county,
      `{ rubric { version totalPoints fiveStarMinimum starredPoints bonusCap
          firstLevel { code name points children { code points indicators { code points starred criteria { id code points source dataRule attestedItems requiresDuty } } } }
          bonusCategories { category windowYears pointsByLevel { level points } eventPointsMax } vetoKinds { kind number } notes { number } certificationItems { number text } } }`,
    );
    expect(rubric).toMatchObject({ version: 'national-2023', totalPoints: 100, fiveStarMinimum: 90, starredPoints: 67.5, bonusCap: 10 });
    expect(rubric.firstLevel.map((f: { points: number }) => f.points)).toEqual([25, 15, 15, 20, 25]);
    const thirds = rubric.firstLevel.flatMap((f: any) => f.children.flatMap((c: any) => c.indicators));
    const criteria = thirds.flatMap((i: any) => i.criteria);
    expect(thirds).toHaveLength(46);
    expect(thirds.filter((i: any) => i.starred)).toHaveLength(30);
    expect(criteria).toHaveLength(121);
    expect(criteria.find((c: any) => c.code === '32③')).toMatchObject({ source: 'DATA', points: 1, requiresDuty: 'SPECIAL_EQUIPMENT', dataRule: expect.any(String) });
    expect(criteria.find((c: any) => c.code === '3①')).toMatchObject({ source: 'ATTESTED', attestedItems: [1] });
    expect(rubric.vetoKinds).toHaveLength(5);
    expect(rubric.certificationItems).toHaveLength(12);
  });

  test('an unknown version is NOT_FOUND', async () => {
    expect(await errorCodes(t, s.keys.province, `{ rubric(version: "national-1999") { version } }`)).toEqual(['NOT_FOUND']);
  });
});

describe('regions', () => {
  test('a province key sees its province, then its cities', async () => {
    const top = await ok(t, s.keys.province, `{ regions { code name level stationCount } }`);
    expect(top.regions).toEqual([{ code: PROVINCE, name: '河北省', level: 'PROVINCE', stationCount: 64 }]);
    const { regions } = await ok(t, s.keys.province, `{ regions(parentCode: "130000") { code level parentCode stationCount children { code } } }`);
    expect(regions).toHaveLength(11);
    expect(regions.every((r: any) => r.level === 'CITY' && r.parentCode === PROVINCE)).toBe(true);
    expect(regions.reduce((n: number, r: any) => n + r.stationCount, 0)).toBe(64);
  });

  test('an admin key sees every province; a county key its county', async () => {
    const admin = await ok(t, s.keys.admin, `{ regions { code } }`);
    expect(admin.regions.map((r: any) => r.code)).toEqual([PROVINCE, '140000']);
    const county = await ok(t, s.keys.county, `{ regions { code level } }`);
    expect(county.regions).toEqual([{ code: COUNTY, level: 'COUNTY' }]);
  });

  test('region summary: counts, stars, distribution, averages, weakest indicators, completeness', async () => {
    const { region } = await ok(
      t,
      s.keys.province,
      `{ region(code: "130000") { code name level summary {
          regionCode stationCount scoredCount ineligibleCount averageTotal
          starCounts { stars count } totalDistribution { from to count }
          firstLevelAverages { indicatorId code name level max averagePoints averageApplicableMax ratio stations }
          weakestIndicators(first: 5) { code level ratio averagePoints }
          completeness { criteriaToAssess assessed pending ratio overrides stationsWithPending } } } }`,
    );
    const [expected] = await t.dataSource.query(
      `SELECT count(*)::int AS n, avg(total)::float8 AS avg, count(*) FILTER (WHERE NOT eligible)::int AS ineligible, sum(pending_count)::int AS pending FROM station_score`,
    );
    const summary = region.summary;
    expect(summary).toMatchObject({ regionCode: PROVINCE, stationCount: 64, scoredCount: 64, ineligibleCount: expected.ineligible });
    expect(summary.averageTotal).toBeCloseTo(expected.avg, 6);
    expect(summary.starCounts.map((c: any) => c.stars)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(summary.starCounts.reduce((n: number, c: any) => n + c.count, 0)).toBe(64);
    expect(summary.totalDistribution).toHaveLength(11);
    expect(summary.totalDistribution[10]).toMatchObject({ from: 100, to: 110 });
    expect(summary.totalDistribution.reduce((n: number, b: any) => n + b.count, 0)).toBe(64);
    expect(summary.firstLevelAverages.map((a: any) => [a.code, a.max, a.stations])).toEqual([
      ['一', 25, 64],
      ['二', 15, 64],
      ['三', 15, 64],
      ['四', 20, 64],
      ['五', 25, 64],
    ]);
    const [first] = await t.dataSource.query(
      `SELECT avg(i.points)::float8 AS avg FROM station_score ss JOIN score_indicator i ON i.snapshot_id = ss.snapshot_id AND i.indicator_id = '1'`,
    );
    expect(summary.firstLevelAverages[0].averagePoints).toBeCloseTo(first.avg, 3);
    expect(summary.weakestIndicators).toHaveLength(5);
    expect(summary.weakestIndicators.every((w: any) => w.level === 3)).toBe(true);
    const ratios = summary.weakestIndicators.map((w: any) => w.ratio);
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
    expect(summary.completeness.pending).toBe(expected.pending);
    expect(summary.completeness.assessed + summary.completeness.pending).toBe(summary.completeness.criteriaToAssess);
  });

  test('a city summary counts the city only; an unknown region is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    const { region } = await ok(t, s.keys.city, `{ region(code: "${CITY}") { summary { stationCount scoredCount } } }`);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM station WHERE city_code = $1`, [CITY]);
    expect(region.summary).toEqual({ stationCount: n, scoredCount: n });
    expect(await errorCodes(t, s.keys.province, `{ region(code: "139900") { code } }`)).toEqual(['NOT_FOUND']);
    const bad = await gql(t, s.keys.province, `{ region(code: "13") { code } }`);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ path: 'code', reason: expect.any(String) }] });
  });
});

describe('stations', () => {
  const PAGE = `query($first: Int!, $after: String, $orderBy: StationOrder!, $filter: StationFilter) {
    stations(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
      totalCount edges { cursor node { code name countyCode countyName cityName provinceName score { total stars eligible pendingCount } } }
      pageInfo { hasNextPage endCursor } } }`;

  async function all(key: string, orderBy: string, filter: Record<string, unknown> | null = null, first = 7): Promise<any[]> {
    const nodes: any[] = [];
    let after: string | null = null;
    for (;;) {
      const { stations }: { stations: any } = await ok(t, key, PAGE, { first, after, orderBy, filter });
      nodes.push(...stations.edges.map((e: any) => e.node));
      if (!stations.pageInfo.hasNextPage) return nodes;
      after = stations.pageInfo.endCursor;
    }
  }

  test('keyset pages by total cover every station once, in order, with region names', async () => {
    const nodes = await all(s.keys.province, 'TOTAL_DESC');
    expect(nodes).toHaveLength(64);
    expect(new Set(nodes.map((n) => n.code)).size).toBe(64);
    const keys = nodes.map((n) => [n.score.total, n.code]);
    const sorted = [...keys].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    expect(keys).toEqual(sorted);
    expect(nodes[0]).toMatchObject({ provinceName: '河北省', countyName: expect.not.stringMatching(/^\d+$/) });
    const asc = await all(s.keys.province, 'TOTAL_ASC', null, 13);
    expect(asc.map((n) => n.code)).toEqual(
      [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)).map((k) => k[1]),
    );
  });

  test('by name and by code', async () => {
    const byName = await all(s.keys.province, 'NAME', null, 20);
    const [{ names }] = await t.dataSource.query(`SELECT array_agg(code ORDER BY name, code) AS names FROM station`);
    expect(byName.map((n) => n.code)).toEqual(names);
    const byCode = await all(s.keys.province, 'CODE', null, 30);
    expect(byCode.map((n) => n.code)).toEqual([...s.province.stationCodes].sort());
  });

  test('stations not scored yet come last by total, with a null score', async () => {
    await t.dataSource.query(
      `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest)
       VALUES ('130402999', '未评分市场监督管理所', '130402', '130400', '130000', 5, '{}', false, '{}', false, false, 'x')`,
    );
    try {
      const nodes = await all(s.keys.city, 'TOTAL_DESC', null, 3);
      expect(nodes.at(-1)).toMatchObject({ code: '130402999', score: null });
      const asc = await all(s.keys.city, 'TOTAL_ASC', null, 2);
      expect(asc.at(-1).code).toBe('130402999');
    } finally {
      await t.dataSource.query(`DELETE FROM station WHERE code = '130402999'`);
    }
  });

  test('filters: region of any level, stars, total range, veto, pending, name', async () => {
    const city = await all(s.keys.province, 'CODE', { regionCode: CITY }, 50);
    expect(city.length).toBeGreaterThan(1);
    expect(city.every((n) => n.code.startsWith('1304'))).toBe(true);
    const county = await all(s.keys.province, 'CODE', { regionCode: COUNTY }, 50);
    expect(county.map((n) => n.code)).toEqual([s.countyStation]);

    const ranged = await all(s.keys.province, 'TOTAL_DESC', { minTotal: 30, maxTotal: 60 }, 50);
    const [{ n: inRange }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM station_score WHERE total BETWEEN 30 AND 60`);
    expect(ranged).toHaveLength(inRange);
    expect(ranged.every((n) => n.score.total >= 30 && n.score.total <= 60)).toBe(true);

    const stars = await all(s.keys.province, 'CODE', { stars: [0] }, 50);
    expect(stars.every((n) => n.score.stars === 0)).toBe(true);

    const [{ n: vetoed }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM station_score WHERE has_veto`);
    expect(await all(s.keys.province, 'CODE', { hasVeto: true }, 50)).toHaveLength(vetoed);
    expect(await all(s.keys.province, 'CODE', { hasVeto: false }, 50)).toHaveLength(64 - vetoed);
    expect((await all(s.keys.province, 'CODE', { hasPendingAssessments: true }, 50)).every((n) => n.score.pendingCount > 0)).toBe(true);

    const [{ name }] = await t.dataSource.query(`SELECT name FROM station WHERE code = $1`, [s.farStation]);
    const part = name.slice(3, 6);
    const named = await all(s.keys.province, 'CODE', { nameContains: part }, 50);
    expect(named.map((n) => n.code)).toContain(s.farStation);
    expect(named.every((n) => n.name.includes(part))).toBe(true);
    expect(await all(s.keys.province, 'CODE', { nameContains: '%' }, 50)).toHaveLength(0);
  });

  test('a list is filtered to the key\'s region; totalCount counts the filter', async () => {
    const { stations } = await ok(t, s.keys.county, PAGE, { first: 10, orderBy: 'CODE' });
    expect(stations.totalCount).toBe(1);
    expect(stations.edges.map((e: any) => e.node.code)).toEqual([s.countyStation]);
    const other = await ok(t, s.keys.otherProvince, PAGE, { first: 10, orderBy: 'CODE' });
    expect(other.stations).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test('first above 100, a foreign cursor and a regionCode outside the key are refused', async () => {
    const big = await gql(t, s.keys.province, PAGE, { first: 101, orderBy: 'CODE' });
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'first' }] });
    const { stations } = await ok(t, s.keys.province, PAGE, { first: 2, orderBy: 'CODE' });
    const wrong = await gql(t, s.keys.province, PAGE, { first: 2, orderBy: 'NAME', after: stations.pageInfo.endCursor });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'after' }] });
    expect(await errorCodes(t, s.keys.province, PAGE, { first: 2, orderBy: 'CODE', after: 'not-a-cursor' })).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, s.keys.city, PAGE, { first: 2, orderBy: 'CODE', filter: { regionCode: '130100' } })).toEqual(['FORBIDDEN']);
  });
});

describe('station detail', () => {
  test('profile, score with every indicator and criterion, and the rubric texts', async () => {
    const { station } = await ok(
      t,
      s.keys.county,
      `query($code: String!) { station(code: $code) { code name countyCode countyName cityName provinceName approvedHeadcount duties premises { independent rooms internet privateNetwork }
          score { id current computedAt evaluatedAt cutOff rubricVersion starPolicyId inputHash raw applicable rebased bonus total stars eligible pendingCount missingCount rebaseNote
            starLevels { stars threshold score passed reason } blockingVetoes { id kind } bonusItems { eventKey category level points counted reason } missingItems { criterionId code max reason }
            indicators { id code level name parentId points max applicableMax starred }
            criteria { id code indicatorId indicatorCode indicatorName text points max source assessed status reason }
            pendingCriteria { code } } } }`,
      { code: s.countyStation },
    );
    const [row] = await t.dataSource.query(
      `SELECT sn.id::text AS id, sn.total::float8 AS total, sn.stars, sn.input_hash FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = $1`,
      [s.countyStation],
    );
    expect(station).toMatchObject({ code: s.countyStation, countyCode: COUNTY, provinceName: '河北省' });
    expect(station.score).toMatchObject({ id: row.id, current: true, cutOff: AS_OF, rubricVersion: 'national-2023', total: row.total, stars: row.stars, inputHash: row.input_hash });
    expect(station.score.evaluatedAt).toEqual(expect.any(String));
    expect(station.score.indicators).toHaveLength(72);
    expect(station.score.criteria).toHaveLength(121);
    expect(station.score.criteria.map((c: any) => c.id)).toEqual(rubricIndex.criteria.map((c) => c.id));
    const c30 = station.score.criteria.find((c: any) => c.code === '32①');
    expect(c30).toMatchObject({ indicatorCode: '32', source: 'DATA', max: 0.5, text: rubricIndex.criterionByCode.get('32①')!.text });
    expect(c30.reason).toMatch(/本科及以上/);
    const stored = await t.dataSource.query(
      `SELECT c.criterion_id, c.points::float8 AS points, c.status, c.reason FROM station_score ss JOIN score_criterion c ON c.snapshot_id = ss.snapshot_id WHERE ss.station_code = $1`,
      [s.countyStation],
    );
    for (const r of stored) expect(station.score.criteria.find((c: any) => c.id === r.criterion_id)).toMatchObject({ points: r.points, status: r.status, reason: r.reason });
    expect(station.score.pendingCriteria).toHaveLength(station.score.pendingCount);
    expect(station.score.starLevels.map((l: any) => l.stars)).toEqual([5, 4, 3]);
  });

  test('indicators by level and criteria by status, source or indicator', async () => {
    const { station } = await ok(
      t,
      s.keys.province,
      `query($code: String!) { station(code: $code) { score { l1: indicators(level: 1) { code } l3: indicators(level: 3) { code }
          data: criteria(source: DATA) { source } c32: criteria(indicatorId: "32") { code } met: criteria(status: MET) { status } } } }`,
      { code: s.farStation },
    );
    expect(station.score.l1.map((i: any) => i.code)).toEqual(['一', '二', '三', '四', '五']);
    expect(station.score.l3).toHaveLength(46);
    expect(station.score.data.length).toBeGreaterThan(20);
    expect(station.score.data.every((c: any) => c.source === 'DATA')).toBe(true);
    expect(station.score.c32.map((c: any) => c.code)).toEqual(['32①', '32②', '32③']);
    expect(station.score.met.every((c: any) => c.status === 'MET')).toBe(true);
  });

  test('roster summary, equipment, case ledger summary and pages, complaint figures', async () => {
    const { station } = await ok(
      t,
      s.keys.province,
      `query($code: String!) { station(code: $code) {
          roster { total established auxiliary byStaffingType { key count } byEducation { key count } byMajorCategory { key count } bachelorOrAbove enforcementCertHolders
                   specialEquipmentCertHolders classBSpecialEquipmentCertHolders trainingYear trainingCompliant trainingComplianceRate informationAdministrators hasDirector }
          people { externalId position staffingType established education majorCategory hasEnforcementCert trainings { year offlineDays } }
          equipment { inService { type quantity } broken retired lines }
          caseSummary { windowFrom windowTo total general simple closedInWindow generalClosedInWindow lateEntries notArchived fineTotal entryDeadlineDays }
          cases(first: 3) { edges { cursor node { caseNumber procedure } } pageInfo { hasNextPage endCursor } }
          complaints { year months complaintsReceived checkedOnTimeRate mediationSuccessRate nationalMediationAverage } } }`,
      { code: s.farStation },
    );
    const bundle = s.province.station(s.province.stationCodes.indexOf(s.farStation));
    const established = bundle.personnel.filter((p) => p.staffingType !== 'AUXILIARY');
    expect(station.roster).toMatchObject({ total: bundle.personnel.length, established: established.length, trainingYear: 2025 });
    expect(station.roster.byStaffingType.reduce((n: number, c: any) => n + c.count, 0)).toBe(bundle.personnel.length);
    expect(station.roster.byEducation.reduce((n: number, c: any) => n + c.count, 0)).toBe(established.length);
    expect(station.people.map((p: any) => p.externalId)).toEqual(bundle.personnel.map((p) => p.externalId).sort());
    const inService = bundle.equipment.filter((e) => e.status === 'IN_SERVICE').reduce((n, e) => n + e.quantity, 0);
    expect(station.equipment.inService.reduce((n: number, e: any) => n + e.quantity, 0)).toBe(inService);
    expect(station.equipment.lines).toBe(bundle.equipment.length);
    expect(station.caseSummary).toMatchObject({ windowFrom: '2024-06-30', windowTo: AS_OF, total: bundle.cases.length, entryDeadlineDays: 7 });
    expect(station.caseSummary.general + station.caseSummary.simple).toBe(bundle.cases.length);
    const generalClosed = bundle.cases.filter((c) => c.procedure === 'GENERAL' && c.closedOn !== null && c.closedOn >= '2024-06-30' && c.closedOn <= AS_OF);
    expect(station.caseSummary.generalClosedInWindow).toBe(generalClosed.length);

    const numbers = bundle.cases.map((c) => c.caseNumber).sort();
    const seen: string[] = station.cases.edges.map((e: any) => e.node.caseNumber);
    let page = station.cases.pageInfo;
    while (page.hasNextPage) {
      const next = await ok(t, s.keys.province, `query($code: String!, $after: String) { station(code: $code) { cases(first: 3, after: $after) { edges { node { caseNumber } } pageInfo { hasNextPage endCursor } } } }`, {
        code: s.farStation,
        after: page.endCursor,
      });
      seen.push(...next.station.cases.edges.map((e: any) => e.node.caseNumber));
      page = next.station.cases.pageInfo;
    }
    expect(seen).toEqual(numbers);
    expect(station.complaints.length).toBeGreaterThan(0);
    expect(station.complaints.map((y: any) => y.year)).toEqual([...station.complaints.map((y: any) => y.year)].sort((a: number, b: number) => b - a));
  });

  test('personal fields: a county key on its station and an admin see them; others get FORBIDDEN on those fields only', async () => {
    const query = `query($code: String!) { station(code: $code) { people { externalId name birthMonth enforcementCertNo specialEquipmentCertNo } } }`;
    const bundle = s.province.station(s.province.stationCodes.indexOf(s.countyStation));
    for (const key of [s.keys.county, s.keys.admin]) {
      const { station } = await ok(t, key, query, { code: s.countyStation });
      const first = [...bundle.personnel].sort((a, b) => (a.externalId < b.externalId ? -1 : 1))[0];
      expect(station.people[0]).toMatchObject({ externalId: first.externalId, name: first.name, birthMonth: first.birthMonth });
    }
    for (const key of [s.keys.province, s.keys.city]) {
      const body = await gql(t, key, query, { code: s.countyStation });
      expect(body.data?.station).toBeTruthy();
      const codes = new Set(body.errors!.map((e) => e.extensions.code));
      expect(codes).toEqual(new Set(['FORBIDDEN']));
      expect(new Set(body.errors!.map((e) => e.path!.at(-1)))).toEqual(new Set(['name', 'birthMonth', 'enforcementCertNo', 'specialEquipmentCertNo']));
      expect((body.data as any).station.people[0]).toMatchObject({ externalId: expect.any(String), name: null, birthMonth: null });
    }
    // The non-personal fields are open to every role.
    const open = await ok(t, s.keys.province, `query($code: String!) { station(code: $code) { people { externalId education hasEnforcementCert } } }`, { code: s.countyStation });
    expect(open.station.people).toHaveLength(bundle.personnel.length);
  });

  test('unknown or outside the key is NOT_FOUND, malformed BAD_USER_INPUT', async () => {
    expect(await errorCodes(t, s.keys.province, `{ station(code: "130402998") { code } }`)).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.county, `query($c: String!) { station(code: $c) { code } }`, { c: s.farStation })).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.otherCounty, `query($c: String!) { station(code: $c) { code } }`, { c: s.countyStation })).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.province, `{ station(code: "no such/code") { code } }`)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('vetoes, history and score change', () => {
  test('a veto shows on the station, in the region list and blocks the score', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'RATING_FRAUD', '2026-03-01', '申报材料弄虚作假', 'PUSHED', 'qv1') RETURNING id`,
      [s.farStation],
    );
    const { StationScoringService } = await import('../../src/scoring/station-scoring.service.js');
    await t.app.get(StationScoringService).score([s.farStation], { cutOff: AS_OF });
    const { station } = await ok(
      t,
      s.keys.province,
      `query($c: String!) { station(code: $c) { vetoes { id kind lifted } score { eligible stars blockingVetoes { id kind date description } } } }`,
      { c: s.farStation },
    );
    expect(station.vetoes).toContainEqual({ id, kind: 'RATING_FRAUD', lifted: false });
    expect(station.score).toMatchObject({ eligible: false, stars: 0 });
    expect(station.score.blockingVetoes).toContainEqual({ id, kind: 'RATING_FRAUD', date: '2026-03-01', description: '申报材料弄虚作假' });
    const { vetoes } = await ok(t, s.keys.province, `{ vetoes(regionCode: "130000") { id stationCode kind station { code name } } }`);
    expect(vetoes.find((v: any) => v.id === id)).toMatchObject({ stationCode: s.farStation, station: { code: s.farStation } });
    const city = await ok(t, s.keys.city, `{ vetoes(regionCode: "${CITY}") { stationCode } }`);
    expect(city.vetoes.every((v: any) => v.stationCode.startsWith('1304'))).toBe(true);

    // Rankings leave out the ineligible station and rank the rest by total.
    const { rankings } = await ok(t, s.keys.province, `{ rankings(regionCode: "130000", first: 100) { rank station { code score { total eligible } } } }`);
    expect(rankings.map((r: any) => r.station.code)).not.toContain(s.farStation);
    expect(rankings.every((r: any) => r.station.score.eligible)).toBe(true);
    const [{ n: eligible }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM station_score WHERE eligible`);
    expect(rankings).toHaveLength(eligible);
    expect(rankings[0].rank).toBe(1);
    for (let i = 1; i < rankings.length; i++) {
      const [a, b] = [rankings[i - 1], rankings[i]];
      expect(a.station.score.total).toBeGreaterThanOrEqual(b.station.score.total);
      expect(b.rank).toBe(a.station.score.total === b.station.score.total ? a.rank : i + 1);
    }

    // History: the veto made a new snapshot; scoreChange by default compares it with the one before.
    const history = await ok(t, s.keys.province, `query($c: String!) { station(code: $c) { scoreHistory(first: 1) { edges { cursor node { id current eligible } } pageInfo { hasNextPage endCursor } } } }`, {
      c: s.farStation,
    });
    const h = history.station.scoreHistory;
    expect(h.edges[0].node).toMatchObject({ current: true, eligible: false });
    expect(h.pageInfo.hasNextPage).toBe(true);
    const older = await ok(t, s.keys.province, `query($c: String!, $a: String) { station(code: $c) { scoreHistory(first: 5, after: $a) { edges { node { current eligible computedAt } } pageInfo { hasNextPage } } } }`, {
      c: s.farStation,
      a: h.pageInfo.endCursor,
    });
    expect(older.station.scoreHistory.edges).toHaveLength(1);
    expect(older.station.scoreHistory.edges[0].node).toMatchObject({ current: false });
    const change = await ok(t, s.keys.province, `query($c: String!) { station(code: $c) { scoreChange { from { current } to { current eligible } totalDelta changes { code } } } }`, { c: s.farStation });
    expect(change.station.scoreChange).toMatchObject({ from: { current: false }, to: { current: true, eligible: false } });
  });

  test('lifted vetoes only when asked', async () => {
    await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest, lifted_at, lifted_by, lift_reason) VALUES ($1, 'OTHER', '2025-03-01', '旧事项', 'PUSHED', 'qv2', now(), null, '已整改')`,
      [s.countyStation],
    );
    const q = `query($c: String!, $all: Boolean!) { station(code: $c) { vetoes(includeLifted: $all) { kind lifted liftReason } } }`;
    expect((await ok(t, s.keys.county, q, { c: s.countyStation, all: false })).station.vetoes).toEqual([]);
    expect((await ok(t, s.keys.county, q, { c: s.countyStation, all: true })).station.vetoes).toEqual([{ kind: 'OTHER', lifted: true, liftReason: '已整改' }]);
    const region = await ok(t, s.keys.county, `{ vetoes(regionCode: "${COUNTY}", includeLifted: true) { kind } }`);
    expect(region.vetoes).toEqual([{ kind: 'OTHER' }]);
  });

  test('rankings of a region outside the key are FORBIDDEN; first is bounded', async () => {
    expect(await errorCodes(t, s.keys.city, `{ rankings(regionCode: "130000") { rank } }`)).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.province, `{ rankings(regionCode: "130000", first: 501) { rank } }`)).toEqual(['BAD_USER_INPUT']);
    const city = await ok(t, s.keys.city, `{ rankings(regionCode: "${CITY}", first: 3) { rank station { cityCode } } }`);
    expect(city.rankings.every((r: any) => r.station.cityCode === CITY)).toBe(true);
  });
});

describe('policies and runs', () => {
  test('the national default policy is in force until a province sets its own', async () => {
    const { starPolicy } = await ok(t, s.keys.county, `{ starPolicy(provinceCode: "130000") { id provinceCode version name levels { stars indicatorSet threshold includeBonus } caseEntryDeadlineDays } }`);
    expect(starPolicy).toMatchObject({ id: 'national-default', provinceCode: null, version: null, caseEntryDeadlineDays: 7 });
    expect(starPolicy.levels.map((l: any) => [l.stars, l.indicatorSet, l.threshold])).toEqual([
      [5, 'ALL', 90],
      [4, 'STARRED', 85],
      [3, 'STARRED', 75],
    ]);
    expect(await errorCodes(t, s.keys.county, `{ starPolicy(provinceCode: "140000") { id } }`)).toEqual(['FORBIDDEN']);
  });

  test('recompute runs of the key\'s region, newest first (wider runs only for an admin)', async () => {
    await t.dataSource.query(
      `INSERT INTO recompute_run (scope_region_code, trigger, status, cut_off, created_at) VALUES
         (NULL, 'NIGHTLY', 'SUCCEEDED', '2026-06-29', now() - interval '2 hours'),
         ('130000', 'MANUAL', 'QUEUED', '2026-06-30', now() - interval '1 hour'),
         ('130100', 'MANUAL', 'QUEUED', '2026-06-30', now() - interval '30 minutes'),
         ('140000', 'MANUAL', 'QUEUED', '2026-06-30', now())`,
    );
    const scopes = async (key: string) => (await ok(t, key, `{ recomputeRuns { scopeRegionCode trigger status cutOff total done } }`)).recomputeRuns.map((r: any) => r.scopeRegionCode);
    expect(await scopes(s.keys.province)).toEqual(['130100', '130000']);
    expect(await scopes(s.keys.city)).toEqual([]);
    expect(await scopes(s.keys.admin)).toEqual(['140000', '130100', '130000', null]);
    expect(await scopes(s.keys.otherProvince)).toEqual(['140000']);
  });
});
