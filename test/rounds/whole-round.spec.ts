/* eslint-disable @typescript-eslint/no-explicit-any -- REST and GraphQL answers are untyped JSON here; the assertions check their shape */
// One whole rating round over the HTTP API, as a province and its counties run it: the
// counties over REST with COUNTY keys (evidence files uploaded with POST /api/v1/files, the
// draft, submit, read), the province over GraphQL with PROVINCE and ADMIN keys. Open → three
// stations apply with files → one returned and resubmitted → a push after submission moves
// the live score, not the round result → every assessed criterion reviewed, an inspection →
// a rejected missing item re-bases nothing, an accepted one does → publish → an objection
// upheld and re-reviewed → confirm → verify → a tampered result row found → revoke.
// The tests run in order and build on each other (one round).
import { createHash } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config.js';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { AS_OF, PROVINCE, gql, ok, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { jpeg, pdf, png } from '../files/samples.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { Q } from './review-support.js';

let t: TestApp;
let s: Seeded;
let today: string;
let roundId: string;
/** A: declares two missing items, inspected. B: live data pushed after submission, objection upheld. C: returned and resubmitted. */
let A: string;
let B: string;
let C: string;
const countyKey: Record<string, string> = {};
const countyOf: Record<string, string> = {};
const files: Record<string, { id: string; sha256: string }[]> = {};

const rubric = getRubric('national-2023');
const index = getRubricIndex(rubric);
const assessed = index.criteria.filter((c) => c.source === 'ASSESSED');
/** Declared missing by A: an assessed criterion (to be rejected) and indicator 32 (to be accepted). */
const REJECTED = assessed[1];
const ACCEPTED_INDICATOR = '4.15.32';
const acceptedPoints = index.criteria.filter((c) => c.indicatorId === ACCEPTED_INDICATOR).reduce((n, c) => n + c.points, 0);

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const appPath = (code: string, action = '') => `/api/v1/rounds/${roundId}/applications/${code}${action ? `/${action}` : ''}`;
const codes = (body: any) => (body.errors ?? []).map((e: any) => e.extensions.code);
const LIVE = `query($c: String!) { station(code: $c) { score { total } } }`;

/** The application as the province reads it over GraphQL. */
async function application(code: string): Promise<any> {
  const all = await ok(t, s.keys.province, Q.applications, { id: roundId, first: 3 });
  return all.round.applications.edges.map((e: any) => e.node).find((n: any) => n.stationCode === code);
}

async function upload(code: string, bytes: Buffer, name: string): Promise<{ id: string; sha256: string }> {
  const res = await t.http().post('/api/v1/files').set(bearer(countyKey[code])).attach('file', bytes, { filename: name, contentType: 'application/octet-stream' });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, name });
  return { id: res.body.id, sha256: res.body.sha256 };
}

/** The draft: materials for every criterion not declared missing (the first two with files), the 附件3 with its scan. */
function draft(code: string, missing: { item: string; duty: string; reason: string }[] = []): Record<string, unknown> {
  const declared = new Set(missing.map((m) => m.item));
  const [a, b, scan] = files[code];
  const criteria = index.criteria.filter((c) => !declared.has(c.code) && !declared.has(c.id) && !declared.has(c.indicatorId));
  return {
    materials: criteria.map((c, i) => ({ criterion: c.code, items: [{ title: `${c.code} 提供材料目录`, fileIds: i === 0 ? [a.id] : i === 1 ? [b.id] : [] }] })),
    missingItems: missing,
    certification: {
      items: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), true])),
      remarks: '有关情况说明',
      certifiedBy: '县市场监督管理局',
      certifiedOn: '2026-05-20',
      sealedScanFileId: scan.id,
    },
  };
}

