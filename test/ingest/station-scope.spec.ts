// What a key can learn about stations and regions outside its region: nothing. A station
// that exists in another county answers exactly as a station that does not exist (same
// status, same body but for the code and the request id) on every station path; the one
// place it cannot be hidden is creating a code that is taken elsewhere (409). Region lists
// show the key's own region, what lies below it and its own parents.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, OTHER_COUNTY, OTHER_PROVINCE_COUNTY, bearer, complaintCounts, enforcementCase, equipment, loadRegionsAndKeys, person, profile, type Keys } from './ingest-support.js';

const OWN = '130102001';
const ELSEWHERE = '130104001'; // exists, in another county of the same city
const FAR = '140105001'; // exists, in another province
const MISSING = '130104999'; // does not exist

type Method = 'get' | 'put' | 'patch' | 'post' | 'delete';
// (each row has three entries: Jest passes a `done` callback to a test that takes more arguments than its row)
const STATION_PATHS: [Method, string, unknown][] = (
  [
  ['get', ''],
  ['get', '/personnel'],
  ['get', '/personnel/P0000'],
  ['put', '/personnel', { items: [person(0)] }],
  ['patch', '/personnel', { items: [person(0)] }],
  ['delete', '/personnel/P0000'],
  ['get', '/equipment'],
  ['get', '/equipment/E0000'],
  ['patch', '/equipment', { items: [equipment(0)] }],
  ['delete', '/equipment/E0000'],
  ['get', '/cases'],
  ['get', `/cases/${encodeURIComponent('冀长市监处罚〔2025〕1号')}`],
  ['put', '/cases', { items: [enforcementCase(1)] }],
  ['delete', `/cases/${encodeURIComponent('冀长市监处罚〔2025〕1号')}`],
  ['get', '/complaint-stats'],
  ['get', '/complaint-stats/2024'],
  ['put', '/complaint-stats/2024', complaintCounts()],
  ['get', '/certifications'],
  ['get', '/certifications/2025'],
  ['put', '/certifications/2025', { items: { '1': true } }],
  ['get', '/bonus-events'],
  ['post', '/bonus-events', { eventKey: 'K1', category: 'AWARD', level: 'COUNTY', date: '2024-01-01', subject: 'COLLECTIVE' }],
  ['delete', '/bonus-events/K1'],
  ['get', '/veto-events'],
  ['post', '/veto-events', { kind: 'OTHER', date: '2024-01-01' }],
  ['get', '/annual-reviews'],
  ['post', '/annual-reviews', { year: 2024, subject: 'STATION', result: 'EXCELLENT' }],
  ] as [Method, string, unknown?][]
).map(([method, suffix, body]) => [method, suffix, body ?? null]);

/** The answer without what differs per request: the request id and the station code itself. */
function shape(res: { status: number; body: { error?: { requestId?: string } } }, code: string): unknown {
  const { requestId: _id, ...error } = res.body.error ?? {};
  return { status: res.status, body: JSON.parse(JSON.stringify(error).split(code).join('<code>')) };
}

