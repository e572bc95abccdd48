/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here */
// The rules around the reviewers' mutations: the permission matrix (every mutation × ADMIN,
// PROVINCE of the round, PROVINCE of another province, CITY, COUNTY), every wrong status a
// CONFLICT naming it, bad arguments BAD_USER_INPUT with their paths and nothing written, the
// lazy close at the deadline, evidence files attached to a review.
import { createHash } from 'node:crypto';
import type { Principal } from '../../src/auth/principal.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { RoundPublicationService } from '../../src/rounds/review/round-publication.service.js';
import { reviewOwnerId } from '../../src/rounds/review/round-review.service.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PROVINCE, gql, ok, seedProvince, type Keys, type Seeded } from '../dashboard/dashboard-support.js';
import { Q, submitApplication } from './review-support.js';
import { as, openInput, principals } from './rounds-support.js';

let t: TestApp;
let s: Seeded;
let province: Principal;
let stations: string[];
const rounds: Record<'OPEN' | 'REVIEW' | 'PUBLICIZING' | 'CONFIRMED', { id: string; rubricVersion: string }> = {} as any;
/** Objections: OPEN one in the OPEN round, DISMISSED one in the PUBLICIZING round. */
let openObjection: string;
let dismissedObjection: string;
let publicizingObjection: string;
const ITEM = '4.15.32';

async function setStatus(id: string, status: string): Promise<void> {
  await t.dataSource.query(`UPDATE round_application SET status = $2, version = version + 1 WHERE id = $1`, [id, status]);
}

