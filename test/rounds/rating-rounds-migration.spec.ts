// The RatingRounds migration keeps the rounds that existed before it: an OPEN one stays
// OPEN, a CLOSED one is in REVIEW since it was closed, and each gets the defaults of
// openRound and the star policy its star_policy_id names.
import { createDataSource } from '../../src/database/data-source.js';
import { NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { revertThrough } from '../support/migrations.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

test('existing rating_round rows survive with defaults, their status mapped and their star policy frozen', async () => {
  const dataSource = createDataSource({ url: database.url, poolSize: 2, logging: ['error'] });
  await dataSource.initialize();
  try {
    await revertThrough(dataSource, 'RatingRounds1796541603606');
    await dataSource.query(`INSERT INTO region (code, name, level) VALUES ('130000', '河北省', 'PROVINCE')`);
    const [policy] = await dataSource.query(
      `INSERT INTO star_policy (province_code, version, name, rubric_version, levels, case_entry_deadline_days, active)
       VALUES ('130000', 1, '河北省星级标准', 'national-2023', '[{"stars":5,"indicatorSet":"ALL","threshold":92,"includeBonus":true}]', 10, true) RETURNING id`,
    );
    await dataSource.query(
      `INSERT INTO rating_round (province_code, name, cut_off, rubric_version, star_policy_id, status, closed_at) VALUES
       ('130000', '旧批次（进行中）', '2023-05-31', 'national-2023', 'national-default', 'OPEN', NULL),
       ('130000', '旧批次（已关闭）', '2023-05-15', 'national-2023', $1, 'CLOSED', '2023-06-30T00:00:00Z')`,
      [policy.id],
    );
    await dataSource.runMigrations({ transaction: 'each' });

    const rows = await dataSource.query(
      `SELECT name, status, level, case_sample_from, case_sample_to, publication_days, star_policy, applications_closed_at, application_deadline, version
       FROM rating_round ORDER BY name`,
    );
    expect(rows).toEqual([
      {
        name: '旧批次（已关闭）',
        status: 'REVIEW',
        level: 'FIVE_STAR',
        case_sample_from: '2023-02-01',
        case_sample_to: '2023-05-15',
        publication_days: 7,
        star_policy: { id: policy.id, name: '河北省星级标准', provinceCode: '130000', rubricVersion: 'national-2023', levels: [{ stars: 5, indicatorSet: 'ALL', threshold: 92, includeBonus: true }], caseEntryDeadlineDays: 10 },
        applications_closed_at: new Date('2023-06-30T00:00:00Z'),
        application_deadline: new Date('2023-06-30T00:00:00Z'),
        version: 1,
      },
      {
        name: '旧批次（进行中）',
        status: 'OPEN',
        level: 'FIVE_STAR',
        case_sample_from: '2023-02-01',
        case_sample_to: '2023-05-31',
        publication_days: 7,
        star_policy: NATIONAL_DEFAULT_POLICY,
        applications_closed_at: null,
        application_deadline: expect.any(Date),
        version: 1,
      },
    ]);
  } finally {
    await dataSource.destroy();
  }
});