describe('station and region scope', () => {
  let t: TestApp;
  let keys: Keys;

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    await t.http().put(`/api/v1/stations/${OWN}`).set(bearer(keys.county)).send(profile()).expect(200);
    await t.http().put(`/api/v1/stations/${ELSEWHERE}`).set(bearer(keys.otherCounty)).send(profile(OTHER_COUNTY)).expect(200);
    await t.http().put(`/api/v1/stations/${FAR}`).set(bearer(keys.admin)).send(profile(OTHER_PROVINCE_COUNTY)).expect(200);
    for (const code of [ELSEWHERE, FAR]) {
      await t.http().put(`/api/v1/stations/${code}/personnel`).set(bearer(keys.admin)).send({ items: [person(0)] }).expect(200);
      await t.http().put(`/api/v1/stations/${code}/equipment`).set(bearer(keys.admin)).send({ items: [equipment(0)] }).expect(200);
    }
  });

  afterAll(async () => {
    await t.close();
  });

  const call = (method: Method, path: string, key: string, body: unknown = null) => {
    const request = t.http()[method](path).set(bearer(key));
    return body === null ? request : request.send(body as object);
  };

  test.each(STATION_PATHS)('%s /stations/{code}%s: a station in another county answers as a missing one (county key)', async (method, suffix, body) => {
    const elsewhere = await call(method, `/api/v1/stations/${ELSEWHERE}${suffix}`, keys.county, body);
    const missing = await call(method, `/api/v1/stations/${MISSING}${suffix}`, keys.county, body);
    expect(shape(elsewhere, ELSEWHERE)).toEqual(shape(missing, MISSING));
    expect(elsewhere.status).toBe(404);
  });

  test.each(STATION_PATHS)('%s /stations/{code}%s: a station in another province answers as a missing one (city key)', async (method, suffix, body) => {
    const far = await call(method, `/api/v1/stations/${FAR}${suffix}`, keys.city, body);
    const missing = await call(method, `/api/v1/stations/140105999${suffix}`, keys.city, body);
    expect(shape(far, FAR)).toEqual(shape(missing, '140105999'));
    expect(far.status).toBe(404);
  });

  test('bulk rows of a station elsewhere are refused as rows of an unknown station', async () => {
    const elsewhere = await call('post', '/api/v1/bulk/equipment', keys.county, { items: [{ stationCode: OWN, ...equipment(0) }, { stationCode: ELSEWHERE, ...equipment(1) }] });
    const missing = await call('post', '/api/v1/bulk/equipment', keys.county, { items: [{ stationCode: OWN, ...equipment(0) }, { stationCode: MISSING, ...equipment(1) }] });
    expect(shape(elsewhere, ELSEWHERE)).toEqual(shape(missing, MISSING));
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.problems).toEqual([expect.objectContaining({ index: 1, path: 'stationCode' })]);
  });

  test('creating a code that is taken elsewhere cannot be hidden: 409, and nothing changes', async () => {
    const taken = await call('put', `/api/v1/stations/${ELSEWHERE}`, keys.county, profile(COUNTY));
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CONFLICT');
    const [row] = await t.dataSource.query(`SELECT county_code FROM station WHERE code = $1`, [ELSEWHERE]);
    expect(row.county_code).toBe(OTHER_COUNTY);
    // a free code is created
    await call('put', `/api/v1/stations/${MISSING.replace('130104', '130102')}`, keys.county, profile(COUNTY)).expect(200);
  });

  test('an admin key sees every station; a missing one is 404', async () => {
    await call('get', `/api/v1/stations/${FAR}`, keys.admin).expect(200);
    expect((await call('get', `/api/v1/stations/${MISSING}`, keys.admin)).status).toBe(404);
  });

  describe('region lists', () => {
    const codes = async (key: string, parent?: string) => {
      const res = await t.http().get(`/api/v1/reference/regions${parent ? `?parentCode=${parent}` : ''}`).set(bearer(key));
      return res.status === 200 ? res.body.items.map((r: { code: string }) => r.code) : res.status;
    };

    test('a county key walks down its own chain only', async () => {
      expect(await codes(keys.county)).toEqual(['130000']);
      expect(await codes(keys.county, '130000')).toEqual(['130100']);
      expect(await codes(keys.county, '130100')).toEqual([COUNTY]);
      expect(await codes(keys.county, COUNTY)).toEqual([]);
      expect(await codes(keys.county, '140000')).toBe(403);
      expect(await codes(keys.county, OTHER_COUNTY)).toBe(403);
    });

    test('a city key sees its city, what is below it and its province', async () => {
      expect(await codes(keys.city)).toEqual(['130000']);
      expect(await codes(keys.city, '130000')).toEqual(['130100']);
      expect(await codes(keys.city, '130100')).toEqual([COUNTY, OTHER_COUNTY]);
      expect(await codes(keys.city, '130200')).toBe(403);
    });

    test('a province key sees its province; an admin key every province', async () => {
      expect(await codes(keys.province)).toEqual(['130000']);
      expect(await codes(keys.province, '130000')).toEqual(['130100', '130200']);
      expect(await codes(keys.province, '140000')).toBe(403);
      expect(await codes(keys.admin)).toEqual(['130000', '140000']);
      expect(await codes(keys.admin, '140000')).toEqual(['140100']);
    });
  });
});
