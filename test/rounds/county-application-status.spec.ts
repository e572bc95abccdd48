// The status rules of county applications over REST: every action from every status it may
// not start from is a 409 naming the status; the round's status and deadline; withdraw and
// resubmit; returned (退回补正) and resubmitted; a push after submission moves the live score
// but not the frozen facts or the round score; a veto dated in the window pushed after
// submission blocks the round result.
import type { ApplicationStatus } from '../../src/rounds/round-status.js';
import { transitionApplication } from '../../src/rounds/application-transitions.js';
import type { RatingRoundRecord } from '../../src/rounds/rating-round.entity.js';
import { loadOverlays } from '../../src/rounds/round-overlay.js';
import { roundContext, scoreApplication } from '../../src/rounds/round-scoring.js';
import { scoreStation } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PROVINCE } from '../dashboard/dashboard-support.js';
import { appPath, applicationCounts, bearer, completeDraft, countyWorld, type CountyWorld } from './county-support.js';
import { as } from './rounds-support.js';

let t: TestApp;
let w: CountyWorld;
let key: string;
const used = new Set<string>();

beforeAll(async () => {
  t = await createTestApp();
  w = await countyWorld(t);
  // A PROVINCE key writes every station of its province (as every push does).
  key = w.s.keys.province;
});

afterAll(async () => {
  await t.close();
});

const liveFacts = async (code: string, round: RatingRoundRecord) => (await new FactsLoader(t.dataSource.manager).load([code], round.rubricVersion)).get(code)!.facts;

/** A station not used by another test, without a veto blocking it at the round's cut-off. */
async function freshStation(round: RatingRoundRecord): Promise<string> {
  for (const code of w.s.province.stationCodes) {
    if (used.has(code)) continue;
    if (scoreStation(await liveFacts(code, round), roundContext(round)).blockingVetoes.length > 0) continue;
    used.add(code);
    return code;
  }
  throw new Error('no station left');
}

async function putComplete(round: RatingRoundRecord, code: string, expected = 201): Promise<void> {
  const body = completeDraft(round.rubricVersion, await w.file(w.p[`PROVINCE:${PROVINCE}`]), await w.file(w.p[`PROVINCE:${PROVINCE}`]));
  await t.http().put(appPath(round.id, code)).set(bearer(key)).send(body).expect(expected);
}

async function submitted(round: RatingRoundRecord, code: string): Promise<string> {
  await putComplete(round, code);
  return (await t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).expect(200)).body.frozenInputHash;
}

async function conflict(request: Promise<{ status: number; body: { error: { code: string; message: string } } }>, names: string | RegExp): Promise<void> {
  const res = await request;
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('CONFLICT');
  expect(res.body.error.message).toMatch(names);
}

const setRound = (round: RatingRoundRecord, sql: string) => t.dataSource.query(`UPDATE rating_round SET ${sql}, version = version + 1 WHERE id = $1`, [round.id]);
const setApplication = (round: RatingRoundRecord, code: string, status: ApplicationStatus) =>
  t.dataSource.query(`UPDATE round_application SET status = $3, version = version + 1 WHERE round_id = $1 AND station_code = $2`, [round.id, code, status]);

