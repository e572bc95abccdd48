/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// Reviewer mutations: each validated, audited and queued for recompute in one transaction;
// once the station is recomputed (the pipeline's job; called directly here) the new points
// and reasons are what `station` shows.
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, CITY, PROVINCE, errorCodes, gql, ok, seedProvince, type Seeded } from './dashboard-support.js';

let t: TestApp;
let s: Seeded;
let keyIds: Record<string, string>;
let station: string;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
  station = s.province.stationCodes.find((c) => c.startsWith(CITY.slice(0, 4)) && c !== s.countyStation)!;
  const rows = await t.dataSource.query(`SELECT id, role, region_code FROM api_key`);
  keyIds = Object.fromEntries(rows.map((r: any) => [`${r.role}:${r.region_code}`, r.id]));
});

afterAll(async () => {
  await t.close();
});

const rescore = (...codes: string[]) => t.app.get(StationScoringService).score(codes, { cutOff: AS_OF });
const maxId = async (table: string) => Number((await t.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM ${table}`))[0].id);
const since = (table: string, id: number, columns: string) => t.dataSource.query(`SELECT ${columns} FROM ${table} WHERE id > $1 ORDER BY id`, [id]);

const ASSESS = `mutation($s: String!, $c: String!, $p: Float!, $n: String!, $e: [String!]) {
  assessCriterion(stationCode: $s, criterionId: $c, points: $p, note: $n, evidenceRefs: $e) {
    changed assessment { stationCode criterionId criterionCode points max note evidenceRefs assessedBy assessedAt } previous { points note } station { code } } }`;

const CRITERION = `query($s: String!, $i: String!) { station(code: $s) { score { total criteria(indicatorId: $i) { id code points status assessed reason } } } }`;

describe('assessCriterion', () => {
  test('assess → audit and outbox in the same transaction → recompute → the new points and reason in station', async () => {
    const audit0 = await maxId('audit_log');
    const outbox0 = await maxId('outbox_event');
    const before = await ok(t, s.keys.province, CRITERION, { s: station, i: '1' });
    expect(before.station.score.criteria[0]).toMatchObject({ code: '1①', status: 'PENDING_ASSESSMENT', points: 0 });

    const { assessCriterion } = await ok(t, s.keys.city, ASSESS, { s: station, c: '1①', p: 1, n: '现场核查：业务指导到位，咨询记录完整', e: ['检查记录2026-05-12', '照片3张'] });
    expect(assessCriterion).toMatchObject({
      changed: true,
      previous: null,
      station: { code: station },
      assessment: { stationCode: station, criterionId: '1.1.1.1', criterionCode: '1①', points: 1, max: 1, evidenceRefs: ['检查记录2026-05-12', '照片3张'], assessedBy: keyIds[`CITY:${CITY}`] },
    });
    const audit = await since('audit_log', audit0, 'actor_key_id, actor_role, actor_region, action, station_code, entity, entity_key, before_digest, after_digest, detail');
    expect(audit).toEqual([
      {
        actor_key_id: keyIds[`CITY:${CITY}`],
        actor_role: 'CITY',
        actor_region: CITY,
        action: 'assessment.set',
        station_code: station,
        entity: 'reviewer_assessment',
        entity_key: '1.1.1.1',
        before_digest: null,
        after_digest: expect.stringMatching(/^[0-9a-f]{64}$/),
        detail: {
          change: 'created',
          rubricVersion: 'national-2023',
          criterionCode: '1①',
          before: null,
          after: { points: 1, note: '现场核查：业务指导到位，咨询记录完整', evidenceRefs: ['检查记录2026-05-12', '照片3张'] },
        },
      },
    ]);
    expect(await since('outbox_event', outbox0, 'station_code, region_code, reason')).toEqual([{ station_code: station, region_code: null, reason: 'assessment' }]);

    // Nothing changes in the score until the station is recomputed.
    expect((await ok(t, s.keys.province, CRITERION, { s: station, i: '1' })).station.score).toEqual(before.station.score);
    const outcome = await rescore(station);
    expect(outcome.changed).toEqual([station]);
    const after = await ok(t, s.keys.province, CRITERION, { s: station, i: '1' });
    expect(after.station.score.criteria[0]).toMatchObject({ code: '1①', points: 1, status: 'MET', assessed: true });
    expect(after.station.score.criteria[0].reason).toContain('现场核查：业务指导到位，咨询记录完整');
    expect(after.station.score.total).toBeGreaterThan(before.station.score.total);

    const change = await ok(t, s.keys.province, `query($s: String!) { station(code: $s) { scoreChange { totalDelta changes { code text delta before { points status reason } after { points status assessed reason } } } } }`, { s: station });
    expect(change.station.scoreChange.totalDelta).toBeGreaterThan(0);
    expect(change.station.scoreChange.changes).toEqual([
      {
        code: '1①',
        text: expect.stringContaining('市场准入'),
        delta: 1,
        before: { points: 0, status: 'PENDING_ASSESSMENT', reason: expect.any(String) },
        after: { points: 1, status: 'MET', assessed: true, reason: expect.stringContaining('现场核查') },
      },
    ]);
  });

  test('a re-assessment records before and after; the same assessment again writes nothing', async () => {
    const { assessCriterion } = await ok(t, s.keys.province, ASSESS, { s: station, c: '1.1.1.1', p: 0.5, n: '复核：咨询记录不全', e: [] });
    expect(assessCriterion).toMatchObject({ changed: true, previous: { points: 1 }, assessment: { points: 0.5, note: '复核：咨询记录不全' } });
    const [row] = await t.dataSource.query(`SELECT detail FROM audit_log WHERE action = 'assessment.set' ORDER BY id DESC LIMIT 1`);
    expect(row.detail).toMatchObject({ change: 'updated', before: { points: 1 }, after: { points: 0.5, note: '复核：咨询记录不全' } });
    const audit0 = await maxId('audit_log');
    const outbox0 = await maxId('outbox_event');
    const again = await ok(t, s.keys.province, ASSESS, { s: station, c: '1①', p: 0.5, n: '复核：咨询记录不全', e: [] });
    expect(again.assessCriterion.changed).toBe(false);
    expect(await maxId('audit_log')).toBe(audit0);
    expect(await maxId('outbox_event')).toBe(outbox0);
    const { station: stored } = await ok(t, s.keys.province, `query($s: String!) { station(code: $s) { assessments { criterionCode points note } } }`, { s: station });
    expect(stored.assessments).toEqual([{ criterionCode: '1①', points: 0.5, note: '复核：咨询记录不全' }]);
  });

  test('a DATA criterion can be overridden, with a note', async () => {
    await ok(t, s.keys.admin, ASSESS, { s: station, c: '32①', p: 0, n: '学历证明材料不实，不予认定' });
    await rescore(station);
    const { station: after } = await ok(t, s.keys.province, CRITERION, { s: station, i: '32' });
    expect(after.score.criteria[0]).toMatchObject({ code: '32①', points: 0, assessed: true });
    expect(after.score.criteria[0].reason).toContain('学历证明材料不实');
  });

  test('bad input is BAD_USER_INPUT with the path, and writes nothing', async () => {
    const audit0 = await maxId('audit_log');
    const outbox0 = await maxId('outbox_event');
    const cases: [Record<string, unknown>, string][] = [
      [{ c: '1①', p: 0.3, n: 'x' }, 'points'],
      [{ c: '1①', p: 1.5, n: 'x' }, 'points'],
      [{ c: '1①', p: -0.5, n: 'x' }, 'points'],
      [{ c: '99⑨', p: 0, n: 'x' }, 'criterionId'],
      [{ c: '1①', p: 1, n: '   ' }, 'note'],
      [{ c: '1①', p: 1, n: 'x', e: ['ok', ''] }, 'evidenceRefs[1]'],
    ];
    for (const [vars, path] of cases) {
      const body = await gql(t, s.keys.province, ASSESS, { s: station, ...vars });
      expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ path, reason: expect.any(String) }] });
    }
    expect(await errorCodes(t, s.keys.province, ASSESS, { s: '130000999', c: '1①', p: 1, n: 'x' })).toEqual(['NOT_FOUND']);
    expect(await maxId('audit_log')).toBe(audit0);
    expect(await maxId('outbox_event')).toBe(outbox0);
  });
});

describe('missing items', () => {
  const MARK = `mutation($s: String!, $i: String!, $j: String!) { markMissingItem(stationCode: $s, itemId: $i, justification: $j) { changed mark { itemId itemCode justification markedBy } station { code } } }`;
  const UNMARK = `mutation($s: String!, $i: String!, $j: String!) { unmarkMissingItem(stationCode: $s, itemId: $i, justification: $j) { changed mark { itemId } } }`;

  test('marking a third-level indicator leaves its criteria out and re-bases the score; unmarking restores them', async () => {
    const outbox0 = await maxId('outbox_event');
    const { markMissingItem } = await ok(t, s.keys.city, MARK, { s: station, i: '13', j: '辖区无此项职责（经市局确认）' });
    expect(markMissingItem).toMatchObject({ changed: true, mark: { itemCode: '13', justification: '辖区无此项职责（经市局确认）', markedBy: keyIds[`CITY:${CITY}`] } });
    const itemId = markMissingItem.mark.itemId;
    expect(itemId).toMatch(/^\d+\.\d+\.13$/);
    expect(await since('outbox_event', outbox0, 'station_code, reason')).toEqual([{ station_code: station, reason: 'missing-item' }]);
    const [audit] = await t.dataSource.query(`SELECT action, entity_key, detail FROM audit_log WHERE action = 'missing-item.mark' ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({ entity_key: itemId, detail: { change: 'created', itemCode: '13', justification: '辖区无此项职责（经市局确认）' } });

    await rescore(station);
    const q = `query($s: String!) { station(code: $s) { missingItemMarks { itemCode } score { applicable rebaseNote missingItems { code reason } criteria(indicatorId: "13") { status reason } } } }`;
    const marked = (await ok(t, s.keys.province, q, { s: station })).station;
    expect(marked.missingItemMarks).toEqual([{ itemCode: '13' }]);
    expect(marked.score.applicable).toBeLessThan(100);
    expect(marked.score.rebaseNote).toEqual(expect.any(String));
    expect(marked.score.criteria.every((c: any) => c.status === 'MISSING_ITEM' && c.reason.includes('辖区无此项职责'))).toBe(true);
    expect(marked.score.missingItems.map((m: any) => m.code)).toEqual(expect.arrayContaining(marked.score.criteria.map(() => expect.stringMatching(/^13/))));

    const { unmarkMissingItem } = await ok(t, s.keys.province, UNMARK, { s: station, i: '13', j: '复核后确认承担该职责' });
    expect(unmarkMissingItem).toEqual({ changed: true, mark: null });
    const [removed] = await t.dataSource.query(`SELECT actor_role, detail, after_digest FROM audit_log WHERE action = 'missing-item.unmark' ORDER BY id DESC LIMIT 1`);
    expect(removed).toMatchObject({ actor_role: 'PROVINCE', after_digest: null, detail: { change: 'removed', before: '辖区无此项职责（经市局确认）', justification: '复核后确认承担该职责' } });
    await rescore(station);
    const restored = (await ok(t, s.keys.province, q, { s: station })).station;
    expect(restored.missingItemMarks).toEqual([]);
    expect(restored.score.criteria.some((c: any) => c.status === 'MISSING_ITEM')).toBe(false);
  });

  test('a criterion by code; unknown, first-level and unmarked items are refused', async () => {
    const { markMissingItem } = await ok(t, s.keys.province, MARK, { s: station, i: '32③', j: '无特种设备监管职责' });
    expect(markMissingItem.mark).toMatchObject({ itemId: '4.15.32.3', itemCode: '32③' });
    expect((await ok(t, s.keys.province, MARK, { s: station, i: '4.15.32.3', j: '无特种设备监管职责' })).markMissingItem.changed).toBe(false);
    for (const item of ['一', '(十五)', '99']) {
      const body = await gql(t, s.keys.province, MARK, { s: station, i: item, j: 'x' });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'itemId' }] });
    }
    expect(await errorCodes(t, s.keys.province, MARK, { s: station, i: '13', j: '' })).toEqual(['BAD_USER_INPUT']);
    expect(await errorCodes(t, s.keys.province, UNMARK, { s: station, i: '14', j: '无' })).toEqual(['NOT_FOUND']);
  });
});