/** Reviews every assessed criterion of a station but `except` in one GraphQL document (one aliased mutation each); answers the last status. */
async function reviewAll(code: string, except: string[] = []): Promise<string> {
  const todo = assessed.filter((c) => !except.includes(c.id));
  const fields = todo.map((c, i) => `c${i}: reviewCriterion(roundId: $r, stationCode: $s, criterionId: "${c.id}", points: ${c.points}, note: "材料齐全") { status }`);
  const data = await ok(t, s.keys.province, `mutation($r: ID!, $s: String!) { ${fields.join(' ')} }`, { r: roundId, s: code });
  expect(Object.keys(data)).toHaveLength(todo.length);
  return data[`c${todo.length - 1}`].status;
}

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 24);
  today = todayIn(t.app.get<AppConfig>(APP_CONFIG).timeZone);
  const vetoed = new Set((await t.dataSource.query(`SELECT DISTINCT station_code FROM veto_event`)).map((r: any) => r.station_code));
  const stations: { code: string; county_code: string }[] = await t.dataSource.query(`SELECT code, county_code FROM station ORDER BY code`);
  // Three stations without a veto, in three counties where there are three.
  const chosen: typeof stations = [];
  for (const st of stations) if (!vetoed.has(st.code) && !chosen.some((c) => c.county_code === st.county_code)) chosen.push(st);
  for (const st of stations) if (chosen.length < 3 && !vetoed.has(st.code) && !chosen.includes(st)) chosen.push(st);
  [A, B, C] = chosen.map((c) => c.code);
  for (const st of chosen.slice(0, 3)) {
    countyKey[st.code] = await t.apiKey('COUNTY', st.county_code);
    countyOf[st.code] = st.county_code;
  }
});

afterAll(async () => {
  await t.close();
});

test('open (GraphQL, PROVINCE key): OPEN, no chain head; the counties see it over REST', async () => {
  const opened = await ok(t, s.keys.province, Q.open, {
    i: { provinceCode: PROVINCE, name: '2026年第一批三星市场监督管理所评定', level: 'THREE_STAR', cutOff: AS_OF, applicationDeadline: new Date(Date.now() + 86_400_000).toISOString(), publicationDays: 7 },
  });
  expect(opened.openRound).toMatchObject({ status: 'OPEN', chainHead: null, counts: [] });
  roundId = opened.openRound.id;
  const listed = await t.http().get('/api/v1/rounds').set(bearer(countyKey[A])).expect(200);
  expect(listed.body.items).toEqual([expect.objectContaining({ id: roundId, level: 'THREE_STAR', cutOff: AS_OF, status: 'OPEN' })]);
});

test('three stations apply with uploaded files (COUNTY keys): draft 201, submit 200 SUBMITTED with the frozen hash', async () => {
  for (const code of [A, B, C]) {
    files[code] = [await upload(code, pdf(`${code} 业务指导记录`), `${code}-指导记录.pdf`), await upload(code, png(), `${code}-现场照片.png`), await upload(code, Buffer.concat([jpeg(), Buffer.from(code)]), `${code}-附件3盖章.jpg`)];
  }
  const missing = [
    { item: REJECTED.code, duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' },
    { item: '32', duty: 'FOOD', reason: '无此职责' },
  ];
  for (const code of [A, B, C]) {
    const put = await t.http().put(appPath(code)).set(bearer(countyKey[code])).send(draft(code, code === A ? missing : [])).expect(201);
    expect(put.body).toMatchObject({ status: 'DRAFT', stationCode: code, frozenInputHash: null, result: null });
    expect(put.body.materials[0].items[0].files).toEqual([expect.objectContaining({ id: files[code][0].id, sha256: files[code][0].sha256 })]);
    expect(put.body.certification.sealedScan).toMatchObject({ id: files[code][2].id });
  }
  // Another county's key may not write this station: 404 (existence hidden).
  expect(countyOf[A]).not.toBe(countyOf[B]);
  await t.http().put(appPath(A)).set(bearer(countyKey[B])).send({ materials: [] }).expect(404);
  for (const code of [A, B, C]) {
    const sent = await t.http().post(appPath(code, 'submit')).set(bearer(countyKey[code])).expect(200);
    expect(sent.body.status).toBe('SUBMITTED');
    expect(sent.body.frozenInputHash).toMatch(/^[0-9a-f]{64}$/);
  }
  const a = await t.http().get(appPath(A)).set(bearer(countyKey[A])).expect(200);
  expect(a.body.missingItems.map((m: any) => m.itemId)).toEqual([REJECTED.id, ACCEPTED_INDICATOR]);
  expect(a.body.history.map((h: any) => h.to)).toEqual(['DRAFT', 'SUBMITTED']);
  expect(a.body.result).toBeNull(); // the county sees a result once the round is published
  // Submitted: no second submission (409 naming the status).
  const again = await t.http().post(appPath(A, 'submit')).set(bearer(countyKey[A])).expect(409);
  expect(again.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('application is SUBMITTED') });
});

