// Each resource of the county push interface through HTTP on a real PostgreSQL: create,
// replace, upsert, delete and read back, with truthful summaries.
import { todayIn } from '../../src/domain/dates.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  complaintCounts,
  count,
  enforcementCase,
  equipment,
  loadRegionsAndKeys,
  person,
  profile,
  type Keys,
} from './ingest-support.js';

const summary = (created: number, updated: number, unchanged: number, removed: number) => ({ created, updated, unchanged, removed });

describe('county push interface: resources', () => {
  let t: TestApp;
  let keys: Keys;
  let station = 0;
  /** A new station of the county, created through the interface. */
  const newStation = async (countyCode = COUNTY): Promise<string> => {
    const code = `${countyCode}${String(++station).padStart(3, '0')}`;
    await t.http().put(`/api/v1/stations/${code}`).set(bearer(keys.admin)).send(profile(countyCode)).expect(200);
    return code;
  };

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('station profile', () => {
    test('PUT creates, an identical PUT is unchanged, a change updates; GET reads it back with counts', async () => {
      const path = '/api/v1/stations/130102900';
      expect((await t.http().put(path).set(bearer(keys.county)).send(profile()).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().put(path).set(bearer(keys.county)).send(profile()).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      const changed = profile(COUNTY, { approvedHeadcount: 14, duties: ['PRICE', 'FOOD'], premises: { rooms: ['TOILET', 'OFFICE'] } });
      expect((await t.http().put(path).set(bearer(keys.county)).send(changed).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      const read = await t.http().get(path).set(bearer(keys.county)).expect(200);
      expect(read.body).toMatchObject({
        code: '130102900',
        name: '长安区建北市场监督管理所',
        countyCode: COUNTY,
        cityCode: '130100',
        provinceCode: '130000',
        approvedHeadcount: 14,
        duties: ['FOOD', 'PRICE'],
        premises: { independent: false, rooms: ['OFFICE', 'TOILET'], internet: false, privateNetwork: false },
        counts: { personnel: 0, equipment: 0, cases: 0, complaintPeriods: 0, certifications: 0, bonusEvents: 0, vetoEvents: { active: 0, lifted: 0 }, annualReviews: 0 },
      });
      expect(Date.parse(read.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(read.body.createdAt));
    });

    test('a province key moves a station between its counties; a county key cannot take it back (the code is taken elsewhere: 409)', async () => {
      const code = await newStation();
      await t.http().put(`/api/v1/stations/${code}`).set(bearer(keys.province)).send(profile(OTHER_COUNTY)).expect(200);
      const [row] = await t.dataSource.query(`SELECT county_code, city_code, province_code FROM station WHERE code = $1`, [code]);
      expect(row).toEqual({ county_code: OTHER_COUNTY, city_code: '130100', province_code: '130000' });
      const refused = await t.http().put(`/api/v1/stations/${code}`).set(bearer(keys.county)).send(profile(COUNTY)).expect(409);
      expect(refused.body.error.code).toBe('CONFLICT');
    });

    test('GET /stations lists the stations of the key\'s region, a page at a time', async () => {
      await newStation(OTHER_COUNTY);
      const all = await t.http().get('/api/v1/stations').set(bearer(keys.county)).expect(200);
      expect(all.body.items.length).toBeGreaterThan(0);
      expect(all.body.items.every((s: { countyCode: string }) => s.countyCode === COUNTY)).toBe(true);
      const first = await t.http().get('/api/v1/stations?limit=1').set(bearer(keys.city)).expect(200);
      expect(first.body.items).toHaveLength(1);
      const second = await t.http().get(`/api/v1/stations?limit=1&after=${first.body.nextAfter}`).set(bearer(keys.city)).expect(200);
      expect(second.body.items[0].code > first.body.items[0].code).toBe(true);
      await t.http().get(`/api/v1/stations?regionCode=${OTHER_COUNTY}`).set(bearer(keys.county)).expect(403);
    });
  });

  describe('personnel', () => {
    test('a PUT keeps the people it no longer lists as departed today; they come back when listed again; DELETE erases', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/personnel`;
      const today = todayIn('Asia/Shanghai');
      await t.http().put(path).set(bearer(keys.county)).send({ items: [person(0), person(1), person(2)] }).expect(200);
      // P0002 leaves: counted as removed, kept with leftOn
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: [person(0), person(1)] }).expect(200)).body).toEqual(summary(0, 0, 2, 1));
      expect((await t.http().get(path).set(bearer(keys.county)).expect(200)).body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['P0000', 'P0001']);
      const all = (await t.http().get(`${path}?includeDeparted=true`).set(bearer(keys.county)).expect(200)).body.items;
      expect(all.map((p: { externalId: string; leftOn: string | null }) => [p.externalId, p.leftOn])).toEqual([
        ['P0000', null],
        ['P0001', null],
        ['P0002', today],
      ]);
      expect((await t.http().get(`${path}/P0002`).set(bearer(keys.county)).expect(200)).body).toMatchObject({ externalId: 'P0002', leftOn: today, trainings: [{ year: 2023, offlineDays: 10.5 }, { year: 2024, offlineDays: 12, onlineHours: 36.5 }] });
      // the same PUT again changes nothing, and does not count P0002 again
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: [person(0), person(1)] }).expect(200)).body).toEqual(summary(0, 0, 2, 0));
      // a departure is audited as an update of the person
      const audit = await t.dataSource.query(`SELECT action, entity_key, before_digest IS NOT NULL AS had FROM audit_log WHERE station_code = $1 AND entity_key = 'P0002' ORDER BY id`, [code]);
      expect(audit.map((a: { action: string; had: boolean }) => [a.action, a.had])).toEqual([
        ['personnel.replace', false],
        ['personnel.replace', true],
      ]);
      // listed again: back on the roster
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: [person(0), person(1), person(2)] }).expect(200)).body).toEqual(summary(0, 1, 2, 0));
      expect((await t.http().get(`${path}/P0002`).set(bearer(keys.county)).expect(200)).body.leftOn).toBeNull();
      // PATCH with a leaving date; DELETE erases
      expect((await t.http().patch(path).set(bearer(keys.county)).send({ items: [person(1, { leftOn: '2024-12-31' })] }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      expect((await t.http().get(path).set(bearer(keys.county)).expect(200)).body.items).toHaveLength(2);
      expect((await t.http().delete(`${path}/P0001`).set(bearer(keys.county)).expect(200)).body).toEqual(summary(0, 0, 0, 1));
      await t.http().get(`${path}/P0001`).set(bearer(keys.county)).expect(404);
      await t.http().get(`${path}?includeDeparted=yes`).set(bearer(keys.county)).expect(400);
    });


    test('PUT replaces the roster, PATCH upserts, DELETE removes one; GET reads everything back', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/personnel`;
      const people = [0, 1, 2, 3].map((i) => person(i));
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: people }).expect(200)).body).toEqual(summary(4, 0, 0, 0));
      // identical re-push: nothing written
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: people }).expect(200)).body).toEqual(summary(0, 0, 4, 0));
      // replace: P0003 leaves, P0001 changes, P0004 arrives
      const replaced = [person(0), person(1, { education: 'MASTER', trainings: [{ year: 2024, onlineHours: 90 }] }), person(2), person(4)];
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: replaced }).expect(200)).body).toEqual(summary(1, 1, 2, 1));
      // upsert: P0000 changes, P0005 arrives; the others stay
      const patch = [person(0, { name: '张伟伟' }), person(5)];
      expect((await t.http().patch(path).set(bearer(keys.county)).send({ items: patch }).expect(200)).body).toEqual(summary(1, 1, 0, 0));
      expect((await t.http().delete(`${path}/P0002`).set(bearer(keys.county)).expect(200)).body).toEqual(summary(0, 0, 0, 1));

      const read = await t.http().get(path).set(bearer(keys.county)).expect(200);
      expect(read.body.stationCode).toBe(code);
      expect(read.body.items.map((p: { externalId: string }) => p.externalId)).toEqual(['P0000', 'P0001', 'P0004', 'P0005']);
      const p1 = read.body.items[1];
      expect(p1).toEqual({
        externalId: 'P0001',
        name: '王芳',
        position: 'STAFF',
        birthMonth: '1985-07',
        education: 'MASTER',
        major: '法学',
        majorCategory: 'LAW',
        staffingType: 'ADMINISTRATIVE',
        enforcementCertNo: '13010220190001',
        specialEquipmentCert: null,
        hiredOn: '2012-08-01',
        secondedMonths: 0,
        trainings: [{ year: 2024, offlineDays: 0, offlineHours: 0, onlineHours: 90, provincialTrainings: 0 }],
        lastHealthCheckOn: '2024-11-15',
        informationAdministrator: true,
        disciplinaryRecords: [],
        leftOn: null,
      });
      const p0 = (await t.http().get(`${path}/P0000`).set(bearer(keys.county)).expect(200)).body;
      expect(p0).toMatchObject({
        name: '张伟伟',
        position: 'DIRECTOR',
        specialEquipmentCert: { number: 'TSJC-冀-2021-0', class: 'B', expiresOn: '2027-06-30' },
        trainings: [
          { year: 2023, offlineDays: 10.5, offlineHours: 0, onlineHours: 0, provincialTrainings: 0 },
          { year: 2024, offlineDays: 12, offlineHours: 0, onlineHours: 36.5, provincialTrainings: 1 },
        ],
      });
      // children are rewritten only for changed people and never duplicated (P0003, who left, keeps theirs)
      expect(await count(t.dataSource, `SELECT 1 FROM person_training pt JOIN person p ON p.id = pt.person_id WHERE p.station_code = $1`, [code])).toBe(2 + 1 + 2 + 2 + 2);
      await t.http().get(`${path}/P0002`).set(bearer(keys.county)).expect(404);
      await t.http().delete(`${path}/P0002`).set(bearer(keys.county)).expect(404);
    });

    test('disciplinary records are replaced with their person and read back sorted', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/personnel`;
      const records = [
        { date: '2024-06-01', kind: '记过' },
        { date: '2023-01-05', kind: '警告', description: '迟到' },
      ];
      await t.http().put(path).set(bearer(keys.county)).send({ items: [person(7, { disciplinaryRecords: records })] }).expect(200);
      // the same records in another order are the same person: unchanged
      const reordered = { items: [person(7, { disciplinaryRecords: [...records].reverse() })] };
      expect((await t.http().put(path).set(bearer(keys.county)).send(reordered).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      const read = (await t.http().get(`${path}/P0007`).set(bearer(keys.county)).expect(200)).body;
      expect(read.disciplinaryRecords).toEqual([
        { date: '2023-01-05', kind: '警告', description: '迟到' },
        { date: '2024-06-01', kind: '记过', description: '' },
      ]);
      await t.http().patch(path).set(bearer(keys.county)).send({ items: [person(7)] }).expect(200);
      expect(await count(t.dataSource, `SELECT 1 FROM person_disciplinary_record d JOIN person p ON p.id = d.person_id WHERE p.station_code = $1`, [code])).toBe(0);
    });
  });

  describe('equipment', () => {
    test('PUT, PATCH, DELETE and GET', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/equipment`;
      const items = [0, 1, 2].map((i) => equipment(i));
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items }).expect(200)).body).toEqual(summary(3, 0, 0, 0));
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: [equipment(0), equipment(1, { status: 'RETIRED' })] }).expect(200)).body).toEqual(summary(0, 1, 1, 1));
      expect((await t.http().patch(path).set(bearer(keys.county)).send({ items: [equipment(1, { status: 'RETIRED' }), equipment(9, { acquiredOn: null })] }).expect(200)).body).toEqual(summary(1, 0, 1, 0));
      expect((await t.http().delete(`${path}/E0000`).set(bearer(keys.county)).expect(200)).body).toEqual(summary(0, 0, 0, 1));
      const read = await t.http().get(path).set(bearer(keys.county)).expect(200);
      expect(read.body.items).toEqual([
        { externalId: 'E0001', type: 'LAPTOP', quantity: 2, status: 'RETIRED', acquiredOn: '2023-04-18' },
        { externalId: 'E0009', type: 'CAR', quantity: 2, status: 'IN_SERVICE', acquiredOn: null },
      ]);
      expect((await t.http().get(`${path}/E0009`).set(bearer(keys.county)).expect(200)).body.type).toBe('CAR');
    });
  });

  describe('cases', () => {
    test('PUT, PATCH, DELETE by a percent-encoded Chinese case number, paged GET', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/cases`;
      const items = [1, 2, 3, 4, 5].map((i) => enforcementCase(i));
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items }).expect(200)).body).toEqual(summary(5, 0, 0, 0));
      // money written differently but equal is unchanged
      const same = items.map((c) => ({ ...c, fineAmount: '5000.00', confiscationAmount: '1200.50' }));
      expect((await t.http().patch(path).set(bearer(keys.county)).send({ items: same }).expect(200)).body).toEqual(summary(0, 0, 5, 0));
      expect((await t.http().patch(path).set(bearer(keys.county)).send({ items: [enforcementCase(2, { overturned: true }), enforcementCase(6)] }).expect(200)).body).toEqual(summary(1, 1, 0, 0));
      const number = '冀长市监处罚〔2025〕3号';
      expect((await t.http().delete(`${path}/${encodeURIComponent(number)}`).set(bearer(keys.county)).expect(200)).body).toEqual(summary(0, 0, 0, 1));

      const one = await t.http().get(`${path}/${encodeURIComponent('冀长市监处罚〔2025〕2号')}`).set(bearer(keys.county)).expect(200);
      expect(one.body).toEqual({ ...enforcementCase(2, { overturned: true }), fineAmount: '5000.00', confiscationAmount: '1200.50', fileReviewedOn: null, overturnedOn: null });
      const page1 = await t.http().get(`${path}?limit=2`).set(bearer(keys.county)).expect(200);
      expect(page1.body.items).toHaveLength(2);
      const page2 = await t.http().get(`${path}?limit=2&after=${encodeURIComponent(page1.body.nextAfter)}`).set(bearer(keys.county)).expect(200);
      const page3 = await t.http().get(`${path}?limit=2&after=${encodeURIComponent(page2.body.nextAfter)}`).set(bearer(keys.county)).expect(200);
      expect(page3.body.nextAfter).toBeNull();
      const numbers = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((c: { caseNumber: string }) => c.caseNumber);
      expect(numbers).toHaveLength(5);
      expect(new Set(numbers).size).toBe(5);
      expect(numbers).not.toContain(number);
      // PUT replaces the ledger
      expect((await t.http().put(path).set(bearer(keys.county)).send({ items: [enforcementCase(1)] }).expect(200)).body).toEqual(summary(0, 0, 1, 4));
    });
  });

  describe('complaint figures', () => {
    test('PUT per year or month, GET the list and one period', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/complaint-stats`;
      expect((await t.http().put(`${path}/2024`).set(bearer(keys.county)).send(complaintCounts()).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().put(`${path}/2024`).set(bearer(keys.county)).send(complaintCounts()).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      expect((await t.http().put(`${path}/2024`).set(bearer(keys.county)).send(complaintCounts({ mediationsSucceeded: 70 })).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      await t.http().put(`${path}/2025-03`).set(bearer(keys.county)).send(complaintCounts({ complaintsReceived: 130 })).expect(200);
      const list = await t.http().get(path).set(bearer(keys.county)).expect(200);
      expect(list.body.items.map((f: { period: string }) => f.period)).toEqual(['2024', '2025-03']);
      expect((await t.http().get(`${path}/2024`).set(bearer(keys.county)).expect(200)).body).toEqual({ period: '2024', ...complaintCounts({ mediationsSucceeded: 70 }) });
      await t.http().get(`${path}/2023`).set(bearer(keys.county)).expect(404);
      const [row] = await t.dataSource.query(`SELECT year, month FROM complaint_figures WHERE station_code = $1 AND period = '2025-03'`, [code]);
      expect(row).toEqual({ year: 2025, month: 3 });
    });
  });

  describe('certifications', () => {
    test('PUT per year stores 12 booleans (absent = false); GET list and one year', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/certifications`;
      const body = { items: { '1': true, '2': true, '10': true, '12': false }, certifiedBy: '长安区市场监督管理局', certifiedOn: '2025-01-15' };
      expect((await t.http().put(`${path}/2025`).set(bearer(keys.county)).send(body).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      // the same certification with the false item left out is unchanged
      const { '12': _twelve, ...withoutTwelve } = body.items;
      expect((await t.http().put(`${path}/2025`).set(bearer(keys.county)).send({ ...body, items: withoutTwelve }).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      expect((await t.http().put(`${path}/2025`).set(bearer(keys.county)).send({ items: { '4': true } }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      await t.http().put(`${path}/2024`).set(bearer(keys.county)).send(body).expect(200);
      const [row] = await t.dataSource.query(`SELECT items FROM certification WHERE station_code = $1 AND year = 2025`, [code]);
      expect(row.items).toEqual([false, false, false, true, false, false, false, false, false, false, false, false]);
      const one = (await t.http().get(`${path}/2024`).set(bearer(keys.county)).expect(200)).body;
      expect(one).toEqual({
        year: 2024,
        items: { '1': true, '2': true, '3': false, '4': false, '5': false, '6': false, '7': false, '8': false, '9': false, '10': true, '11': false, '12': false },
        certifiedBy: '长安区市场监督管理局',
        certifiedOn: '2025-01-15',
      });
      const list = (await t.http().get(path).set(bearer(keys.county)).expect(200)).body;
      expect(list.items.map((c: { year: number }) => c.year)).toEqual([2024, 2025]);
      expect(list.items[1]).toMatchObject({ certifiedBy: null, certifiedOn: null });
    });
  });

  describe('bonus events', () => {
    test('POST upserts by eventKey, DELETE corrects, GET lists', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/bonus-events`;
      const award = { eventKey: '2024-省级-青年文明号', category: 'AWARD', level: 'PROVINCIAL', date: '2024-05-04', subject: 'COLLECTIVE', description: '荣获省级青年文明号' };
      expect((await t.http().post(path).set(bearer(keys.county)).send(award).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().post(path).set(bearer(keys.county)).send(award).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      expect((await t.http().post(path).set(bearer(keys.county)).send({ ...award, level: 'NATIONAL' }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      const other = { eventKey: 'X-1', category: 'OTHER', level: 'COUNTY', date: '2024-07-01', subject: 'P0001', points: 1.5 };
      await t.http().post(path).set(bearer(keys.county)).send(other).expect(200);
      const list = (await t.http().get(path).set(bearer(keys.county)).expect(200)).body;
      expect(list.items).toEqual([
        { ...award, level: 'NATIONAL', points: null },
        { ...other, description: '' },
      ]);
      expect((await t.http().delete(`${path}/${encodeURIComponent(award.eventKey)}`).set(bearer(keys.county)).expect(200)).body).toEqual(summary(0, 0, 0, 1));
      expect((await t.http().get(path).set(bearer(keys.county)).expect(200)).body.items).toHaveLength(1);
    });
  });

  describe('veto events', () => {
    test('POST creates and answers the id; the same event again is unchanged with the same id; GET shows the lifted status', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/veto-events`;
      const veto = { kind: 'STAFF_DISCIPLINED', date: '2024-09-12', description: '工作人员受到警告处分', personExternalId: 'P0007' };
      const first = (await t.http().post(path).set(bearer(keys.county)).send(veto).expect(200)).body;
      expect(first).toEqual({ ...summary(1, 0, 0, 0), id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      const again = (await t.http().post(path).set(bearer(keys.county)).send(veto).expect(200)).body;
      expect(again).toEqual({ ...summary(0, 0, 1, 0), id: first.id });
      const second = (await t.http().post(path).set(bearer(keys.county)).send({ ...veto, personExternalId: null, description: '' }).expect(200)).body;
      expect(second.id).not.toBe(first.id);
      // a reviewer lifts one (GraphQL, elsewhere); the list shows it
      await t.dataSource.query(`UPDATE veto_event SET lifted_at = now(), lift_reason = '复核撤销' WHERE id = $1`, [first.id]);
      const list = (await t.http().get(path).set(bearer(keys.county)).expect(200)).body.items;
      expect(list).toHaveLength(2);
      expect(list.find((v: { id: string }) => v.id === first.id)).toMatchObject({ ...veto, origin: 'PUSHED', lifted: true, liftReason: '复核撤销' });
      expect(list.find((v: { id: string }) => v.id === second.id)).toMatchObject({ lifted: false, liftedAt: null, personExternalId: null });
      const counts = (await t.http().get(`/api/v1/stations/${code}`).set(bearer(keys.county)).expect(200)).body.counts;
      expect(counts.vetoEvents).toEqual({ active: 1, lifted: 1 });
    });
  });

  describe('annual reviews', () => {
    test('upsert by (year, subject); INCOMPETENT raises a veto by itself, a later change removes it', async () => {
      const code = await newStation();
      const path = `/api/v1/stations/${code}/annual-reviews`;
      expect((await t.http().post(path).set(bearer(keys.county)).send({ year: 2024, subject: 'STATION', result: 'EXCELLENT' }).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().post(path).set(bearer(keys.county)).send({ year: 2024, subject: 'P0003', result: 'INCOMPETENT' }).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().post(path).set(bearer(keys.county)).send({ year: 2024, subject: 'P0003', result: 'INCOMPETENT' }).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      let vetoes = (await t.http().get(`/api/v1/stations/${code}/veto-events`).set(bearer(keys.county)).expect(200)).body.items;
      expect(vetoes).toEqual([
        expect.objectContaining({ kind: 'ANNUAL_REVIEW_FAILED', date: '2024-12-31', personExternalId: 'P0003', origin: 'ANNUAL_REVIEW', lifted: false }),
      ]);
      const reviews = (await t.http().get(path).set(bearer(keys.county)).expect(200)).body.items;
      expect(reviews).toEqual([
        { year: 2024, subject: 'P0003', result: 'INCOMPETENT', vetoId: vetoes[0].id },
        { year: 2024, subject: 'STATION', result: 'EXCELLENT', vetoId: null },
      ]);
      // the county corrects the result: the veto it raised goes
      expect((await t.http().post(path).set(bearer(keys.county)).send({ year: 2024, subject: 'P0003', result: 'BASICALLY_COMPETENT' }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      vetoes = (await t.http().get(`/api/v1/stations/${code}/veto-events`).set(bearer(keys.county)).expect(200)).body.items;
      expect(vetoes).toEqual([]);
      // the station itself rated 不合格
      await t.http().post(path).set(bearer(keys.county)).send({ year: 2023, subject: 'STATION', result: 'INCOMPETENT' }).expect(200);
      vetoes = (await t.http().get(`/api/v1/stations/${code}/veto-events`).set(bearer(keys.county)).expect(200)).body.items;
      expect(vetoes).toEqual([expect.objectContaining({ kind: 'ANNUAL_REVIEW_FAILED', date: '2023-12-31', personExternalId: null })]);
      const audit = await t.dataSource.query(`SELECT entity, detail->>'change' AS change FROM audit_log WHERE station_code = $1 AND entity = 'veto_event' ORDER BY id`, [code]);
      expect(audit).toEqual([
        { entity: 'veto_event', change: 'created' },
        { entity: 'veto_event', change: 'removed' },
        { entity: 'veto_event', change: 'created' },
      ]);
    });
  });

  describe('reference data', () => {
    test('mediation averages: PUT by an admin key only (national data), an unchanged PUT writes nothing, a change marks every station', async () => {
      const path = '/api/v1/reference/mediation-averages/2024';
      const before = await count(t.dataSource, `SELECT 1 FROM outbox_event WHERE reason = 'mediation_average'`);
      const refused = await t.http().put(path).set(bearer(keys.province)).send({ rate: 0.72 }).expect(403);
      expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('ADMIN') });
      expect((await t.http().put(path).set(bearer(keys.admin)).send({ rate: 0.72 }).expect(200)).body).toEqual(summary(1, 0, 0, 0));
      expect((await t.http().put(path).set(bearer(keys.admin)).send({ rate: 0.72 }).expect(200)).body).toEqual(summary(0, 0, 1, 0));
      expect((await t.http().put(path).set(bearer(keys.admin)).send({ rate: 0.7351 }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      const outbox = await t.dataSource.query(`SELECT station_code, region_code FROM outbox_event WHERE reason = 'mediation_average' ORDER BY id`);
      expect(outbox.length - before).toBe(2);
      expect(outbox.at(-1)).toEqual({ station_code: null, region_code: null });
      expect((await t.http().get(path).set(bearer(keys.county)).expect(200)).body).toMatchObject({ year: 2024, rate: 0.7351 });
      expect((await t.http().get('/api/v1/reference/mediation-averages').set(bearer(keys.county)).expect(200)).body.items).toHaveLength(1);
      await t.http().get('/api/v1/reference/mediation-averages/2019').set(bearer(keys.county)).expect(404);
    });

    test('regions: a province key loads divisions of its province; GET lists by parent', async () => {
      const res = await t
        .http()
        .put('/api/v1/reference/regions')
        .set(bearer(keys.province))
        .send({ items: [{ code: '130105', name: '新华区' }, { code: '130104', name: '桥西区' }, { code: '130300', name: '秦皇岛市' }, { code: '130302', name: '海港区' }] })
        .expect(200);
      expect(res.body).toEqual(summary(3, 0, 1, 0));
      expect((await t.http().put('/api/v1/reference/regions').set(bearer(keys.province)).send({ items: [{ code: '130105', name: '新华区（更名）' }] }).expect(200)).body).toEqual(summary(0, 1, 0, 0));
      const counties = (await t.http().get('/api/v1/reference/regions?parentCode=130100').set(bearer(keys.province)).expect(200)).body.items;
      expect(counties.map((r: { code: string }) => r.code)).toEqual(['130102', '130104', '130105']);
      expect(counties[2]).toEqual({ code: '130105', name: '新华区（更名）', level: 'COUNTY', parentCode: '130100' });
      const provinces = (await t.http().get('/api/v1/reference/regions').set(bearer(keys.admin)).expect(200)).body.items;
      expect(provinces.map((r: { code: string }) => r.code)).toEqual(['130000', '140000']);
    });
  });

  describe('scope', () => {
    test('city and province keys write stations of their region; reads follow the same scope', async () => {
      const code = await newStation(OTHER_COUNTY);
      await t.http().put(`/api/v1/stations/${code}/equipment`).set(bearer(keys.city)).send({ items: [equipment(1)] }).expect(200);
      await t.http().patch(`/api/v1/stations/${code}/equipment`).set(bearer(keys.province)).send({ items: [equipment(2)] }).expect(200);
      await t.http().get(`/api/v1/stations/${code}/equipment`).set(bearer(keys.otherCounty)).expect(200);
      // outside the county key's region: as if the station did not exist (station-scope.spec.ts)
      await t.http().get(`/api/v1/stations/${code}/equipment`).set(bearer(keys.county)).expect(404);
      await t.http().get(`/api/v1/stations/${code}`).set(bearer(keys.county)).expect(404);
    });
  });

  describe('bulk', () => {
    test('POST /bulk/{personnel,equipment,cases} upserts rows of many stations in one transaction', async () => {
      const a = await newStation();
      const b = await newStation();
      const people = [
        { stationCode: a, ...person(0) },
        { stationCode: a, ...person(1) },
        { stationCode: b, ...person(0) },
      ];
      expect((await t.http().post('/api/v1/bulk/personnel').set(bearer(keys.county)).send({ items: people }).expect(200)).body).toEqual(summary(3, 0, 0, 0));
      const changed = [people[0], { ...people[1], name: '王芳芳' }, { stationCode: b, ...person(2) }];
      expect((await t.http().post('/api/v1/bulk/personnel').set(bearer(keys.county)).send({ items: changed }).expect(200)).body).toEqual(summary(1, 1, 1, 0));
      const items = [a, b].flatMap((stationCode) => [0, 1].map((i) => ({ stationCode, ...equipment(i) })));
      expect((await t.http().post('/api/v1/bulk/equipment').set(bearer(keys.city)).send({ items }).expect(200)).body).toEqual(summary(4, 0, 0, 0));
      const cases = [{ stationCode: a, ...enforcementCase(1) }, { stationCode: b, ...enforcementCase(1) }];
      expect((await t.http().post('/api/v1/bulk/cases').set(bearer(keys.province)).send({ items: cases }).expect(200)).body).toEqual(summary(2, 0, 0, 0));
      const roster = (await t.http().get(`/api/v1/stations/${b}/personnel`).set(bearer(keys.county)).expect(200)).body.items;
      expect(roster.map((p: { externalId: string }) => p.externalId)).toEqual(['P0000', 'P0002']);
      const outbox = await t.dataSource.query(`SELECT station_code, reason FROM outbox_event WHERE station_code = ANY($1) AND reason = 'cases'`, [[a, b]]);
      expect(outbox).toHaveLength(2);
      const audit = await t.dataSource.query(`SELECT DISTINCT action FROM audit_log WHERE station_code = ANY($1) AND action LIKE '%bulk%' ORDER BY action`, [[a, b]]);
      expect(audit.map((r: { action: string }) => r.action)).toEqual(['cases.bulk_upsert', 'equipment.bulk_upsert', 'personnel.bulk_upsert']);
    });
  });

  test('concurrent pushes for one station are serialised: every summary is truthful', async () => {
    const code = await newStation();
    const path = `/api/v1/stations/${code}/personnel`;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.http().patch(path).set(bearer(keys.county)).send({ items: [person(0, { name: `名${i}` }), person(i + 1)] })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const created = results.reduce((n, r) => n + r.body.created, 0);
    const updated = results.reduce((n, r) => n + r.body.updated, 0);
    expect(created).toBe(7); // P0000 once, P0001..P0006 once each
    expect(updated).toBe(5); // P0000 renamed by every later request
    expect(await count(t.dataSource, `SELECT 1 FROM person WHERE station_code = $1`, [code])).toBe(7);
  });
});
