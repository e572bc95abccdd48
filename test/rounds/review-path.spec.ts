/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here */
// The whole reviewer path over GraphQL on fixture applications: open, close, review (a
// missing item accepted re-bases, a rejected one re-bases nothing, an inspection overrides a
// review), return, publish refused with pending criteria then published, an upheld objection
// back to review, confirmation refused (open objection, period not ended) then confirmed by
// ADMIN with earlyReason, verification ok, the sealed rows, tampering detected, revocation.
import type { Principal } from '../../src/auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config.js';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, PROVINCE, countStatements, gql, ok, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { assessedCriteria, nodes, Q, reviewAll, submitApplication } from './review-support.js';
import { principals } from './rounds-support.js';

let t: TestApp;
let s: Seeded;
let province: Principal;
let round: { id: string; rubricVersion: string };
let today: string;
let A: string; // reviewed in full, missing items, inspection, objection dismissed, awarded, revoked
let B: string; // objection upheld, re-reviewed
let C: string; // returned
let D: string; // returned; a COUNTY key of its county reads the round
let countyKey: string;
const assessed = () => assessedCriteria(round.rubricVersion);

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 16);
  province = (await principals(t))[`PROVINCE:${PROVINCE}`];
  today = todayIn(t.app.get<AppConfig>(APP_CONFIG).timeZone);
  const vetoed = new Set((await t.dataSource.query(`SELECT DISTINCT station_code FROM veto_event`)).map((r: any) => r.station_code));
  const clean = s.province.stationCodes.filter((c) => !vetoed.has(c));
  A = clean[0];
  [B, C] = clean.filter((c) => c !== A);
  D = s.province.stationCodes.find((c) => ![A, B, C].includes(c))!;
  countyKey = await t.apiKey('COUNTY', D.slice(0, 6));
  const opened = await ok(t, s.keys.province, Q.open, {
    i: { provinceCode: PROVINCE, name: '2026年第一批三星所评定', level: 'THREE_STAR', cutOff: AS_OF, applicationDeadline: new Date(Date.now() + 86_400_000).toISOString(), publicationDays: 7 },
  });
  expect(opened.openRound).toMatchObject({ status: 'OPEN', chainHead: null });
  const [{ rubric_version }] = await t.dataSource.query(`SELECT rubric_version FROM rating_round WHERE id = $1`, [opened.openRound.id]);
  round = { id: opened.openRound.id, rubricVersion: rubric_version };
  const [X, Y] = assessed();
  await submitApplication(t, round, A, [
    { itemId: X.id, duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' },
    { itemId: Y.id, duty: 'FOOD', reason: '无此职责' },
  ]);
  await submitApplication(t, round, B);
  await submitApplication(t, round, C);
  await submitApplication(t, round, D);
});

afterAll(async () => {
  await t.close();
});

const app = async (code: string, key = s.keys.province) => nodes(await ok(t, key, Q.applications, { id: round.id, first: 4 })).find((n) => n.stationCode === code);
const codes = (body: any) => (body.errors ?? []).map((e: any) => e.extensions.code);

test('a review step while the round is OPEN: CONFLICT naming OPEN; closeApplications → REVIEW', async () => {
  const c = assessed()[2];
  const body = await gql(t, s.keys.province, Q.review, { r: round.id, s: A, c: c.code, p: 0.5, n: '材料齐全' });
  expect(codes(body)).toEqual(['CONFLICT']);
  expect(body.errors![0].message).toMatch(/the round is OPEN/);
  const closed = await ok(t, s.keys.province, Q.close, { r: round.id });
  expect(closed.closeApplications.status).toBe('REVIEW');
  expect((await ok(t, s.keys.province, Q.round, { id: round.id })).round.counts).toEqual([{ status: 'SUBMITTED', count: 4 }]);
});

