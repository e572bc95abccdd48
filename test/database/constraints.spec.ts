// The schema itself refuses impossible data, whatever code writes it.
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(`INSERT INTO region (code, name, level, parent_code) VALUES
    ('130000', '河北省', 'PROVINCE', NULL), ('130100', '石家庄市', 'CITY', '130000'), ('130102', '长安区', 'COUNTY', '130100')`);
  await client.query(`INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest)
    VALUES ('130102001', '长安所', '130102', '130100', '130000', 10, true, true, true, 'x')`);
});

afterAll(async () => {
  await client.end();
  await database.drop();
});

// CHECK names end with a hash of their expression (NamedCheck); foreign keys keep theirs.
async function rejects(sql: string, constraint: string): Promise<void> {
  const name = constraint.startsWith('ck_') ? expect.stringMatching(new RegExp(`^${constraint}_[0-9a-f]{8}$`)) : constraint;
  await expect(client.query(sql)).rejects.toMatchObject({ constraint: name });
}

test.each([
  ['a county whose parent is not its city', `INSERT INTO region VALUES ('130203', 'x', 'COUNTY', '130100')`, 'ck_region_shape'],
  ['a region code that is not 6 digits', `INSERT INTO region VALUES ('13010', 'x', 'PROVINCE', NULL)`, 'ck_region_code'],
  [
    'a station whose province code does not match its county',
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest) VALUES ('s2', 'x', '130102', '130100', '140000', 1, true, true, true, 'x')`,
    'ck_station_region_codes',
  ],
  [
    'a negative headcount',
    `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, premises_independent, internet, private_network, row_digest) VALUES ('s3', 'x', '130102', '130100', '130000', -1, true, true, true, 'x')`,
    'ck_station_headcount',
  ],
  [
    'complaints closed on time above complaints closed',
    `INSERT INTO complaint_figures (station_code, period, year, month, complaints_received, complaints_closed, complaints_closed_on_time, row_digest) VALUES ('130102001', '2025', 2025, NULL, 10, 5, 6, 'x')`,
    'ck_complaint_figures_parts',
  ],
  [
    'a negative count',
    `INSERT INTO complaint_figures (station_code, period, year, month, reports_received, row_digest) VALUES ('130102001', '2025-01', 2025, 1, -1, 'x')`,
    'ck_complaint_figures_non_negative',
  ],
  [
    'a month period whose month column disagrees',
    `INSERT INTO complaint_figures (station_code, period, year, month, row_digest) VALUES ('130102001', '2025-02', 2025, 3, 'x')`,
    'ck_complaint_figures_period',
  ],
  [
    'a case closed before its decision',
    `INSERT INTO enforcement_case (station_code, case_number, procedure, target, decided_on, closed_on, file_review, row_digest) VALUES ('130102001', 'C1', 'GENERAL', 't', '2025-03-02', '2025-03-01', 'PASSED', 'x')`,
    'ck_case_closed_after_decided',
  ],
  [
    'an unknown equipment type',
    `INSERT INTO equipment (station_code, external_id, type, quantity, status, row_digest) VALUES ('130102001', 'E1', 'TANK', 1, 'IN_SERVICE', 'x')`,
    'ck_equipment_type',
  ],
  [
    'a zero equipment quantity',
    `INSERT INTO equipment (station_code, external_id, type, quantity, status, row_digest) VALUES ('130102001', 'E1', 'CAR', 0, 'IN_SERVICE', 'x')`,
    'ck_equipment_quantity',
  ],
  [
    'a certification without 12 items',
    `INSERT INTO certification (station_code, year, items, row_digest) VALUES ('130102001', 2025, '{true,false}', 'x')`,
    'ck_certification_items',
  ],
  [
    'bonus points on a category with fixed points',
    `INSERT INTO bonus_event (station_code, event_key, category, level, date, subject, points, row_digest) VALUES ('130102001', 'k', 'AWARD', 'NATIONAL', '2025-01-01', 'COLLECTIVE', 3, 'x')`,
    'ck_bonus_event_points',
  ],
  [
    'an assessment not in half points',
    `INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note) VALUES ('130102001', 'national-2023', '1.1.1.1', 0.3, 'n')`,
    'ck_reviewer_assessment_points',
  ],
  [
    'a lifted veto without a reason',
    `INSERT INTO veto_event (station_code, kind, date, origin, content_digest, lifted_at) VALUES ('130102001', 'OTHER', '2025-01-01', 'PUSHED', 'd', now())`,
    'ck_veto_event_lift',
  ],
  [
    'a person on an unknown station',
    `INSERT INTO person (station_code, external_id, name, position, education, major_category, staffing_type, row_digest) VALUES ('nope', 'P1', 'x', 'STAFF', 'BACHELOR', 'LAW', 'ADMINISTRATIVE', 'x')`,
    'fk_person_station',
  ],
])('refuses %s', async (_label, sql, constraint) => {
  await rejects(sql, constraint);
});

test('accepts a complete, consistent row', async () => {
  await client.query(`INSERT INTO complaint_figures (station_code, period, year, month, complaints_received, complaints_checked_on_time, complaints_closed, complaints_closed_on_time, mediations_attempted, mediations_succeeded, row_digest)
    VALUES ('130102001', '2025-04', 2025, 4, 10, 10, 9, 9, 6, 4, 'x')`);
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM complaint_figures WHERE station_code = '130102001'`);
  expect(rows[0].n).toBe(1);
});
