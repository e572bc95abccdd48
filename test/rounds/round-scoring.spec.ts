// Frozen facts and round scoring against the real database: thaw(freeze) scores exactly as
// the live facts; a push after freezing does not move the round score; a veto dated in the
// window pushed after freezing does block; reviews, inspections and missing-item decisions
// of the round are what the score reads.
import type { Principal } from '../../src/auth/principal.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { RatingRoundRecord } from '../../src/rounds/rating-round.entity.js';
import { frozenFactsHash, freezeFacts, thawFacts, type StationFactsJson } from '../../src/rounds/round-facts.js';
import { loadOverlays } from '../../src/rounds/round-overlay.js';
import { isAwarded, roundContext, scoreApplication, type ApplicationScoringTerms } from '../../src/rounds/round-scoring.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { scoreStation, type ScoreResult } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { as, openInput, principals } from './rounds-support.js';

let t: TestApp;
let s: Seeded;
let round: RatingRoundRecord;
let province: Principal;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 12);
  province = (await principals(t))[`PROVINCE:${PROVINCE}`];
  round = await t.app.get(RoundsService).open(as(province), openInput({ name: '计分批次' }));
});

afterAll(async () => {
  await t.close();
});

const withoutHash = (r: ScoreResult) => ({ ...r, inputHash: '' });
const liveFacts = async (code: string) => (await new FactsLoader(t.dataSource.manager).load([code], round.rubricVersion)).get(code)!.facts;

/** A submitted application as the county helper will write it (submit comes with the REST layer). */
async function submit(stationCode: string): Promise<{ id: string; frozen: StationFactsJson }> {
  const frozen = await freezeFacts(t.dataSource.manager, stationCode, round.rubricVersion);
  const [row] = await t.dataSource.query(
    `INSERT INTO round_application (round_id, station_code, status, submitted_at, frozen_facts, frozen_input_hash, version)
     VALUES ($1, $2, 'SUBMITTED', now(), $3::jsonb, $4, 1) RETURNING id`,
    [round.id, stationCode, JSON.stringify(frozen), frozenFactsHash(frozen)],
  );
  return { id: row.id, frozen };
}

async function roundScore(applicationId: string): Promise<ScoreResult> {
  const [row] = await t.dataSource.query(`SELECT station_code, frozen_facts, missing_items, certification FROM round_application WHERE id = $1`, [applicationId]);
  const application: ApplicationScoringTerms = { stationCode: row.station_code, frozenFacts: row.frozen_facts, missingItems: row.missing_items, certification: row.certification };
  const overlay = (await loadOverlays(t.dataSource.manager, round, [applicationId])).get(applicationId)!;
  return scoreApplication(round, application, overlay);
}

/** A station of the seed with no veto blocking it at the round's cut-off. */
async function stationWithoutVetoes(exclude: string[] = []): Promise<string> {
  for (const code of s.province.stationCodes) {
    if (exclude.includes(code)) continue;
    if (scoreStation(await liveFacts(code), roundContext(round)).blockingVetoes.length === 0) return code;
  }
  throw new Error('every seeded station has a veto');
}

const used: string[] = [];