describe('liftVeto', () => {
  const LIFT = `mutation($v: String!, $r: String!) { liftVeto(vetoId: $v, reason: $r) { veto { id lifted liftedBy liftReason } station { code score { eligible } } } }`;

  test('a province key lifts a veto; after the recompute the station is eligible again', async () => {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'SUPERVISION_FAILURE', '2026-02-01', '监管不力', 'PUSHED', 'lift-1') RETURNING id`,
      [station],
    );
    await rescore(station);
    expect((await ok(t, s.keys.province, `query($s: String!) { station(code: $s) { score { eligible } } }`, { s: station })).station.score.eligible).toBe(false);

    expect(await errorCodes(t, s.keys.city, LIFT, { v: id, r: '已整改' })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.otherProvince, LIFT, { v: id, r: '已整改' })).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.province, LIFT, { v: id, r: ' ' })).toEqual(['BAD_USER_INPUT']);

    const outbox0 = await maxId('outbox_event');
    const { liftVeto } = await ok(t, s.keys.province, LIFT, { v: id, r: '经复核，问题已整改到位' });
    expect(liftVeto.veto).toEqual({ id, lifted: true, liftedBy: keyIds[`PROVINCE:${PROVINCE}`], liftReason: '经复核，问题已整改到位' });
    expect(await since('outbox_event', outbox0, 'station_code, reason')).toEqual([{ station_code: station, reason: 'veto' }]);
    const [audit] = await t.dataSource.query(`SELECT action, entity_key, station_code, detail FROM audit_log WHERE action = 'veto.lift'`);
    expect(audit).toMatchObject({ entity_key: id, station_code: station, detail: { reason: '经复核，问题已整改到位', kind: 'SUPERVISION_FAILURE' } });

    await rescore(station);
    expect((await ok(t, s.keys.province, `query($s: String!) { station(code: $s) { score { eligible blockingVetoes { id } } } }`, { s: station })).station.score).toEqual({
      eligible: true,
      blockingVetoes: [],
    });
    expect(await errorCodes(t, s.keys.province, LIFT, { v: id, r: '再次' })).toEqual(['CONFLICT']);
    expect(await errorCodes(t, s.keys.province, LIFT, { v: '00000000-0000-4000-8000-000000000000', r: 'x' })).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.province, LIFT, { v: 'nope', r: 'x' })).toEqual(['BAD_USER_INPUT']);
  });
});

describe('setStarPolicy', () => {
  const SET = `mutation($p: String!, $in: StarPolicyInput!) { setStarPolicy(provinceCode: $p, input: $in) {
      policy { id provinceCode version name rubricVersion caseEntryDeadlineDays levels { stars indicatorSet indicatorIds threshold includeBonus } }
      recomputeRun { id scopeRegionCode trigger status } } }`;
  const input = (threshold4 = 80) => ({
    name: '河北省五星所评定标准（2026）',
    caseEntryDeadlineDays: 10,
    levels: [
      { stars: 5, indicatorSet: 'ALL', threshold: 92, includeBonus: true },
      { stars: 4, indicatorSet: 'STARRED', threshold: threshold4, includeBonus: true },
      { stars: 3, indicatorSet: 'STARRED', threshold: 70, includeBonus: true },
    ],
  });

  test('a province sets a new version and a POLICY_CHANGE run is queued; the next version replaces it', async () => {
    const { setStarPolicy } = await ok(t, s.keys.province, SET, { p: PROVINCE, in: input() });
    expect(setStarPolicy.policy).toMatchObject({ provinceCode: PROVINCE, version: 1, rubricVersion: 'national-2023', caseEntryDeadlineDays: 10 });
    expect(setStarPolicy.recomputeRun).toMatchObject({ scopeRegionCode: PROVINCE, trigger: 'POLICY_CHANGE', status: 'QUEUED' });
    const [run] = await t.dataSource.query(`SELECT scope_region_code, trigger, status, requested_by FROM recompute_run WHERE id = $1`, [setStarPolicy.recomputeRun.id]);
    expect(run).toEqual({ scope_region_code: PROVINCE, trigger: 'POLICY_CHANGE', status: 'QUEUED', requested_by: keyIds[`PROVINCE:${PROVINCE}`] });
    const [audit] = await t.dataSource.query(`SELECT action, entity_key, detail FROM audit_log WHERE action = 'star-policy.set'`);
    expect(audit).toMatchObject({ entity_key: `${PROVINCE}:1`, detail: { previousPolicyId: 'national-default', policyId: setStarPolicy.policy.id, recomputeRunId: setStarPolicy.recomputeRun.id } });

    const second = await ok(t, s.keys.admin, SET, {
      p: PROVINCE,
      in: { ...input(), levels: [...input().levels.slice(0, 2), { stars: 3, indicatorSet: 'LIST', indicatorIds: STARRED_CODES, threshold: 70, includeBonus: true }] },
    });
    expect(second.setStarPolicy.policy.version).toBe(2);
    expect(second.setStarPolicy.policy.levels[2]).toMatchObject({ indicatorSet: 'LIST', indicatorIds: expect.arrayContaining(['1.1.1']) });
    const active = await t.dataSource.query(`SELECT version FROM star_policy WHERE province_code = $1 AND active`, [PROVINCE]);
    expect(active).toEqual([{ version: 2 }]);
    const { starPolicy } = await ok(t, s.keys.county, `{ starPolicy(provinceCode: "130000") { id version name } }`);
    expect(starPolicy).toEqual({ id: second.setStarPolicy.policy.id, version: 2, name: '河北省五星所评定标准（2026）' });

    // The pipeline's recompute scores with the new policy.
    await rescore(station);
    const [snapshot] = await t.dataSource.query(`SELECT sn.star_policy_id FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = $1`, [station]);
    expect(snapshot.star_policy_id).toBe(second.setStarPolicy.policy.id);
  });

  test('an invalid policy is BAD_USER_INPUT naming the level; nothing is written', async () => {
    const runs0 = Number((await t.dataSource.query(`SELECT count(*) AS n FROM recompute_run`))[0].n);
    const body = await gql(t, s.keys.province, SET, { p: PROVINCE, in: { ...input(), levels: [{ stars: 5, indicatorSet: 'ALL', threshold: 85, includeBonus: true }] } });
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', problems: [{ path: 'input.levels[0]', reason: expect.stringContaining('below the minimum of 90') }] });
    const missing = await gql(t, s.keys.province, SET, { p: PROVINCE, in: { ...input(), levels: [{ stars: 4, indicatorSet: 'LIST', indicatorIds: ['1'], threshold: 80, includeBonus: true }] } });
    expect(missing.errors?.[0].extensions.problems?.[0]).toMatchObject({ path: 'input.levels[0]', reason: expect.stringContaining('leaves out ※ indicators') });
    const unknown = await gql(t, s.keys.province, SET, { p: PROVINCE, in: { ...input(), levels: [{ stars: 4, indicatorSet: 'LIST', indicatorIds: ['99'], threshold: 80, includeBonus: true }] } });
    expect(unknown.errors?.[0].extensions.problems?.[0]).toMatchObject({ path: 'input.levels[0].indicatorIds[0]' });
    const noBonus = await gql(t, s.keys.province, SET, { p: PROVINCE, in: { ...input(), levels: [...input().levels.slice(0, 2), { stars: 3, indicatorSet: 'STARRED', threshold: 70, includeBonus: false }] } });
    expect(noBonus.errors?.[0].extensions.problems?.[0]).toMatchObject({ path: 'input.levels[2]', reason: expect.stringContaining('includeBonus must be true') });
    expect(await errorCodes(t, s.keys.province, SET, { p: CITY, in: input() })).toEqual(['BAD_USER_INPUT']);
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM recompute_run`))[0].n)).toBe(runs0);
  });

  test('only a province key for its own province, or an admin', async () => {
    expect(await errorCodes(t, s.keys.city, SET, { p: PROVINCE, in: input() })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.county, SET, { p: PROVINCE, in: input() })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.otherProvince, SET, { p: PROVINCE, in: input() })).toEqual(['FORBIDDEN']);
  });
});