describe('status', () => {
  test('PUT, submit and withdraw from every status they may not start from: 409 naming the status, nothing written', async () => {
    const round = await w.openRound('状态批次');
    const code = await freshStation(round);
    await t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).expect(404);
    await t.http().post(appPath(round.id, code, 'withdraw')).set(bearer(key)).expect(404);
    await putComplete(round, code);
    await conflict(t.http().post(appPath(round.id, code, 'withdraw')).set(bearer(key)), /application is DRAFT; withdraw needs SUBMITTED/);
    await t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).expect(200);
    for (const status of ['SUBMITTED', 'IN_REVIEW', 'REVIEWED', 'AWARDED', 'NOT_AWARDED', 'REVOKED'] as const) {
      await setApplication(round, code, status);
      const before = await applicationCounts(t);
      await conflict(t.http().put(appPath(round.id, code)).set(bearer(key)).send({}), new RegExp(`application is ${status}; editDraft needs DRAFT or RETURNED`));
      await conflict(t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)), new RegExp(`application is ${status}; submit needs DRAFT or RETURNED`));
      if (status !== 'SUBMITTED') await conflict(t.http().post(appPath(round.id, code, 'withdraw')).set(bearer(key)), new RegExp(`application is ${status}; withdraw needs SUBMITTED`));
      expect(await applicationCounts(t)).toEqual(before);
    }
  });

  test('a round in REVIEW (or later) takes no new drafts, submissions or withdrawals', async () => {
    const round = await w.openRound('评审中批次');
    const [draft, sent, fresh] = [await freshStation(round), await freshStation(round), await freshStation(round)];
    await putComplete(round, draft);
    await submitted(round, sent);
    await setRound(round, `status = 'REVIEW', applications_closed_at = now()`);
    const before = await applicationCounts(t);
    await conflict(t.http().put(appPath(round.id, fresh)).set(bearer(key)).send({}), /round is REVIEW; applications need OPEN/);
    await conflict(t.http().put(appPath(round.id, draft)).set(bearer(key)).send({}), /round is REVIEW/);
    await conflict(t.http().post(appPath(round.id, draft, 'submit')).set(bearer(key)), /round is REVIEW/);
    await conflict(t.http().post(appPath(round.id, sent, 'withdraw')).set(bearer(key)), /round is REVIEW/);
    expect(await applicationCounts(t)).toEqual(before);
  });

  test('after the deadline: no draft, no submission, no withdrawal (409 naming the deadline and the status)', async () => {
    const round = await w.openRound('截止批次');
    const [draft, sent] = [await freshStation(round), await freshStation(round)];
    await putComplete(round, draft);
    await submitted(round, sent);
    await setRound(round, `application_deadline = now() - interval '1 minute'`);
    const before = await applicationCounts(t);
    await conflict(t.http().put(appPath(round.id, draft)).set(bearer(key)).send({}), /round is OPEN but its application deadline .* has passed/);
    await conflict(t.http().post(appPath(round.id, draft, 'submit')).set(bearer(key)), /deadline .* has passed/);
    await conflict(t.http().post(appPath(round.id, sent, 'withdraw')).set(bearer(key)), /deadline .* has passed/);
    expect(await applicationCounts(t)).toEqual(before);
  });

  test('withdraw clears the frozen facts; resubmission freezes again; a review recorded stops withdrawal', async () => {
    const round = await w.openRound('撤回批次');
    const code = await freshStation(round);
    const hash = await submitted(round, code);
    const withdrawn = await t.http().post(appPath(round.id, code, 'withdraw')).set(bearer(key)).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'DRAFT', frozenInputHash: null, submittedAt: null });
    const [row] = await t.dataSource.query(`SELECT frozen_facts FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
    expect(row.frozen_facts).toBeNull();
    const again = await t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).expect(200);
    expect(again.body.frozenInputHash).toBe(hash);
    expect(again.body.history.map((h: { to: string }) => h.to)).toEqual(['DRAFT', 'SUBMITTED', 'DRAFT', 'SUBMITTED']);

    const [app] = await t.dataSource.query(`SELECT id FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
    await t.dataSource.query(`INSERT INTO round_criterion_review (application_id, criterion_id, points, note) VALUES ($1, '1.1.1.1', 1, '材料齐全')`, [app.id]);
    await conflict(t.http().post(appPath(round.id, code, 'withdraw')).set(bearer(key)), /application is SUBMITTED and its review has started/);
  });

  test('returned (退回补正) while the round is in REVIEW: corrected (stays RETURNED), resubmitted with the facts as they stand then', async () => {
    const round = await w.openRound('退回批次');
    const code = await freshStation(round);
    const first = await submitted(round, code);
    await setRound(round, `status = 'REVIEW', applications_closed_at = now()`);
    const province = w.p[`PROVINCE:${PROVINCE}`];
    await t.dataSource.transaction(async (manager) => {
      const [a] = await manager.query(`SELECT id, status, version FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
      await transitionApplication(manager, as(province), a, 'return', '缺少附件3盖章扫描件');
    });
    await t.http().put(`/api/v1/stations/${code}/equipment`).set(bearer(key)).send({ items: [] }).expect(200);
    await putComplete(round, code, 200);
    expect((await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200)).body.status).toBe('RETURNED');
    const again = await t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).expect(200);
    expect(again.body.status).toBe('SUBMITTED');
    expect(again.body.frozenInputHash).not.toBe(first);
    expect(again.body.history.map((h: { from: string | null; to: string; reason: string | null }) => [h.from, h.to, h.reason])).toEqual([
      [null, 'DRAFT', null],
      ['DRAFT', 'SUBMITTED', null],
      ['SUBMITTED', 'RETURNED', '缺少附件3盖章扫描件'],
      ['RETURNED', 'SUBMITTED', null],
    ]);
  });
});

describe('frozen facts', () => {
  async function roundScore(round: RatingRoundRecord, code: string) {
    const [row] = await t.dataSource.query(`SELECT id, station_code, frozen_facts, missing_items, certification FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
    const overlay = (await loadOverlays(t.dataSource.manager, round, [row.id])).get(row.id)!;
    return scoreApplication(round, { stationCode: row.station_code, frozenFacts: row.frozen_facts, missingItems: row.missing_items, certification: row.certification }, overlay);
  }

  test('a push after submission moves the live score, not the frozen facts or the round score', async () => {
    const round = await w.openRound('冻结批次');
    const code = await freshStation(round);
    const hash = await submitted(round, code);
    const before = await roundScore(round, code);
    const liveBefore = scoreStation(await liveFacts(code, round), roundContext(round)).total;
    await t.http().put(`/api/v1/stations/${code}/equipment`).set(bearer(key)).send({ items: [] }).expect(200);
    const station = await t.http().get(`/api/v1/stations/${code}`).set(bearer(key)).expect(200);
    const profile = { ...station.body, premises: { ...station.body.premises, independent: !station.body.premises.independent, rooms: [] } };
    for (const k of ['code', 'cityCode', 'provinceCode', 'counts', 'createdAt', 'updatedAt']) delete profile[k];
    await t.http().put(`/api/v1/stations/${code}`).set(bearer(key)).send(profile).expect(200);
    expect(scoreStation(await liveFacts(code, round), roundContext(round)).total).not.toBe(liveBefore);
    const read = await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200);
    expect(read.body.frozenInputHash).toBe(hash);
    expect(await roundScore(round, code)).toEqual(before);
  });

  test('a submission waits for a push holding the station (and freezes what it wrote): nothing slips between', async () => {
    const round = await w.openRound('并发批次');
    const code = await freshStation(round);
    await putComplete(round, code);
    expect((await liveFacts(code, round)).equipment.length).toBeGreaterThan(0);
    const push = t.dataSource.createQueryRunner();
    await push.connect();
    try {
      await push.startTransaction();
      await push.query(`SELECT code FROM station WHERE code = $1 FOR NO KEY UPDATE`, [code]);
      const pending = t.http().post(appPath(round.id, code, 'submit')).set(bearer(key)).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const [waiting] = await t.dataSource.query(`SELECT status FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
      expect(waiting.status).toBe('DRAFT');
      await push.query(`DELETE FROM equipment WHERE station_code = $1`, [code]);
      await push.commitTransaction();
      expect((await pending).status).toBe(200);
    } finally {
      await push.release();
    }
    const [row] = await t.dataSource.query(`SELECT status, frozen_facts FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, code]);
    expect(row.status).toBe('SUBMITTED');
    expect(row.frozen_facts.facts.equipment).toEqual([]);
  });

  test('a veto dated in the window, pushed after submission, blocks the round result shown once the round is published', async () => {
    const round = await w.openRound('否决批次');
    const code = await freshStation(round);
    await submitted(round, code);
    await setRound(round, `status = 'REVIEW', applications_closed_at = now()`);
    await setRound(round, `status = 'PUBLICIZING', published_at = now(), publication_from = '2026-12-01', publication_to = '2026-12-07'`);
    const clean = await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200);
    expect(clean.body.result).toMatchObject({ eligible: true, confirmed: false });
    expect(clean.body.result.criteria.length).toBeGreaterThan(100);
    await t.http().post(`/api/v1/stations/${code}/veto-events`).set(bearer(key)).send({ kind: 'SUPERVISION_FAILURE', date: '2026-06-15', description: '评定期间发现材料造假' }).expect(200);
    const blocked = await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200);
    expect(blocked.body.result).toMatchObject({ eligible: false, stars: 0, awarded: false });
    expect(blocked.body.result.total).toBe(clean.body.result.total);

    // Once confirmed, the stored (immutable) result is what is read. Results are written
    // before the round is CONFIRMED (the sealing trigger refuses them afterwards).
    const stored = await roundScore(round, code);
    await t.dataSource.query(
      `INSERT INTO round_result (application_id, round_id, station_code, seq, input_hash, result_digest, previous_hash, chain_hash, result, inputs, total, stars, awarded, confirmed_at)
       SELECT id, round_id, station_code, 1, frozen_input_hash, repeat('b', 64), NULL, repeat('c', 64), $3::jsonb, '{}'::jsonb, 12.5, 0, false, now() FROM round_application WHERE round_id = $1 AND station_code = $2`,
      [round.id, code, JSON.stringify(stored)],
    );
    expect((await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200)).body.result.confirmed).toBe(false);
    await setRound(round, `status = 'CONFIRMED', confirmed_at = now()`);
    const confirmed = await t.http().get(appPath(round.id, code)).set(bearer(key)).expect(200);
    expect(confirmed.body.result).toMatchObject({ confirmed: true, total: 12.5, stars: 0, awarded: false, eligible: false });
  });
});