test('a push after submission: the live score moves, the round result and frozen hash do not', async () => {
  const hash = (await t.http().get(appPath(B)).set(bearer(countyKey[B])).expect(200)).body.frozenInputHash;
  const roundBefore = (await application(B)).result;
  const liveBefore = (await ok(t, s.keys.province, LIVE, { c: B })).station.score.total;
  await t.http().put(`/api/v1/stations/${B}/equipment`).set(bearer(countyKey[B])).send({ items: [] }).expect(200);
  const station = await t.http().get(`/api/v1/stations/${B}`).set(bearer(countyKey[B])).expect(200);
  const profile = { ...station.body, premises: { ...station.body.premises, independent: !station.body.premises.independent, rooms: [] } };
  for (const k of ['code', 'cityCode', 'provinceCode', 'counts', 'createdAt', 'updatedAt']) delete profile[k];
  await t.http().put(`/api/v1/stations/${B}`).set(bearer(countyKey[B])).send(profile).expect(200);
  // The recompute the queue runs for a push (at the round's cut-off, so only the push differs).
  await t.app.get(StationScoringService).score([B], { cutOff: AS_OF });
  const liveAfter = (await ok(t, s.keys.province, LIVE, { c: B })).station.score.total;
  expect(liveAfter).not.toBe(liveBefore);
  expect((await application(B)).result).toEqual(roundBefore);
  expect((await t.http().get(appPath(B)).set(bearer(countyKey[B])).expect(200)).body.frozenInputHash).toBe(hash);
});

test('close, return C (退回补正), C corrects and resubmits: RETURNED → SUBMITTED, frozen again', async () => {
  const closed = await ok(t, s.keys.province, Q.close, { r: roundId });
  expect(closed.closeApplications).toMatchObject({ status: 'REVIEW', counts: [{ status: 'SUBMITTED', count: 3 }] });
  const first = (await t.http().get(appPath(C)).set(bearer(countyKey[C])).expect(200)).body.submittedAt;
  const returned = await ok(t, s.keys.province, Q.return, { r: roundId, s: C, reason: '附件3盖章扫描件不清晰，请补正' });
  expect(returned.returnApplication.status).toBe('RETURNED');
  const seen = await t.http().get(appPath(C)).set(bearer(countyKey[C])).expect(200);
  expect(seen.body.history.at(-1)).toMatchObject({ from: 'SUBMITTED', to: 'RETURNED', role: 'PROVINCE', reason: '附件3盖章扫描件不清晰，请补正' });
  files[C][2] = await upload(C, Buffer.concat([jpeg(), Buffer.from(`${C} 重新扫描`)]), `${C}-附件3盖章-重扫.jpg`);
  const corrected = await t.http().put(appPath(C)).set(bearer(countyKey[C])).send(draft(C)).expect(200);
  expect(corrected.body.status).toBe('RETURNED');
  expect(corrected.body.certification.sealedScan.id).toBe(files[C][2].id);
  const again = await t.http().post(appPath(C, 'submit')).set(bearer(countyKey[C])).expect(200);
  expect(again.body.status).toBe('SUBMITTED');
  // Frozen again, as the facts stand now.
  expect(again.body.frozenInputHash).toMatch(/^[0-9a-f]{64}$/);
  expect(Date.parse(again.body.submittedAt)).toBeGreaterThan(Date.parse(first));
  expect(again.body.history.map((h: any) => [h.from, h.to])).toEqual([
    [null, 'DRAFT'],
    ['DRAFT', 'SUBMITTED'],
    ['SUBMITTED', 'RETURNED'],
    ['RETURNED', 'SUBMITTED'],
  ]);
});