test('the first review moves SUBMITTED → IN_REVIEW; the result is the round scoring with that review', async () => {
  const c = assessed()[2];
  const { reviewCriterion } = await ok(t, s.keys.province, Q.review, { r: round.id, s: A, c: c.code, p: c.points, n: '材料齐全', f: [] });
  expect(reviewCriterion.status).toBe('IN_REVIEW');
  const a = await app(A);
  expect(a.history.map((h: any) => h.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW']);
  expect(a.reviews).toEqual([{ criterionId: c.id, points: c.points, note: '材料齐全' }]);
  expect(a.result.pendingCriteria.map((p: any) => p.code)).not.toContain(c.code);
  expect(a.certification.items).toHaveLength(12);
  expect(a.station.code).toBe(A);
});

test('steps on different stations do not wait for each other (the round is shared), a round-level step waits for them', async () => {
  const c = assessed()[3];
  const other = t.dataSource.createQueryRunner();
  await other.connect();
  await other.startTransaction();
  try {
    // Another reviewer's step in flight: the round FOR SHARE, A's application FOR UPDATE.
    await other.query(`SELECT id FROM rating_round WHERE id = $1 FOR SHARE`, [round.id]);
    await other.query(`SELECT id FROM round_application WHERE round_id = $1 AND station_code = $2 FOR UPDATE`, [round.id, A]);
    const { reviewCriterion } = await ok(t, s.keys.province, Q.review, { r: round.id, s: B, c: c.code, p: c.points, n: '材料齐全', f: [] });
    expect(reviewCriterion.status).toBe('IN_REVIEW');
    // closeApplications locks the round FOR UPDATE: it waits until the step in flight ends.
    let settled = false;
    const closing = gql(t, s.keys.province, Q.close, { r: round.id }).then((body) => ((settled = true), body));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await other.commitTransaction();
    expect((await closing).errors?.map((e) => e.extensions.code)).toEqual(['CONFLICT']);
  } finally {
    if (other.isTransactionActive) await other.rollbackTransaction();
    await other.release();
  }
});

test('publishRound is refused while applications are in review, naming them and their pending criteria', async () => {
  const body = await gql(t, s.keys.province, Q.publish, { r: round.id, from: today });
  expect(codes(body)).toEqual(['CONFLICT']);
  const message = body.errors![0].message;
  const [X, Y, , next] = assessed();
  expect(message).toContain(`${A} (IN_REVIEW: pending criteria ${X.code}, ${Y.code}, ${next.code},`);
  expect(message).toContain(`${B} (IN_REVIEW: pending criteria`); // reviewed once while A's step was in flight
  expect(message).toContain('undecided missing items');
});

test('missing items: accepted re-bases the score, rejected re-bases nothing; all reviewed and decided → REVIEWED', async () => {
  const [X, Y] = assessed();
  await reviewAll(t, province, round, A, [X.id, Y.id]);
  expect((await app(A)).status).toBe('IN_REVIEW');
  await ok(t, s.keys.province, Q.decide, { r: round.id, s: A, item: X.code, a: true, reason: '核实无此职责' });
  await ok(t, s.keys.province, Q.decide, { r: round.id, s: A, item: Y.id, a: false, reason: '有此职责' });
  let a = await app(A);
  expect(a.missingItems).toEqual([
    { itemId: X.id, duty: 'SPECIAL_EQUIPMENT', decision: { accepted: true, reason: '核实无此职责' } },
    { itemId: Y.id, duty: 'FOOD', decision: { accepted: false, reason: '有此职责' } },
  ]);
  expect(a.result.missingItems.map((m: any) => m.criterionId)).toEqual([X.id]);
  expect(a.result.applicable).toBe(100 - X.points);
  // Y rejected: scored on its merits, still waiting for a review.
  expect(a.status).toBe('IN_REVIEW');
  expect(a.result.pendingCriteria.map((p: any) => p.code)).toEqual([Y.code]);
  await ok(t, s.keys.province, Q.review, { r: round.id, s: A, c: Y.id, p: Y.points, n: '复核' });
  a = await app(A);
  expect(a.status).toBe('REVIEWED');
  expect(a.result.pendingCriteria).toEqual([]);
});

test('an inspection adjustment overrides the material review of its criterion', async () => {
  const first = assessed()[2];
  const before = (await app(A)).result;
  const { recordInspection } = await ok(t, s.keys.province, Q.inspect, {
    r: round.id,
    s: A,
    i: { date: today, inspectors: ['张三', '李四'], findings: '现场核查', adjustments: [{ criterionId: first.code, points: 0, reason: '现场未见记录' }] },
  });
  expect(recordInspection.status).toBe('REVIEWED');
  const a = await app(A);
  expect(a.inspections).toEqual([{ date: today, adjustments: [{ criterionId: first.id, points: 0, reason: '现场未见记录' }] }]);
  const criterion = a.result.criteria.find((c: any) => c.id === first.id);
  expect(criterion.points).toBe(0);
  expect(criterion.reason).toContain('实地考察');
  expect(a.result.total).toBeCloseTo(before.total - (first.points * 100) / (100 - assessed()[0].points), 1);
});

test('returnApplication → RETURNED with the reason in the history', async () => {
  const { returnApplication } = await ok(t, s.keys.province, Q.return, { r: round.id, s: C, reason: '材料不全，请补正' });
  expect(returnApplication.status).toBe('RETURNED');
  expect((await app(C)).history.at(-1)).toEqual({ fromStatus: 'SUBMITTED', toStatus: 'RETURNED', actorRole: 'PROVINCE', reason: '材料不全，请补正' });
  await ok(t, s.keys.province, Q.return, { r: round.id, s: D, reason: '缺少附件3盖章扫描件' });
});

test('publish: PUBLICIZING for publicationDays from `from`', async () => {
  await reviewAll(t, province, round, B);
  expect((await app(B)).status).toBe('REVIEWED');
  const { publishRound } = await ok(t, s.keys.province, Q.publish, { r: round.id, from: today });
  expect(publishRound).toMatchObject({ status: 'PUBLICIZING', publicationFrom: today, publicationTo: addDays(today, 6) });
});

test('an upheld objection sends the station back to review; re-reviewed it is REVIEWED again', async () => {
  const { recordObjection } = await ok(t, s.keys.province, Q.object, { r: round.id, s: B, i: { receivedOn: today, fromWhom: '群众来信', content: '该所办案记录不实' } });
  expect(recordObjection).toMatchObject({ status: 'OPEN', stationCode: B });
  const { resolveObjection } = await ok(t, s.keys.province, Q.resolve, { o: recordObjection.id, u: true, reason: '经核实部分属实' });
  expect(resolveObjection).toMatchObject({ status: 'UPHELD', resolutionReason: '经核实部分属实' });
  expect((await app(B)).status).toBe('IN_REVIEW');
  const again = await gql(t, s.keys.province, Q.resolve, { o: recordObjection.id, u: false, reason: '再议' });
  expect(again.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('the objection is UPHELD') });
  const confirm = await gql(t, s.keys.admin, Q.confirm, { r: round.id, e: '省局批准提前认定' });
  expect(confirm.errors![0].message).toContain(`${B} is IN_REVIEW`);
  const c = assessed()[5];
  const { reviewCriterion } = await ok(t, s.keys.province, Q.review, { r: round.id, s: B, c: c.id, p: 0, n: '异议成立，扣分' });
  expect(reviewCriterion.status).toBe('REVIEWED');
});

test('confirmRound: refused with an open objection, before the period ends without earlyReason, FORBIDDEN early for PROVINCE', async () => {
  const { recordObjection } = await ok(t, s.keys.province, Q.object, { r: round.id, s: A, i: { receivedOn: today, fromWhom: '匿名', content: '质疑' } });
  const open = await gql(t, s.keys.admin, Q.confirm, { r: round.id, e: '提前认定' });
  expect(codes(open)).toEqual(['CONFLICT']);
  expect(open.errors![0].message).toContain(`open objection(s): ${A}`);
  await ok(t, s.keys.province, Q.resolve, { o: recordObjection.id, u: false, reason: '不属实' });
  expect((await app(A)).status).toBe('REVIEWED');
  const early = await gql(t, s.keys.province, Q.confirm, { r: round.id });
  expect(codes(early)).toEqual(['CONFLICT']);
  expect(early.errors![0].message).toContain(`the round is PUBLICIZING until ${addDays(today, 6)}`);
  expect(codes(await gql(t, s.keys.province, Q.confirm, { r: round.id, e: '提前' }))).toEqual(['FORBIDDEN']);
  expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM round_result`)).toEqual([{ n: 0 }]);
});

test('confirmRound by ADMIN with earlyReason: results chained in station-code order, AWARDED / NOT_AWARDED, CONFIRMED', async () => {
  const { confirmRound } = await ok(t, s.keys.admin, Q.confirm, { r: round.id, e: '省局批准提前认定' });
  expect(confirmRound).toMatchObject({ status: 'CONFIRMED', earlyConfirmReason: '省局批准提前认定' });
  const rows = await t.dataSource.query(`SELECT station_code, seq, previous_hash, chain_hash, awarded, stars, total::float8 AS total FROM round_result WHERE round_id = $1 ORDER BY seq`, [round.id]);
  expect(rows.map((r: any) => r.station_code)).toEqual([A, B].sort());
  expect(rows[0].previous_hash).toBeNull();
  expect(rows[1].previous_hash).toBe(rows[0].chain_hash);
  expect(confirmRound.chainHead).toBe(rows[1].chain_hash);
  for (const r of rows) {
    const a = await app(r.station_code);
    expect(a.status).toBe(r.awarded ? 'AWARDED' : 'NOT_AWARDED');
    expect(a.result.total).toBe(r.total);
    expect(a.result.stars).toBe(r.stars);
  }
  expect(rows.find((r: any) => r.station_code === A).awarded).toBe(true);
  expect((await app(C)).status).toBe('RETURNED');
});

test('verifyRound: ok, every result checked, the chain head', async () => {
  const { verifyRound } = await ok(t, s.keys.county, Q.verify, { id: round.id });
  const [{ chain_head }] = await t.dataSource.query(`SELECT chain_head FROM rating_round WHERE id = $1`, [round.id]);
  expect(verifyRound).toEqual({ ok: true, checked: 2, mismatches: [], chainHead: chain_head });
});

test('the database refuses UPDATE and DELETE of results and any change of the confirmed round', async () => {
  await expect(t.dataSource.query(`UPDATE round_result SET total = 99 WHERE station_code = $1`, [A])).rejects.toThrow(/written once/);
  await expect(t.dataSource.query(`DELETE FROM round_result WHERE station_code = $1`, [A])).rejects.toThrow(/written once/);
  await expect(t.dataSource.query(`UPDATE rating_round SET chain_head = repeat('0', 64) WHERE id = $1`, [round.id])).rejects.toThrow(/sealed/);
  await expect(t.dataSource.query(`UPDATE rating_round SET status = 'PUBLICIZING', confirmed_at = NULL WHERE id = $1`, [round.id])).rejects.toThrow(/sealed/);
});

async function tampered(sql: string, params: unknown[]): Promise<any> {
  await t.dataSource.query(`ALTER TABLE round_result DISABLE TRIGGER tr_round_result_sealed`);
  try {
    await t.dataSource.query(sql, params);
  } finally {
    await t.dataSource.query(`ALTER TABLE round_result ENABLE TRIGGER tr_round_result_sealed`);
  }
  return (await ok(t, s.keys.province, Q.verify, { id: round.id })).verifyRound;
}

test('tampering is detected and named: a total, then the frozen facts', async () => {
  const [{ total }] = await t.dataSource.query(`SELECT total FROM round_result WHERE station_code = $1`, [A]);
  const edited = await tampered(`UPDATE round_result SET total = total + 5 WHERE station_code = $1`, [A]);
  expect(edited.ok).toBe(false);
  expect(edited.mismatches).toEqual([{ stationCode: A, reason: expect.stringContaining('stored total/stars/award') }]);
  expect((await tampered(`UPDATE round_result SET total = $2 WHERE station_code = $1`, [A, total])).ok).toBe(true);

  const facts = await tampered(`UPDATE round_result SET inputs = jsonb_set(inputs, '{application,frozenFacts,facts,personnel}', '[]') WHERE station_code = $1`, [B]);
  expect(facts.ok).toBe(false);
  expect(facts.mismatches).toContainEqual({ stationCode: B, reason: expect.stringContaining('input hash') });
  expect(facts.mismatches.every((m: any) => m.stationCode === B)).toBe(true);
});

test('award warning: a veto the live score now shows on an AWARDED station, on the application and the round', async () => {
  expect((await app(A)).liveVetoWarning).toBeNull();
  const [{ id }] = await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', $2, '发生重大责任事故', 'PUSHED', 'review-path-1') RETURNING id`,
    [A, addDays(AS_OF, -10)],
  );
  await t.app.get(StationScoringService).score([A], { cutOff: AS_OF });
  const warning = { vetoId: String(id), kind: 'OTHER', reason: '发生重大责任事故' };
  expect((await app(A)).liveVetoWarning).toEqual(warning);
  expect((await ok(t, s.keys.province, Q.round, { id: round.id })).round.warnings).toEqual([{ stationCode: A, vetoId: String(id), reason: '发生重大责任事故' }]);
  // The province's list across its rounds, and the field on the station.
  const listed = { stationCode: A, roundId: round.id, roundName: '2026年第一批三星所评定', vetoId: String(id), reason: '发生重大责任事故' };
  const WARNINGS = `query($p: String!) { awardWarnings(provinceCode: $p) { stationCode roundId roundName vetoId reason } }`;
  expect((await ok(t, s.keys.province, WARNINGS, { p: PROVINCE })).awardWarnings).toEqual([listed]);
  expect((await ok(t, s.keys.admin, WARNINGS, { p: PROVINCE })).awardWarnings).toEqual([listed]);
  expect(codes(await gql(t, s.keys.otherProvince, WARNINGS, { p: PROVINCE }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql(t, s.keys.province, WARNINGS, { p: '130100' }))).toEqual(['BAD_USER_INPUT']);
  const otherCounty = await t.apiKey('COUNTY', s.province.stationCodes.find((c) => c.slice(0, 6) !== A.slice(0, 6))!.slice(0, 6));
  expect((await ok(t, otherCounty, WARNINGS, { p: PROVINCE })).awardWarnings).toEqual([]);
  const AWARDS = `query($c: String!) { station(code: $c) { roundAwards { roundId roundName level status confirmedAt liveVetoWarning { vetoId reason } } } }`;
  const { station } = await ok(t, s.keys.province, AWARDS, { c: A });
  expect(station.roundAwards).toEqual([
    { roundId: round.id, roundName: '2026年第一批三星所评定', level: 'THREE_STAR', status: 'AWARDED', confirmedAt: expect.any(String), liveVetoWarning: { vetoId: String(id), reason: '发生重大责任事故' } },
  ]);
  expect((await ok(t, s.keys.province, AWARDS, { c: B })).station.roundAwards.every((a: any) => a.liveVetoWarning === null)).toBe(true);
});

test('progress per region: counts per status in each city or county, scoped to the key', async () => {
  const QUERY = `query($id: ID!, $l: RegionLevel) { round(id: $id) { counts { status count } regionCounts(level: $l) { regionCode regionName counts { status count } } } }`;
  const byCity = (await ok(t, s.keys.province, QUERY, { id: round.id, l: 'CITY' })).round;
  const byCounty = (await ok(t, s.keys.province, QUERY, { id: round.id, l: 'COUNTY' })).round;
  const total = (rows: any[]) => rows.flatMap((r) => r.counts).reduce((n: number, c: any) => n + c.count, 0);
  expect(total(byCity.regionCounts)).toBe(4);
  expect(total(byCounty.regionCounts)).toBe(4);
  expect(byCounty.regionCounts.map((r: any) => r.regionCode)).toEqual([...new Set([A, B, C, D].map((c) => c.slice(0, 6)))].sort());
  expect(byCity.regionCounts.every((r: any) => r.regionCode.endsWith('00') && r.regionName.length > 0)).toBe(true);
  const perStatus = new Map<string, number>();
  for (const r of byCity.regionCounts) for (const c of r.counts) perStatus.set(c.status, (perStatus.get(c.status) ?? 0) + c.count);
  expect(Object.fromEntries(perStatus)).toEqual(Object.fromEntries(byCity.counts.map((c: any) => [c.status, c.count])));
  const county = (await ok(t, countyKey, QUERY, { id: round.id, l: 'COUNTY' })).round.regionCounts;
  expect(county.map((r: any) => r.regionCode)).toEqual([D.slice(0, 6)]);
});

test('revokeAward: AWARDED → REVOKED, the result kept, history kept', async () => {
  const { revokeAward } = await ok(t, s.keys.province, Q.revoke, { r: round.id, s: A, reason: '发生重大责任事故，摘星' });
  expect(revokeAward.status).toBe('REVOKED');
  const a = await app(A);
  expect(a.revocationReason).toBe('发生重大责任事故，摘星');
  expect(a.history.slice(-2).map((h: any) => h.toStatus)).toEqual(['AWARDED', 'REVOKED']);
  expect(a.result.total).toBeGreaterThan(0);
  expect((await ok(t, s.keys.province, Q.verify, { id: round.id })).verifyRound.mismatches.filter((m: any) => m.stationCode === A)).toEqual([]);
});

test('a COUNTY key sees only its county’s applications; filters by status and region; pages', async () => {
  const county = nodes(await ok(t, countyKey, Q.applications, { id: round.id, first: 4 }));
  expect(county.map((n) => n.stationCode)).toEqual([A, B, C, D].filter((c) => c.startsWith(D.slice(0, 6))).sort());
  expect(county.map((n) => n.stationCode)).toContain(D);
  expect(county.length).toBeLessThan(4);
  const returned = nodes(await ok(t, s.keys.province, Q.applications, { id: round.id, first: 4, f: { status: 'RETURNED' } }));
  expect(returned.map((n) => n.stationCode)).toEqual([C, D].sort());
  const inCounty = nodes(await ok(t, s.keys.province, Q.applications, { id: round.id, first: 3, f: { regionCode: D.slice(0, 6) } }));
  expect(inCounty.map((n) => n.stationCode)).toEqual(county.map((n) => n.stationCode));
  expect(codes(await gql(t, s.keys.province, Q.applications, { id: round.id, first: 3, f: { regionCode: '13' } }))).toEqual(['BAD_USER_INPUT']);
  const page1 = (await ok(t, s.keys.province, Q.applications, { id: round.id, first: 2 })).round.applications;
  expect(page1).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
  const page2 = (await ok(t, s.keys.province, Q.applications, { id: round.id, first: 2, after: page1.pageInfo.endCursor })).round.applications;
  expect(page2.pageInfo.hasNextPage).toBe(false);
  expect([...page1.edges, ...page2.edges].map((e: any) => e.node.stationCode)).toEqual([A, B, C, D].sort());
  expect(codes(await gql(t, s.keys.otherProvince, Q.round, { id: round.id }))).toEqual(['NOT_FOUND']);
});

test('every step is audited, with the acting key', async () => {
  const rows = await t.dataSource.query(`SELECT action, actor_role, count(*)::int AS n FROM audit_log WHERE action LIKE 'round.%' GROUP BY action, actor_role ORDER BY action, actor_role`);
  const actions = Object.fromEntries(rows.map((r: any) => [`${r.action} ${r.actor_role}`, r.n]));
  expect(actions).toMatchObject({
    'round.open PROVINCE': 1,
    'round.closeApplications PROVINCE': 1,
    'round.application.return PROVINCE': 2,
    'round.inspection PROVINCE': 1,
    'round.missingItem.decide PROVINCE': 2,
    'round.publish PROVINCE': 1,
    'round.objection.record PROVINCE': 2,
    'round.objection.resolve PROVINCE': 2,
    'round.confirm ADMIN': 1,
    'round.award.revoke PROVINCE': 1,
  });
  expect(actions['round.review PROVINCE']).toBeGreaterThanOrEqual(2 * assessed().length - 2);
});

test('no N+1: a page of applications with every relation runs each statement once, whatever its size', async () => {
  const { statements } = await countStatements(t.dataSource, () => ok(t, s.keys.province, Q.applications, { id: round.id, first: 4 }));
  // A statement per relation per page: the same SQL twice would be a per-item query.
  expect(new Set(statements).size).toBe(statements.length);
  expect(statements.length).toBeLessThanOrEqual(20);
  // Reading a round that is not due to close writes nothing.
  expect(statements.filter((q) => /^(START|UPDATE|INSERT)/.test(q))).toEqual([]);
});