async function objection(applicationId: string, status: 'OPEN' | 'DISMISSED'): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO round_objection (application_id, received_on, from_whom, content, status, resolution_reason, resolved_at) VALUES ($1, '2026-06-01', '群众', '异议', $2, $3, $4) RETURNING id`,
    [applicationId, status, status === 'OPEN' ? null : '不属实', status === 'OPEN' ? null : new Date()],
  );
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 12);
  province = (await principals(t))[`PROVINCE:${PROVINCE}`];
  stations = s.province.stationCodes;
  const service = t.app.get(RoundsService);
  for (const status of ['OPEN', 'REVIEW', 'PUBLICIZING', 'CONFIRMED'] as const) {
    const round = await service.open(as(province), openInput({ name: `规则测试 ${status}` }));
    rounds[status] = { id: round.id, rubricVersion: round.rubricVersion };
  }
  const missing = [{ itemId: ITEM, duty: 'SPECIAL_EQUIPMENT', reason: '无此职责' }];
  // stations[0]: SUBMITTED everywhere; stations[1]: RETURNED in REVIEW, REVIEWED in PUBLICIZING, NOT_AWARDED in CONFIRMED.
  const apps: Record<string, string[]> = {};
  for (const [status, round] of Object.entries(rounds)) {
    apps[status] = [await submitApplication(t, round, stations[0], missing), await submitApplication(t, round, stations[1], missing)];
  }
  await setStatus(apps.REVIEW[1], 'RETURNED');
  await setStatus(apps.PUBLICIZING[0], 'REVIEWED');
  await setStatus(apps.PUBLICIZING[1], 'REVIEWED');
  await setStatus(apps.CONFIRMED[0], 'NOT_AWARDED');
  await setStatus(apps.CONFIRMED[1], 'NOT_AWARDED');
  openObjection = await objection(apps.OPEN[0], 'OPEN');
  dismissedObjection = await objection(apps.PUBLICIZING[1], 'DISMISSED');
  publicizingObjection = await objection(apps.PUBLICIZING[0], 'OPEN');
  await t.dataSource.query(`UPDATE rating_round SET status = 'REVIEW', applications_closed_at = now(), version = version + 1 WHERE id = $1`, [rounds.REVIEW.id]);
  await t.dataSource.query(
    `UPDATE rating_round SET status = 'PUBLICIZING', applications_closed_at = now(), published_at = now(), publication_from = '2026-07-01', publication_to = '2026-07-07', version = version + 1 WHERE id = $1`,
    [rounds.PUBLICIZING.id],
  );
  await t.dataSource.query(
    `UPDATE rating_round SET status = 'CONFIRMED', applications_closed_at = now(), published_at = now(), publication_from = '2026-07-01', publication_to = '2026-07-07', confirmed_at = now(), version = version + 1 WHERE id = $1`,
    [rounds.CONFIRMED.id],
  );
});

afterAll(async () => {
  await t.close();
});

const errorsOf = async (key: string, query: string, variables: Record<string, unknown>) => (await gql(t, key, query, variables)).errors ?? [];
const outcome = async (key: string, query: string, variables: Record<string, unknown>) => (await errorsOf(key, query, variables)).map((e: any) => e.extensions.code).join(',') || 'OK';
const criterion = (code: string) => getRubricIndex(getRubric(rounds.OPEN.rubricVersion)).criterionByCode.get(code)!;
const assessedCode = () => getRubricIndex(getRubric(rounds.OPEN.rubricVersion)).criteria.find((c) => c.source === 'ASSESSED')!.code;

/** Each mutation with arguments that pass every check but the status (on the OPEN round, or REVIEW for closeApplications). */
const MUTATIONS: { name: string; query: string; variables: () => Record<string, unknown> }[] = [
  { name: 'openRound (duplicate name)', query: Q.open, variables: () => ({ i: { ...openInput({ name: '规则测试 OPEN' }), applicationDeadline: new Date(Date.now() + 86_400_000).toISOString() } }) },
  { name: 'closeApplications', query: Q.close, variables: () => ({ r: rounds.REVIEW.id }) },
  { name: 'returnApplication', query: Q.return, variables: () => ({ r: rounds.OPEN.id, s: stations[0], reason: '补正' }) },
  { name: 'reviewCriterion', query: Q.review, variables: () => ({ r: rounds.OPEN.id, s: stations[0], c: assessedCode(), p: 0.5, n: '材料' }) },
  { name: 'recordInspection', query: Q.inspect, variables: () => ({ r: rounds.OPEN.id, s: stations[0], i: { date: '2026-06-01', inspectors: ['张三'], findings: '现场', adjustments: [] } }) },
  { name: 'decideMissingItem', query: Q.decide, variables: () => ({ r: rounds.OPEN.id, s: stations[0], item: ITEM, a: true, reason: '属实' }) },
  { name: 'publishRound', query: Q.publish, variables: () => ({ r: rounds.OPEN.id, from: '2026-07-01' }) },
  { name: 'recordObjection', query: Q.object, variables: () => ({ r: rounds.OPEN.id, s: stations[0], i: { receivedOn: '2026-06-01', fromWhom: '群众', content: '异议' } }) },
  { name: 'resolveObjection', query: Q.resolve, variables: () => ({ o: openObjection, u: true, reason: '属实' }) },
  { name: 'confirmRound', query: Q.confirm, variables: () => ({ r: rounds.OPEN.id }) },
  { name: 'revokeAward', query: Q.revoke, variables: () => ({ r: rounds.OPEN.id, s: stations[0], reason: '摘星' }) },
];

describe.each(MUTATIONS)('permissions: $name', (m) => {
  const expected: Record<keyof Pick<Keys, 'admin' | 'province' | 'otherProvince' | 'city' | 'county'>, string> = {
    admin: 'CONFLICT',
    province: 'CONFLICT',
    // A round of another province does not exist for the key (like stations); opening one there is FORBIDDEN.
    otherProvince: m.name.startsWith('openRound') ? 'FORBIDDEN' : 'NOT_FOUND',
    city: 'FORBIDDEN',
    county: 'FORBIDDEN',
  };
  test.each(Object.keys(expected) as (keyof typeof expected)[])('%s', async (role) => {
    expect(await outcome(s.keys[role], m.query, m.variables())).toBe(expected[role]);
  });
});

const WRONG_STATUS: [string, string, () => Record<string, unknown>, RegExp][] = [
  ['closeApplications', Q.close, () => ({ r: rounds.PUBLICIZING.id }), /the round is PUBLICIZING; closeApplications needs OPEN/],
  ['closeApplications', Q.close, () => ({ r: rounds.CONFIRMED.id }), /the round is CONFIRMED/],
  ['returnApplication', Q.return, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], reason: '补正' }), /the round is PUBLICIZING; returnApplication needs REVIEW/],
  ['returnApplication', Q.return, () => ({ r: rounds.REVIEW.id, s: stations[1], reason: '补正' }), /the application is RETURNED; return needs SUBMITTED or IN_REVIEW or REVIEWED/],
  ['reviewCriterion', Q.review, () => ({ r: rounds.CONFIRMED.id, s: stations[0], c: assessedCode(), p: 0, n: '材料' }), /the round is CONFIRMED; reviewCriterion needs REVIEW/],
  ['reviewCriterion', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[1], c: assessedCode(), p: 0, n: '材料' }), /is RETURNED; reviewCriterion needs SUBMITTED or IN_REVIEW or REVIEWED/],
  ['reviewCriterion', Q.review, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], c: assessedCode(), p: 0, n: '材料' }), /the round is PUBLICIZING; reviewCriterion needs REVIEW/],
  ['recordInspection', Q.inspect, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], i: { date: '2026-06-01', inspectors: ['张三'], findings: '现场', adjustments: [] } }), /the round is PUBLICIZING/],
  ['decideMissingItem', Q.decide, () => ({ r: rounds.REVIEW.id, s: stations[1], item: ITEM, a: true, reason: '属实' }), /is RETURNED; decideMissingItem needs/],
  ['publishRound', Q.publish, () => ({ r: rounds.PUBLICIZING.id, from: '2026-07-01' }), /the round is PUBLICIZING; publish needs REVIEW/],
  ['publishRound', Q.publish, () => ({ r: rounds.CONFIRMED.id, from: '2026-07-01' }), /the round is CONFIRMED; publish needs REVIEW/],
  ['recordObjection', Q.object, () => ({ r: rounds.REVIEW.id, s: stations[0], i: { receivedOn: '2026-06-01', fromWhom: '群众', content: '异议' } }), /the round is REVIEW; recordObjection needs PUBLICIZING/],
  ['recordObjection', Q.object, () => ({ r: rounds.CONFIRMED.id, s: stations[0], i: { receivedOn: '2026-06-01', fromWhom: '群众', content: '异议' } }), /the round is CONFIRMED/],
  ['resolveObjection', Q.resolve, () => ({ o: dismissedObjection, u: true, reason: '属实' }), /the objection is DISMISSED; resolveObjection needs OPEN/],
  ['confirmRound', Q.confirm, () => ({ r: rounds.REVIEW.id }), /the round is REVIEW; confirm needs PUBLICIZING/],
  ['confirmRound', Q.confirm, () => ({ r: rounds.CONFIRMED.id }), /the round is CONFIRMED; confirm needs PUBLICIZING/],
  ['confirmRound', Q.confirm, () => ({ r: rounds.PUBLICIZING.id }), /open objection/],
  ['revokeAward', Q.revoke, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], reason: '摘星' }), /the round is PUBLICIZING; revokeAward needs CONFIRMED/],
  ['revokeAward', Q.revoke, () => ({ r: rounds.CONFIRMED.id, s: stations[0], reason: '摘星' }), /the application is NOT_AWARDED; revoke needs AWARDED/],
];

test.each(WRONG_STATUS)('wrong status: %s → CONFLICT naming the status', async (_name, query, variables, message) => {
  const errors = await errorsOf(s.keys.province, query, variables());
  expect(errors.map((e: any) => e.extensions.code)).toEqual(['CONFLICT']);
  expect(errors[0].message).toMatch(message);
});

const BAD: [string, string, () => Record<string, unknown>, string[]][] = [
  ['malformed roundId', Q.close, () => ({ r: 'round-1' }), ['roundId']],
  ['a roundId of 36 dashes', Q.review, () => ({ r: '-'.repeat(36), s: stations[0], c: assessedCode(), p: 0, n: 'x' }), ['roundId']],
  ['malformed stationCode', Q.return, () => ({ r: rounds.REVIEW.id, s: 'bad code!', reason: '补正' }), ['stationCode']],
  ['return: a blank reason', Q.return, () => ({ r: rounds.REVIEW.id, s: stations[0], reason: '   ' }), ['reason']],
  ['review: an unknown criterion', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: '99⑨', p: 0, n: 'x' }), ['criterionId']],
  ['review: points off the 0.5 steps', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: assessedCode(), p: 0.3, n: 'x' }), ['points']],
  ['review: points above the maximum', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: assessedCode(), p: 50, n: 'x' }), ['points']],
  ['review: a control character in the note', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: assessedCode(), p: 0, n: 'a\u0007b' }), ['reviewCriterion.note']],
  ['review: a DATA criterion without a note', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: dataCode(), p: 0, n: ' ' }), ['note']],
  ['review: unknown and malformed files', Q.review, () => ({ r: rounds.REVIEW.id, s: stations[0], c: assessedCode(), p: 0, n: 'x', f: ['nope', '00000000-0000-4000-8000-0000000000ff'] }), ['fileIds.0', 'fileIds.1']],
  [
    'inspection: every field wrong at once',
    Q.inspect,
    () => ({ r: rounds.REVIEW.id, s: stations[0], i: { date: '2026-02-30', inspectors: [], findings: '', adjustments: [{ criterionId: assessedCode(), points: 99, reason: 'x' }, { criterionId: 'nope', points: 0, reason: '  ' }] } }),
    ['input.date', 'input.inspectors', 'input.findings', 'input.adjustments.0.points', 'input.adjustments.1.criterionId', 'input.adjustments.1.reason'],
  ],
  ['decide: an item the application did not declare', Q.decide, () => ({ r: rounds.REVIEW.id, s: stations[0], item: '46', a: true, reason: 'x' }), ['itemId']],
  ['publish: not a date', Q.publish, () => ({ r: rounds.REVIEW.id, from: '2026-13-01' }), ['from']],
  ['objection: future date, blank sender and content', Q.object, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], i: { receivedOn: '2999-01-01', fromWhom: ' ', content: '' } }), ['input.receivedOn', 'input.fromWhom', 'input.content']],
  // Control and bidi characters are refused by the schema's text rules before any resolver runs.
  ['objection: a bidi override', Q.object, () => ({ r: rounds.PUBLICIZING.id, s: stations[0], i: { receivedOn: '2026-06-01', fromWhom: '群众', content: 'a\u202eb' } }), ['recordObjection.input.content']],
  ['resolve: malformed objection id', Q.resolve, () => ({ o: 'x', u: true, reason: 'x' }), ['objectionId']],
  ['confirm: a blank earlyReason', Q.confirm, () => ({ r: rounds.PUBLICIZING.id, e: '  ' }), ['earlyReason']],
  ['revoke: a blank reason', Q.revoke, () => ({ r: rounds.CONFIRMED.id, s: stations[0], reason: '' }), ['reason']],
];
const dataCode = () => getRubricIndex(getRubric(rounds.OPEN.rubricVersion)).criteria.find((c) => c.source === 'DATA')!.code;

const written = async () =>
  (
    await t.dataSource.query(
      `SELECT (SELECT count(*) FROM round_criterion_review)::int AS reviews, (SELECT count(*) FROM round_inspection)::int AS inspections,
              (SELECT count(*) FROM round_missing_item_decision)::int AS decisions, (SELECT count(*) FROM round_objection)::int AS objections,
              (SELECT count(*) FROM round_application_transition)::int AS transitions, (SELECT count(*) FROM audit_log WHERE action LIKE 'round.%')::int AS audit,
              (SELECT string_agg(status || version, ',' ORDER BY id) FROM rating_round) AS rounds, (SELECT count(*) FROM file_attachment)::int AS attachments`,
    )
  )[0];

test.each(BAD)('bad arguments: %s → BAD_USER_INPUT with every path, nothing written', async (_name, query, variables, paths) => {
  const before = await written();
  const errors = await errorsOf(s.keys.province, query, variables());
  expect(errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  expect(errors[0].extensions.problems!.map((p: any) => p.path)).toEqual(paths);
  expect(await written()).toEqual(before);
});

test('a review with evidence files attaches them (owner REVIEW), and a review of an unknown station is NOT_FOUND', async () => {
  const [file] = await t.dataSource.query(
    `INSERT INTO file_object (sha256, size, content_type, original_name, uploaded_by_key_id, uploaded_by_region) VALUES ($1, 10, 'application/pdf', '核查记录.pdf', $2, $3) RETURNING id`,
    [createHash('sha256').update('review-rules').digest('hex'), province.keyId, PROVINCE],
  );
  const c = assessedCode();
  const { reviewCriterion } = await ok(t, s.keys.province, Q.review, { r: rounds.REVIEW.id, s: stations[0], c, p: criterion(c).points, n: '', f: [file.id] });
  expect(reviewCriterion.status).toBe('IN_REVIEW');
  const attachments = await t.dataSource.query(`SELECT owner_kind, owner_id, station_code FROM file_attachment WHERE file_id = $1`, [file.id]);
  expect(attachments).toEqual([{ owner_kind: 'REVIEW', owner_id: reviewOwnerId(reviewCriterion.id, criterion(c).id), station_code: stations[0] }]);
  expect(await outcome(s.keys.province, Q.review, { r: rounds.REVIEW.id, s: stations[5], c, p: 0, n: 'x' })).toBe('NOT_FOUND');
  expect(await outcome(s.keys.province, Q.close, { r: '00000000-0000-4000-8000-000000000000' })).toBe('NOT_FOUND');
});

test('a round past its deadline closes when read (REVIEW, audited as SYSTEM) and review steps may start', async () => {
  const round = await t.app.get(RoundsService).open(as(province), openInput({ name: '截止测试' }));
  await submitApplication(t, round, stations[2]);
  await t.dataSource.query(`UPDATE rating_round SET application_deadline = now() - interval '1 minute' WHERE id = $1`, [round.id]);
  expect((await ok(t, s.keys.county, Q.round, { id: round.id })).round.status).toBe('REVIEW');
  const audit = await t.dataSource.query(`SELECT actor_role, action, entity_key FROM audit_log WHERE action = 'round.closeApplications' AND entity_key = $1`, [round.id]);
  expect(audit).toEqual([{ actor_role: 'SYSTEM', action: 'round.closeApplications', entity_key: round.id }]);
  const [{ applications_closed_at }] = await t.dataSource.query(`SELECT applications_closed_at FROM rating_round WHERE id = $1`, [round.id]);
  expect(applications_closed_at).toBeInstanceOf(Date);
  expect(await outcome(s.keys.province, Q.close, { r: round.id })).toBe('CONFLICT');
});

test('reads: rounds(provinceCode) for keys of the province; another province FORBIDDEN; round outside NOT_FOUND', async () => {
  const list = await ok(t, s.keys.city, `{ rounds(provinceCode: "${PROVINCE}") { id status } }`);
  expect(list.rounds.length).toBeGreaterThanOrEqual(4);
  expect(await outcome(s.keys.otherProvince, `{ rounds(provinceCode: "${PROVINCE}") { id } }`, {})).toBe('FORBIDDEN');
  expect(await outcome(s.keys.otherProvince, Q.verify, { id: rounds.CONFIRMED.id })).toBe('NOT_FOUND');
  expect((await ok(t, s.keys.county, Q.verify, { id: rounds.OPEN.id })).verifyRound).toEqual({ ok: true, checked: 0, mismatches: [], chainHead: null });
  expect(publicizingObjection).toBeDefined();
});

test('confirmation is one transaction: a result that cannot be computed leaves no result, no award and the round PUBLICIZING', async () => {
  const round = await t.app.get(RoundsService).open(as(province), openInput({ name: '原子性测试' }));
  const ids = [await submitApplication(t, round, stations[3]), await submitApplication(t, round, stations[4])];
  for (const id of ids) await setStatus(id, 'REVIEWED');
  // The second application's frozen facts are unreadable: its result fails after the first one was written.
  await t.dataSource.query(`UPDATE round_application SET frozen_facts = '{"format": "unknown"}'::jsonb WHERE id = $1`, [ids[1]]);
  await t.dataSource.query(
    `UPDATE rating_round SET status = 'PUBLICIZING', applications_closed_at = now(), published_at = now(), publication_from = '2026-01-01', publication_to = '2026-01-07', version = version + 1 WHERE id = $1`,
    [round.id],
  );
  const admin = (await principals(t))[`ADMIN:${PROVINCE}`];
  const before = await written();
  await expect(t.app.get(RoundPublicationService).confirm(as(admin), round.id, null, '2026-02-01')).rejects.toThrow(/unknown format/);
  expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM round_result WHERE round_id = $1`, [round.id])).toEqual([{ n: 0 }]);
  expect((await t.dataSource.query(`SELECT status FROM round_application WHERE round_id = $1 ORDER BY station_code`, [round.id])).map((r: any) => r.status)).toEqual(['REVIEWED', 'REVIEWED']);
  expect(await t.dataSource.query(`SELECT status, chain_head FROM rating_round WHERE id = $1`, [round.id])).toEqual([{ status: 'PUBLICIZING', chain_head: null }]);
  expect(await written()).toEqual(before);
});