test('review of every assessed criterion: SUBMITTED → IN_REVIEW → REVIEWED; A waits for its declared items', async () => {
  expect(await reviewAll(B)).toBe('REVIEWED');
  expect(await reviewAll(C)).toBe('REVIEWED');
  expect(await reviewAll(A, [REJECTED.id])).toBe('IN_REVIEW');
  const a = await application(A);
  expect(a.reviews).toHaveLength(assessed.length - 1);
  expect(a.result.pendingCriteria).toEqual([{ code: REJECTED.code }]);
  expect(a.history.map((h: any) => h.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'IN_REVIEW']);
  // Undecided missing items re-base nothing yet.
  expect(a.result.applicable).toBe(100);
  const b = await application(B);
  expect(b.result.pendingCriteria).toEqual([]);
  expect(b.result.criteria.every((c: any) => c.reason.length > 0)).toBe(true);
});

test('an inspection (实地考察) on B: its adjustment overrides the review, the total drops by the re-based points', async () => {
  const target = assessed[3];
  const before = (await application(B)).result;
  const { recordInspection } = await ok(t, s.keys.province, Q.inspect, {
    r: roundId,
    s: B,
    i: { date: today, inspectors: ['张三', '李四'], findings: '现场核查：部分台账缺失', adjustments: [{ criterionId: target.code, points: 0, reason: '现场未见记录' }] },
  });
  expect(recordInspection.status).toBe('REVIEWED');
  const after = (await application(B)).result;
  expect(after.criteria.find((c: any) => c.id === target.id)).toMatchObject({ points: 0, reason: expect.stringContaining('实地考察') });
  expect(after.total).toBeCloseTo(before.total - (target.points * 100) / before.applicable, 1);
});

test('missing items: a rejected one re-bases nothing, an accepted one does; then A is REVIEWED', async () => {
  const before = (await application(A)).result;
  const rejected = await ok(t, s.keys.province, Q.decide, { r: roundId, s: A, item: REJECTED.code, a: false, reason: '辖区有特种设备，须提供材料' });
  expect(rejected.decideMissingItem.status).toBe('IN_REVIEW');
  let a = await application(A);
  expect(a.result.applicable).toBe(before.applicable);
  expect(a.result.total).toBe(before.total);
  expect(a.result.missingItems).toEqual([]);
  expect(a.result.pendingCriteria).toEqual([{ code: REJECTED.code }]);

  const accepted = await ok(t, s.keys.province, Q.decide, { r: roundId, s: A, item: '32', a: true, reason: '核实无此职责' });
  expect(accepted.decideMissingItem.status).toBe('IN_REVIEW');
  a = await application(A);
  expect(a.result.applicable).toBe(100 - acceptedPoints);
  expect(a.result.missingItems.map((m: any) => m.criterionId)).toEqual(index.criteria.filter((c) => c.indicatorId === ACCEPTED_INDICATOR).map((c) => c.id));
  expect(a.missingItems.map((m: any) => m.decision.accepted)).toEqual([false, true]);

  const reviewed = await ok(t, s.keys.province, Q.review, { r: roundId, s: A, c: REJECTED.id, p: REJECTED.points, n: '补充材料齐全' });
  expect(reviewed.reviewCriterion.status).toBe('REVIEWED');
  expect((await application(A)).result.pendingCriteria).toEqual([]);
});

