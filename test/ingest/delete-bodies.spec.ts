// DELETE and bodies: many HTTP clients send `Content-Type: application/json` on every request,
// with no body (or `{}`, or `null`); that is a DELETE without a body. A DELETE that does carry
// something is refused, rather than silently ignored, and removes nothing.
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, count, loadRegionsAndKeys, person, profile, sendRaw, type Keys } from './ingest-support.js';

const S = '130102001';
const P = `/api/v1/stations/${S}/personnel`;

describe('DELETE with a JSON content type', () => {
  let t: TestApp;
  let keys: Keys;
  const people = () => count(t.dataSource, `SELECT 1 FROM person WHERE station_code = $1`, [S]);

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    await t.http().put(`/api/v1/stations/${S}`).set(bearer(keys.county)).send(profile()).expect(200);
    await t.http().put(P).set(bearer(keys.county)).send({ items: [0, 1, 2, 3, 4].map((i) => person(i)) }).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  const json = { 'content-type': 'application/json' };

  test('no body at all (Content-Length: 0) removes the person', async () => {
    const res = await sendRaw(t, 'delete', `${P}/P0000`, { ...bearer(keys.county), ...json, 'content-length': '0' }, null);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 0, removed: 1 } });
  });

  test('an empty body sent by supertest with the JSON content type removes the person', async () => {
    const res = await t.http().delete(`${P}/P0001`).set(bearer(keys.county)).set(json);
    expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { created: 0, updated: 0, unchanged: 0, removed: 1 } });
  });

  test.each([
    ['{}', 'P0002'],
    ['null', 'P0003'],
    ['  \n', 'P0004'],
  ])('the body %j is no body either', async (text, externalId) => {
    const before = await people();
    const res = await sendRaw(t, 'delete', `${P}/${externalId}`, { ...bearer(keys.county), ...json }, Buffer.from(text));
    expect(res.status).toBe(200);
    expect(await people()).toBe(before - 1);
  });

  test('a DELETE with a real body is a 400 and removes nothing', async () => {
    await t.http().put(P).set(bearer(keys.county)).send({ items: [person(7)] }).expect(200);
    const res = await sendRaw(t, 'delete', `${P}/P0007`, { ...bearer(keys.county), ...json }, Buffer.from('{"externalId":"P0007"}'));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: '', reason: expect.stringMatching(/a DELETE takes no body/) }] });
    expect(await people()).toBe(1);
  });

  test('a DELETE with malformed JSON is a 400; with a non-JSON body a 415', async () => {
    expect((await sendRaw(t, 'delete', `${P}/P0007`, { ...bearer(keys.county), ...json }, Buffer.from('{"x":'))).status).toBe(400);
    expect((await sendRaw(t, 'delete', `${P}/P0007`, { ...bearer(keys.county), 'content-type': 'text/plain' }, Buffer.from('P0007'))).status).toBe(415);
    expect(await people()).toBe(1);
  });
});