describe('freezeFacts and thawFacts', () => {
  // The seed has no live reviewer assessments or missing-item marks: give two stations some,
  // so that the comparison below covers them.
  beforeAll(async () => {
    const criteria = getRubricIndex(getRubric(round.rubricVersion)).criteria;
    const assessed = criteria.filter((c) => c.source === 'ASSESSED').slice(0, 3);
    const data = criteria.find((c) => c.source === 'DATA')!;
    for (const code of s.province.stationCodes.slice(0, 2)) {
      for (const c of assessed) {
        await t.dataSource.query(`INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note) VALUES ($1, $2, $3, $4, '现场核查')`, [code, round.rubricVersion, c.id, c.points]);
      }
      await t.dataSource.query(`INSERT INTO missing_item_mark (station_code, rubric_version, item_id, justification) VALUES ($1, $2, $3, '无此职责')`, [code, round.rubricVersion, data.id]);
    }
  });

  test('thaw(freeze) with the live assessments and marks scores exactly as the live facts, for every seeded station', async () => {
    const ctx = roundContext(round);
    let withAssessments = 0;
    for (const code of s.province.stationCodes) {
      const live = await liveFacts(code);
      if (live.assessments.length > 0 && live.missingItemMarks.length > 0) withAssessments++;
      const frozen = await freezeFacts(t.dataSource.manager, code, round.rubricVersion);
      expect(JSON.parse(JSON.stringify(frozen))).toEqual(frozen);
      expect(frozen.facts).not.toHaveProperty('digests');
      const thawed = { ...thawFacts(frozen), assessments: live.assessments, missingItemMarks: live.missingItemMarks };
      expect(withoutHash(scoreStation(thawed, ctx))).toEqual(withoutHash(scoreStation(live, ctx)));
      expect(frozenFactsHash(await freezeFacts(t.dataSource.manager, code, round.rubricVersion))).toBe(frozenFactsHash(frozen));
    }
    expect(withAssessments).toBe(2);
  });

  test('an unknown station is NOT_FOUND', async () => {
    await expect(freezeFacts(t.dataSource.manager, 'NO-SUCH-STATION', round.rubricVersion)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('scoreApplication', () => {
  test('a push after freezing moves the live score, not the round score', async () => {
    const code = await stationWithoutVetoes(used);
    used.push(code);
    const { id } = await submit(code);
    const before = await roundScore(id);
    const liveBefore = scoreStation(await liveFacts(code), roundContext(round));

    await t.dataSource.query(`DELETE FROM equipment WHERE station_code = $1`, [code]);
    await t.dataSource.query(`UPDATE station SET premises_independent = NOT premises_independent, rooms = '{}' WHERE code = $1`, [code]);
    const liveAfter = scoreStation(await liveFacts(code), roundContext(round));
    expect(liveAfter.total).not.toBe(liveBefore.total);

    expect(await roundScore(id)).toEqual(before);
  });

  test('a veto dated in the window and pushed after freezing blocks; one before the window does not; a lifted one does not', async () => {
    const code = await stationWithoutVetoes(used);
    used.push(code);
    const { id } = await submit(code);
    expect((await roundScore(id)).blockingVetoes).toEqual([]);

    const insert = (date: string, digest: string) =>
      t.dataSource.query(
        `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'SUPERVISION_FAILURE', $2, '评定期间发现材料造假', 'PUSHED', $3) RETURNING id`,
        [code, date, digest],
      );
    const [old] = await insert('2024-06-29', 'old');
    let result = await roundScore(id);
    expect(result.blockingVetoes).toEqual([]);

    const [fresh] = await insert('2026-06-15', 'fresh');
    result = await roundScore(id);
    expect(result.blockingVetoes.map((v) => v.id)).toEqual([fresh.id]);
    expect(result.eligible).toBe(false);
    expect(result.stars).toBe(0);
    expect(isAwarded(result, 'THREE_STAR')).toBe(false);
    expect(old.id).not.toBe(fresh.id);

    await t.dataSource.query(`UPDATE veto_event SET lifted_at = now(), lifted_by = $2, lift_reason = '经核查不属实' WHERE id = $1`, [fresh.id, province.keyId]);
    expect((await roundScore(id)).blockingVetoes).toEqual([]);
  });

  test('a declared missing item re-bases only once accepted: undecided and rejected ones re-base nothing', async () => {
    const code = await stationWithoutVetoes(used);
    used.push(code);
    const { id } = await submit(code);
    const base = await roundScore(id);
    const criterion = base.criteria.find((c) => c.source === 'DATA' && c.points < c.max && c.status !== 'MISSING_ITEM')!;
    expect(criterion).toBeDefined();

    await t.dataSource.query(`UPDATE round_application SET missing_items = $2::jsonb WHERE id = $1`, [id, JSON.stringify([{ itemId: criterion.id, duty: 'SPECIAL_EQUIPMENT', reason: '辖区无此项监管职责' }])]);
    expect(await roundScore(id)).toEqual(base);

    await t.dataSource.query(`INSERT INTO round_missing_item_decision (application_id, item_id, accepted, reason, decided_by) VALUES ($1, $2, false, '该所承担此项职责', $3)`, [id, criterion.id, province.keyId]);
    expect(await roundScore(id)).toEqual(base);

    await t.dataSource.query(`UPDATE round_missing_item_decision SET accepted = true, reason = '核实无此职责' WHERE application_id = $1`, [id]);
    const rebased = await roundScore(id);
    expect(rebased.applicable).toBe(base.applicable - criterion.max);
    expect(rebased.missingItems.map((m) => m.id)).toContain(criterion.id);
    expect(rebased.criteria.find((c) => c.id === criterion.id)).toMatchObject({ status: 'MISSING_ITEM', reason: expect.stringContaining('辖区无此项监管职责') });
  });

  test("the round's reviews become assessments; the latest inspection adjusting a criterion overrides its review", async () => {
    const code = await stationWithoutVetoes(used);
    used.push(code);
    const { id } = await submit(code);
    const base = await roundScore(id);
    const assessed = base.criteria.find((c) => c.source === 'ASSESSED' && c.max >= 1)!;
    expect(assessed.status).toBe('PENDING_ASSESSMENT');

    await t.dataSource.query(`INSERT INTO round_criterion_review (application_id, criterion_id, points, note, reviewed_by) VALUES ($1, $2, $3, '材料齐全', $4)`, [id, assessed.id, assessed.max, province.keyId]);
    let criterion = (await roundScore(id)).criteria.find((c) => c.id === assessed.id)!;
    expect(criterion).toMatchObject({ points: assessed.max, assessed: true, status: 'MET' });

    const inspect = (date: string, points: number, reason: string) =>
      t.dataSource.query(`INSERT INTO round_inspection (application_id, date, inspectors, findings, adjustments, recorded_by) VALUES ($1, $2, '{张三,李四}', '现场核查', $3::jsonb, $4)`, [
        id,
        date,
        JSON.stringify([{ criterionId: assessed.id, points, reason }]),
        province.keyId,
      ]);
    await inspect('2026-07-20', 0.5, '第二次考察：部分整改');
    await inspect('2026-07-10', 0, '第一次考察：未落实');
    criterion = (await roundScore(id)).criteria.find((c) => c.id === assessed.id)!;
    expect(criterion).toMatchObject({ points: 0.5, assessed: true });
    expect(criterion.reason).toContain('第二次考察：部分整改');
  });

  test('the certification submitted with the application replaces the stored ones', async () => {
    const code = await stationWithoutVetoes(used);
    used.push(code);
    const { id } = await submit(code);
    const items = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), false]));
    await t.dataSource.query(`UPDATE round_application SET certification = $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify({ items, remarks: '', certifiedBy: '某县市场监督管理局', certifiedOn: '2026-06-20', sealedScanFileId: '00000000-0000-4000-8000-000000000001' }),
    ]);
    const none = await roundScore(id);
    expect(none.criteria.filter((c) => c.source === 'ATTESTED').every((c) => c.points === 0)).toBe(true);
    items['1'] = true;
    await t.dataSource.query(`UPDATE round_application SET certification = jsonb_set(certification, '{items}', $2::jsonb) WHERE id = $1`, [id, JSON.stringify(items)]);
    const one = await roundScore(id);
    expect(one.criteria.find((c) => c.code === '3①')).toMatchObject({ status: 'MET' });
  });

  test('an application never submitted cannot be scored', () => {
    expect(() => scoreApplication(round, { stationCode: 'X', frozenFacts: null, missingItems: [], certification: null }, { reviews: [], inspections: [], missingItemDecisions: [], liveVetoes: [] })).toThrow(
      'never submitted',
    );
  });
});