test('publish (公示): PUBLICIZING for 7 days; the counties now read their result', async () => {
  const { publishRound } = await ok(t, s.keys.province, Q.publish, { r: roundId, from: today });
  expect(publishRound).toMatchObject({ status: 'PUBLICIZING', publicationFrom: today, publicationTo: addDays(today, 6), counts: [{ status: 'REVIEWED', count: 3 }] });
  for (const code of [A, B, C]) {
    const read = await t.http().get(appPath(code)).set(bearer(countyKey[code])).expect(200);
    const graph = (await application(code)).result;
    expect(read.body.result).toMatchObject({ total: graph.total, stars: graph.stars, eligible: graph.eligible, confirmed: false });
  }
});

test('an objection (异议) upheld: B back to review (IN_REVIEW), re-reviewed to REVIEWED; its total follows the new points', async () => {
  const before = (await application(B)).result;
  const { recordObjection } = await ok(t, s.keys.province, Q.object, { r: roundId, s: B, i: { receivedOn: today, fromWhom: '群众来信', content: '该所投诉举报处理记录不实' } });
  expect(recordObjection).toMatchObject({ status: 'OPEN', stationCode: B });
  const early = await gql(t, s.keys.admin, Q.confirm, { r: roundId, e: '提前认定' });
  expect(codes(early)).toEqual(['CONFLICT']);
  expect(early.errors![0].message).toContain(`open objection(s): ${B}`);
  const { resolveObjection } = await ok(t, s.keys.province, Q.resolve, { o: recordObjection.id, u: true, reason: '经核实部分属实' });
  expect(resolveObjection).toMatchObject({ status: 'UPHELD', resolutionReason: '经核实部分属实' });
  expect((await application(B)).status).toBe('IN_REVIEW');
  const target = assessed[5];
  const { reviewCriterion } = await ok(t, s.keys.province, Q.review, { r: roundId, s: B, c: target.id, p: 0, n: '异议成立，扣分' });
  expect(reviewCriterion.status).toBe('REVIEWED');
  const after = (await application(B)).result;
  expect(after.total).toBeCloseTo(before.total - (target.points * 100) / before.applicable, 1);
  expect((await application(B)).history.slice(-2).map((h: any) => h.toStatus)).toEqual(['IN_REVIEW', 'REVIEWED']);
});

test('confirm (认定) by ADMIN with earlyReason: CONFIRMED, a chain of 3 results, AWARDED / NOT_AWARDED as stored', async () => {
  const provinceEarly = await gql(t, s.keys.province, Q.confirm, { r: roundId, e: '提前' });
  expect(codes(provinceEarly)).toEqual(['FORBIDDEN']);
  const results = Object.fromEntries(await Promise.all([A, B, C].map(async (c) => [c, (await application(c)).result])));
  const { confirmRound } = await ok(t, s.keys.admin, Q.confirm, { r: roundId, e: '省局批准提前认定' });
  expect(confirmRound).toMatchObject({ status: 'CONFIRMED', earlyConfirmReason: '省局批准提前认定', chainHead: expect.stringMatching(/^[0-9a-f]{64}$/) });
  const rows = await t.dataSource.query(`SELECT station_code, seq, previous_hash, chain_hash, awarded, stars, total::float8 AS total FROM round_result WHERE round_id = $1 ORDER BY seq`, [roundId]);
  expect(rows.map((r: any) => r.station_code)).toEqual([A, B, C].sort());
  expect(rows.at(-1).chain_hash).toBe(confirmRound.chainHead);
  for (const r of rows) {
    expect(r.total).toBe(results[r.station_code].total);
    expect(r.stars).toBe(results[r.station_code].stars);
    const read = await t.http().get(appPath(r.station_code)).set(bearer(countyKey[r.station_code])).expect(200);
    expect(read.body.status).toBe(r.awarded ? 'AWARDED' : 'NOT_AWARDED');
    expect(read.body.result).toMatchObject({ total: r.total, stars: r.stars, awarded: r.awarded, confirmed: true });
  }
  expect(rows.some((r: any) => r.awarded)).toBe(true);
  // Confirmed: no more reviews (409 naming the status).
  const late = await gql(t, s.keys.province, Q.review, { r: roundId, s: A, c: assessed[0].id, p: 0, n: '晚了' });
  expect(codes(late)).toEqual(['CONFLICT']);
  expect(late.errors![0].message).toContain('CONFIRMED');
});

