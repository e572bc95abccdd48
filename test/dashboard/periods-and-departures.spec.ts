/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// What the corrected rules add to the dashboard API: rule parameters and evaluation
// parameters in the rubric, departed staff (kept with a date, shown only when asked, out of
// the roster counts, their records still scored), and the case dates 9① and 9② read.
import { todayIn } from '../../src/domain/dates.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { scoreStation } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
});

afterAll(async () => {
  await t.close();
});

describe('rubric parameters', () => {
  test('every data criterion shows the numbers its rule compares with; the evaluation parameters are listed', async () => {
    const { rubric } = await ok(
      t,
      s.keys.province,
      `{ rubric { firstLevel { children { indicators { criteria { code dataRule parameters { name value unit description } } } } }
          evaluation { establishedStaffingTypes civilServantStaffingTypes caseSampleMonths previousYearFallbackUntil certificationValidYears starThresholdsIncludeBonus } } }`,
    );
    const criteria = rubric.firstLevel.flatMap((f: any) => f.children.flatMap((c: any) => c.indicators.flatMap((i: any) => i.criteria)));
    const byCode = new Map(criteria.map((c: any) => [c.code, c]));
    expect(byCode.get('32①')).toMatchObject({ dataRule: 'BACHELOR_SHARE', parameters: [{ name: 'minSharePct', value: 60, unit: '%', description: expect.stringContaining('本科') }] });
    expect((byCode.get('36①') as any).parameters.map((p: any) => [p.name, p.value])).toEqual([
      ['minOfflineDays', 12],
      ['minTotalHours', 90],
    ]);
    expect(byCode.get('1①')).toMatchObject({ dataRule: null, parameters: [] });
    expect(rubric.evaluation).toEqual({
      establishedStaffingTypes: ['ADMINISTRATIVE', 'CIVIL_SERVANT_MANAGED', 'PUBLIC_INSTITUTION', 'WORKER', 'OTHER_ESTABLISHED'],
      civilServantStaffingTypes: ['ADMINISTRATIVE', 'CIVIL_SERVANT_MANAGED'],
      caseSampleMonths: 4,
      previousYearFallbackUntil: '03-31',
      certificationValidYears: 2,
      starThresholdsIncludeBonus: true,
    });
  });
});

describe('people who leave', () => {
  const PEOPLE = `query($c: String!, $d: Boolean!) { station(code: $c) { roster { total established } people(includeDeparted: $d) { externalId leftOn } } }`;

  test('a roster PUT keeps them with a date: out of the list and the counts, still there when asked, their records still scored', async () => {
    const code = s.countyStation;
    const bundle = [...s.province.stations()].find((b) => b.code === code)!;
    const before = (await ok(t, s.keys.county, PEOPLE, { c: code, d: false })).station;
    // the first established member leaves, with a disciplinary record dated this month
    const leaver = bundle.personnel.find((p) => p.staffingType !== 'AUXILIARY' && p.position !== 'DIRECTOR')!;
    const today = todayIn('Asia/Shanghai');
    const recordDate = `${today.slice(0, 7)}-01`;
    const path = `/api/v1/stations/${code}/personnel`;
    await t.http().patch(path).set('authorization', `Bearer ${s.keys.county}`).send({ items: [{ ...leaver, disciplinaryRecords: [{ date: recordDate, kind: '警告', description: '违反工作纪律' }] }] }).expect(200);
    const stay = bundle.personnel.filter((p) => p.externalId !== leaver.externalId);
    const put = await t.http().put(path).set('authorization', `Bearer ${s.keys.county}`).send({ items: stay }).expect(200);
    expect(put.body).toMatchObject({ removed: 1 });

    const after = (await ok(t, s.keys.county, PEOPLE, { c: code, d: false })).station;
    expect(after.people.map((p: any) => p.externalId)).not.toContain(leaver.externalId);
    expect(after.roster).toEqual({ total: before.roster.total - 1, established: before.roster.established - 1 });
    const all = (await ok(t, s.keys.county, PEOPLE, { c: code, d: true })).station;
    expect(all.people.find((p: any) => p.externalId === leaver.externalId)).toEqual({ externalId: leaver.externalId, leftOn: today });

    // 18② still counts the record of the person who left
    const rubric = getRubric('national-2023');
    const facts = (await new FactsLoader(t.dataSource.manager).load([code], rubric.version)).get(code)!.facts;
    expect(facts.personnel.find((p) => p.externalId === leaver.externalId)?.leftOn).toBe(today);
    const score = scoreStation(facts, { cutOff: today, rubric, policy: NATIONAL_DEFAULT_POLICY });
    const c18 = score.criteria.find((c) => c.code === '18②')!;
    expect(c18.points).toBe(0);
    expect(c18.reason).toMatch(/^近2年在编人员违规违纪记录 \d+ 条/);
  });
});

describe('case dates', () => {
  test('the ledger shows fileReviewedOn and overturnedOn', async () => {
    const code = s.farStation;
    const { station } = await ok(t, s.keys.province, `query($c: String!) { station(code: $c) { cases(first: 100) { edges { node { caseNumber fileReview fileReviewedOn overturned overturnedOn } } } } }`, {
      c: code,
    });
    const nodes = station.cases.edges.map((e: any) => e.node);
    const reviewed = nodes.filter((n: any) => n.fileReview !== 'NOT_REVIEWED');
    expect(reviewed.length).toBeGreaterThan(0);
    // the generator dates reviews on the county's review days (15 June, 15 December)
    expect(reviewed.every((n: any) => /^\d{4}-(06|12)-15$/.test(n.fileReviewedOn))).toBe(true);
    expect(nodes.filter((n: any) => n.fileReview === 'NOT_REVIEWED').every((n: any) => n.fileReviewedOn === null)).toBe(true);
    expect(nodes.filter((n: any) => !n.overturned).every((n: any) => n.overturnedOn === null)).toBe(true);
  });
});
