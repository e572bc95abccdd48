// Personal data of people (names, birth months, certificate numbers) on the REST reads: the
// rule GraphQL applies (src/auth/personal-data.ts) holds for every REST read too. A key
// without the right gets the person with those fields left out (absent, not null).
import { PERSONAL_PERSON_FIELDS } from '../../src/personnel/personal-data.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, loadRegionsAndKeys, person, profile, type Keys } from './ingest-support.js';

const S = '130102001';
const P = `/api/v1/stations/${S}/personnel`;

describe('personal data on REST reads', () => {
  let t: TestApp;
  let keys: Keys;
  const people = [person(0), person(1), person(3)]; // person 0 and 3 hold a special equipment certificate

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    await t.http().put(`/api/v1/stations/${S}`).set(bearer(keys.county)).send(profile()).expect(200);
    await t.http().put(P).set(bearer(keys.county)).send({ items: people }).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  test('the personal fields are name, birthMonth, enforcementCertNo and specialEquipmentCert.number', () => {
    expect([...PERSONAL_PERSON_FIELDS].sort()).toEqual(['birthMonth', 'enforcementCertNo', 'name', 'specialEquipmentCert.number']);
  });

  test.each(['province', 'city'] as const)('a %s key reads one person without the personal fields', async (who) => {
    const read = (await t.http().get(`${P}/P0000`).set(bearer(keys[who])).expect(200)).body;
    expect(read).not.toHaveProperty('name');
    expect(read).not.toHaveProperty('birthMonth');
    expect(read).not.toHaveProperty('enforcementCertNo');
    expect(read.specialEquipmentCert).toEqual({ class: 'B', expiresOn: '2027-06-30' });
    // everything else is there, as the county key reads it
    const full = (await t.http().get(`${P}/P0000`).set(bearer(keys.county)).expect(200)).body;
    const { name: _n, birthMonth: _b, enforcementCertNo: _e, specialEquipmentCert: _s, ...rest } = full;
    expect(read).toMatchObject(rest);
  });

  test.each(['province', 'city'] as const)('a %s key reads the roster without the personal fields', async (who) => {
    const list = (await t.http().get(P).set(bearer(keys[who])).expect(200)).body;
    expect(list.items).toHaveLength(3);
    for (const item of list.items) {
      for (const field of ['name', 'birthMonth', 'enforcementCertNo']) expect(item).not.toHaveProperty(field);
      if (item.specialEquipmentCert !== null) expect(item.specialEquipmentCert).not.toHaveProperty('number');
      expect(item.position).toBeDefined();
    }
    expect(JSON.stringify(list)).not.toContain('张伟');
    expect(JSON.stringify(list)).not.toContain('1985-07');
    expect(JSON.stringify(list)).not.toContain('13010220190000');
    expect(JSON.stringify(list)).not.toContain('TSJC-');
  });

  test.each(['county', 'admin'] as const)('a %s key reads everything', async (who) => {
    const read = (await t.http().get(`${P}/P0000`).set(bearer(keys[who])).expect(200)).body;
    expect(read).toMatchObject({
      name: '张伟',
      birthMonth: '1985-07',
      enforcementCertNo: '13010220190000',
      specialEquipmentCert: { number: 'TSJC-冀-2021-0', class: 'B', expiresOn: '2027-06-30' },
    });
    const list = (await t.http().get(P).set(bearer(keys[who])).expect(200)).body;
    expect(list.items.map((p: { name: string }) => p.name)).toEqual(['张伟', '王芳', '刘洋']);
  });

  test('GraphQL answers the same rule: FORBIDDEN on the personal fields for a province key, values for the county key', async () => {
    const query = `{ station(code: "${S}") { people { externalId position name birthMonth enforcementCertNo specialEquipmentCertNo } } }`;
    const province = (await t.graphql(query, undefined, keys.province).expect(200)).body;
    expect(province.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain('FORBIDDEN');
    const county = (await t.graphql(query, undefined, keys.county).expect(200)).body;
    expect(county.errors).toBeUndefined();
    expect(county.data.station.people[0]).toMatchObject({ externalId: 'P0000', name: '张伟', birthMonth: '1985-07', enforcementCertNo: '13010220190000' });
  });
});