describe('startRecompute', () => {
  const START = `mutation($r: String!) { startRecompute(regionCode: $r) { id scopeRegionCode trigger status cutOff requestedBy } }`;

  test('a city key queues a MANUAL run for its city, audited', async () => {
    const { startRecompute } = await ok(t, s.keys.city, START, { r: CITY });
    expect(startRecompute).toMatchObject({ scopeRegionCode: CITY, trigger: 'MANUAL', status: 'QUEUED', requestedBy: keyIds[`CITY:${CITY}`] });
    const [row] = await t.dataSource.query(`SELECT scope_region_code, trigger, status FROM recompute_run WHERE id = $1`, [startRecompute.id]);
    expect(row).toEqual({ scope_region_code: CITY, trigger: 'MANUAL', status: 'QUEUED' });
    const [audit] = await t.dataSource.query(`SELECT actor_role, entity_key, detail FROM audit_log WHERE action = 'recompute.start'`);
    expect(audit).toMatchObject({ actor_role: 'CITY', entity_key: startRecompute.id, detail: { scopeRegionCode: CITY } });
    const { recomputeRuns } = await ok(t, s.keys.city, `{ recomputeRuns(first: 1) { id } }`);
    expect(recomputeRuns).toEqual([{ id: startRecompute.id }]);
  });

  test('outside the key, by a county key, or for an unknown region: refused', async () => {
    expect(await errorCodes(t, s.keys.city, START, { r: PROVINCE })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.county, START, { r: s.countyStation.slice(0, 6) })).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, s.keys.province, START, { r: '139900' })).toEqual(['NOT_FOUND']);
    expect(await errorCodes(t, s.keys.province, START, { r: '13' })).toEqual(['BAD_USER_INPUT']);
  });
});

const STARRED_CODES = [
  '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25', '26', '27', '28', '29', '30',
  '31', '32', '33', '34', '35', '36', '37', '38', '39', '40', '41', '42', '43', '44', '45', '46',
];
