// RoundsService.open/get/list against the real database: validation with every problem by
// path, who may open (PROVINCE of that province, ADMIN), unique names, the frozen rubric
// version and star policy, the audit row.
import type { Principal } from '../../src/auth/principal.js';
import { DomainError } from '../../src/common/errors/domain-error.js';
import { NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, OTHER_PROVINCE, PROVINCE, seedProvince } from '../dashboard/dashboard-support.js';
import { as, openInput, principals } from './rounds-support.js';

let t: TestApp;
let rounds: RoundsService;
let keys: Record<string, Principal>;
let province: Principal;

beforeAll(async () => {
  t = await createTestApp();
  await seedProvince(t, 4);
  rounds = t.app.get(RoundsService);
  keys = await principals(t);
  province = keys[`PROVINCE:${PROVINCE}`];
});

afterAll(async () => {
  await t.close();
});

async function refusal(run: () => Promise<unknown>): Promise<DomainError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('open', () => {
  test('a valid round: case sample defaults to the 4 months ending with the cut-off month, policy and rubric frozen, audited', async () => {
    const audit0 = Number((await t.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);
    const round = await rounds.open(as(province), openInput({ name: '  第一批  ' }));
    expect(round).toMatchObject({
      provinceCode: PROVINCE,
      name: '第一批',
      level: 'FIVE_STAR',
      cutOff: '2026-06-30',
      caseSampleFrom: '2026-03-01',
      caseSampleTo: '2026-06-30',
      publicationDays: 7,
      publicationFrom: null,
      publicationTo: null,
      rubricVersion: 'national-2023',
      starPolicyId: NATIONAL_DEFAULT_POLICY.id,
      starPolicy: NATIONAL_DEFAULT_POLICY,
      status: 'OPEN',
      openedBy: province.keyId,
      applicationsClosedAt: null,
      chainHead: null,
      version: 1,
    });
    const [row] = await t.dataSource.query(`SELECT status, star_policy, case_sample_from, version FROM rating_round WHERE id = $1`, [round.id]);
    expect(row).toEqual({ status: 'OPEN', star_policy: NATIONAL_DEFAULT_POLICY, case_sample_from: '2026-03-01', version: 1 });
    const audit = await t.dataSource.query(`SELECT actor_key_id, action, entity, entity_key, before_digest, detail FROM audit_log WHERE id > $1`, [audit0]);
    expect(audit).toEqual([
      {
        actor_key_id: province.keyId,
        action: 'round.open',
        entity: 'rating_round',
        entity_key: round.id,
        before_digest: null,
        detail: expect.objectContaining({ change: 'created', name: '第一批', level: 'FIVE_STAR', cutOff: '2026-06-30', starPolicyId: 'national-default' }),
      },
    ]);
  });

  test('an explicit case sample and an ADMIN key', async () => {
    const round = await rounds.open(as(keys[`ADMIN:${PROVINCE}`]), openInput({ name: '自定义抽样', caseSampleFrom: '2026-01-15', caseSampleTo: '2026-05-31', level: 'THREE_STAR', publicationDays: 60 }));
    expect(round).toMatchObject({ caseSampleFrom: '2026-01-15', caseSampleTo: '2026-05-31', level: 'THREE_STAR', publicationDays: 60 });
  });

  const invalid: [string, Parameters<typeof openInput>[0], string][] = [
    ['blank name', { name: '   ' }, 'input.name'],
    ['a bidi override in the name', { name: '第\u202e二批' }, 'input.name'],
    ['a control character in the name', { name: '第\u0007批' }, 'input.name'],
    ['a name of 101 characters', { name: '批'.repeat(101) }, 'input.name'],
    ['an unknown level', { level: 'SIX_STAR' }, 'input.level'],
    ['a cut-off after today', { cutOff: '2099-01-01' }, 'input.cutOff'],
    ['a cut-off that is no date', { cutOff: '2026-02-30' }, 'input.cutOff'],
    ['a case sample ending after the cut-off', { caseSampleTo: '2026-07-01' }, 'input.caseSampleTo'],
    ['a case sample starting after its end', { caseSampleFrom: '2026-06-01', caseSampleTo: '2026-05-31' }, 'input.caseSampleFrom'],
    ['a malformed case-sample start', { caseSampleFrom: '2026/01/01' }, 'input.caseSampleFrom'],
    ['a deadline in the past', { applicationDeadline: new Date(Date.now() - 1000) }, 'input.applicationDeadline'],
    ['a deadline that is no date-time', { applicationDeadline: 'tomorrow' }, 'input.applicationDeadline'],
    ['0 publication days', { publicationDays: 0 }, 'input.publicationDays'],
    ['61 publication days', { publicationDays: 61 }, 'input.publicationDays'],
    ['1.5 publication days', { publicationDays: 1.5 }, 'input.publicationDays'],
    ['a malformed province code', { provinceCode: '13' }, 'input.provinceCode'],
    ['a city code', { provinceCode: '130400' }, 'input.provinceCode'],
  ];
  test.each(invalid)('400 for %s, with its path', async (_what, overrides, path) => {
    const error = await refusal(() => rounds.open(as(province), openInput({ name: `无效-${path}`, ...overrides })));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems.map((p) => p.path)).toEqual([path]);
  });

  test('every problem at once', async () => {
    const error = await refusal(() => rounds.open(as(province), openInput({ name: '', level: 'X', cutOff: 'x', applicationDeadline: 'x', publicationDays: 99 })));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.problems.map((p) => p.path)).toEqual(['input.name', 'input.level', 'input.cutOff', 'input.applicationDeadline', 'input.publicationDays']);
  });

  test('403 for another province, a county or a city key; 404 for an unknown province', async () => {
    for (const key of [keys[`PROVINCE:${OTHER_PROVINCE}`], keys[`COUNTY:${COUNTY}`], keys['CITY:130400']]) {
      expect((await refusal(() => rounds.open(as(key), openInput({ name: '越权' })))).code).toBe('FORBIDDEN');
    }
    expect((await refusal(() => rounds.open(as(keys[`ADMIN:${PROVINCE}`]), openInput({ provinceCode: '150000' })))).code).toBe('NOT_FOUND');
    expect(await t.dataSource.query(`SELECT name FROM rating_round WHERE name = '越权'`)).toEqual([]);
  });

  test('409 for a name the province already uses; another province may use it', async () => {
    await rounds.open(as(province), openInput({ name: '重名批次' }));
    const error = await refusal(() => rounds.open(as(province), openInput({ name: ' 重名批次 ' })));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('重名批次');
    const other = await rounds.open(as(keys[`PROVINCE:${OTHER_PROVINCE}`]), openInput({ provinceCode: OTHER_PROVINCE, name: '重名批次' }));
    expect(other.provinceCode).toBe(OTHER_PROVINCE);
  });

  test("the province's own star policy is frozen; a level it lacks is a 400 on input.level; a later policy leaves the round alone", async () => {
    const levels = [{ stars: 5, indicatorSet: 'ALL', threshold: 92, includeBonus: true }];
    const [policy] = await t.dataSource.query(
      `INSERT INTO star_policy (province_code, version, name, rubric_version, levels, case_entry_deadline_days, active, created_by)
       VALUES ($1, 1, '河北省星级标准', 'national-2023', $2::jsonb, 10, true, NULL) RETURNING id`,
      [PROVINCE, JSON.stringify(levels)],
    );
    try {
      const error = await refusal(() => rounds.open(as(province), openInput({ name: '四星批次', level: 'FOUR_STAR' })));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.problems).toEqual([{ path: 'input.level', reason: 'the star policy "河北省星级标准" defines 5★' }]);

      const round = await rounds.open(as(province), openInput({ name: '省标准批次' }));
      expect(round.starPolicyId).toBe(policy.id);
      expect(round.starPolicy).toEqual({ id: policy.id, name: '河北省星级标准', provinceCode: PROVINCE, rubricVersion: 'national-2023', levels, caseEntryDeadlineDays: 10 });
      await t.dataSource.query(`UPDATE star_policy SET levels = '[]'::jsonb, active = false WHERE id = $1`, [policy.id]);
      expect((await rounds.get(province, round.id)).starPolicy.levels).toEqual(levels);
    } finally {
      await t.dataSource.query(`UPDATE star_policy SET active = false WHERE id = $1`, [policy.id]);
    }
  });
});