test('verifyRound (any reader, a COUNTY key too): ok, 3 checked, the chain head', async () => {
  const { verifyRound } = await ok(t, countyKey[A], Q.verify, { id: roundId });
  const [{ chain_head }] = await t.dataSource.query(`SELECT chain_head FROM rating_round WHERE id = $1`, [roundId]);
  expect(verifyRound).toEqual({ ok: true, checked: 3, mismatches: [], chainHead: chain_head });
});

test('a tampered round_result row (immutability trigger disabled, edited, re-enabled) is found; put back, the round verifies again', async () => {
  const edit = async (sql: string, params: unknown[]) => {
    await t.dataSource.query(`ALTER TABLE round_result DISABLE TRIGGER tr_round_result_sealed`);
    try {
      await t.dataSource.query(sql, params);
    } finally {
      await t.dataSource.query(`ALTER TABLE round_result ENABLE TRIGGER tr_round_result_sealed`);
    }
  };
  // With the trigger on, the edit is refused outright.
  await expect(t.dataSource.query(`UPDATE round_result SET total = total + 5 WHERE round_id = $1 AND station_code = $2`, [roundId, C])).rejects.toThrow(/written once/);
  const [{ total }] = await t.dataSource.query(`SELECT total FROM round_result WHERE round_id = $1 AND station_code = $2`, [roundId, C]);
  await edit(`UPDATE round_result SET total = total + 5 WHERE round_id = $1 AND station_code = $2`, [roundId, C]);
  const tampered = (await ok(t, s.keys.province, Q.verify, { id: roundId })).verifyRound;
  expect(tampered.ok).toBe(false);
  expect(tampered.checked).toBe(3);
  expect(tampered.mismatches).toEqual([{ stationCode: C, reason: expect.stringContaining('stored total/stars/award') }]);
  await edit(`UPDATE round_result SET total = $3 WHERE round_id = $1 AND station_code = $2`, [roundId, C, total]);
  expect((await ok(t, s.keys.province, Q.verify, { id: roundId })).verifyRound.ok).toBe(true);
});

test('revoke (摘星) an awarded station: REVOKED, the result and the chain kept, the round still verifies', async () => {
  const [{ station_code: awarded, total }] = await t.dataSource.query(`SELECT station_code, total::float8 AS total FROM round_result WHERE round_id = $1 AND awarded ORDER BY seq LIMIT 1`, [roundId]);
  const { revokeAward } = await ok(t, s.keys.province, Q.revoke, { r: roundId, s: awarded, reason: '发生重大责任事故，摘星' });
  expect(revokeAward.status).toBe('REVOKED');
  const read = await t.http().get(appPath(awarded)).set(bearer(countyKey[awarded])).expect(200);
  expect(read.body.status).toBe('REVOKED');
  expect(read.body.history.at(-1)).toMatchObject({ from: 'AWARDED', to: 'REVOKED', reason: '发生重大责任事故，摘星' });
  expect(read.body.result.total).toBe(total);
  expect((await application(awarded)).revocationReason).toBe('发生重大责任事故，摘星');
  const again = await gql(t, s.keys.province, Q.revoke, { r: roundId, s: awarded, reason: '再次' });
  expect(codes(again)).toEqual(['CONFLICT']);
  expect((await ok(t, s.keys.province, Q.verify, { id: roundId })).verifyRound).toMatchObject({ ok: true, checked: 3 });
});