describe('get and list', () => {
  test('keys of the province read its rounds, newest first; other provinces get 404 (get) and 403 (list)', async () => {
    const first = await rounds.open(as(province), openInput({ name: '读取一' }));
    const second = await rounds.open(as(province), openInput({ name: '读取二' }));
    expect((await rounds.get(keys[`COUNTY:${COUNTY}`], first.id)).name).toBe('读取一');
    expect((await refusal(() => rounds.get(keys[`PROVINCE:${OTHER_PROVINCE}`], first.id))).code).toBe('NOT_FOUND');
    expect((await refusal(() => rounds.get(province, '00000000-0000-4000-8000-000000000000'))).code).toBe('NOT_FOUND');
    expect((await refusal(() => rounds.get(province, 'not-a-uuid'))).code).toBe('BAD_USER_INPUT');

    const listed = (await rounds.list(keys[`COUNTY:${COUNTY}`])).map((r) => r.name);
    expect(listed.indexOf('读取二')).toBeLessThan(listed.indexOf('读取一'));
    expect(listed).not.toContain(undefined);
    expect((await rounds.list(keys[`PROVINCE:${OTHER_PROVINCE}`])).map((r) => r.provinceCode)).toEqual([OTHER_PROVINCE]);
    expect((await refusal(() => rounds.list(keys[`PROVINCE:${OTHER_PROVINCE}`], PROVINCE))).code).toBe('FORBIDDEN');
    expect((await rounds.list(keys[`ADMIN:${PROVINCE}`])).map((r) => r.id)).toEqual(expect.arrayContaining([first.id, second.id]));
  });
});
