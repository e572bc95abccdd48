// Idempotency-Key: a retried request returns the first answer and changes nothing; the key
// is scoped per API key, refuses a different request, survives races, expires after 24 h.
import { IdempotencyService } from '../../src/ingestion/idempotency/idempotency.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, count, equipment, fingerprint, loadRegionsAndKeys, person, profile, type Keys } from './ingest-support.js';

const S = '130102001';
const P = `/api/v1/stations/${S}`;

describe('Idempotency-Key', () => {
  let t: TestApp;
  let keys: Keys;

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    await t.http().put(P).set(bearer(keys.county)).send(profile()).expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  test('a retry gets the first answer, marked as replayed, and changes nothing', async () => {
    const body = { items: [person(0), person(1)] };
    const first = await t.http().put(`${P}/personnel`).set(bearer(keys.county)).set('Idempotency-Key', 'roster-1').send(body).expect(200);
    expect(first.body).toEqual({ created: 2, updated: 0, unchanged: 0, removed: 0 });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // someone else changes the roster meanwhile; the retry must not undo it
    await t.http().patch(`${P}/personnel`).set(bearer(keys.county)).send({ items: [person(2)] }).expect(200);
    const before = await fingerprint(t.dataSource);
    const retry = await t.http().put(`${P}/personnel`).set(bearer(keys.county)).set('Idempotency-Key', 'roster-1').send(body).expect(200);
    expect(retry.text).toBe(first.text);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await fingerprint(t.dataSource)).toEqual(before);
    expect(await count(t.dataSource, `SELECT 1 FROM person WHERE station_code = $1`, [S])).toBe(3);
  });

  test('the same key with another body or path is a 422 and changes nothing', async () => {
    await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'eq-1').send({ items: [equipment(0)] }).expect(200);
    const before = await fingerprint(t.dataSource);
    const otherBody = await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'eq-1').send({ items: [equipment(1)] }).expect(422);
    expect(otherBody.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherPath = await t.http().put(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'eq-1').send({ items: [equipment(0)] }).expect(422);
    expect(otherPath.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await fingerprint(t.dataSource)).toEqual(before);
  });

  test('keys are scoped per API key', async () => {
    const body = { items: [equipment(5)] };
    await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'shared').send(body).expect(200);
    const other = await t.http().patch(`${P}/equipment`).set(bearer(keys.city)).set('Idempotency-Key', 'shared').send({ items: [equipment(6)] }).expect(200);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.created).toBe(1);
  });

  test('a refused request stores no answer: the same key can then carry the corrected request', async () => {
    await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'fix-1').send({ items: [equipment(7, { quantity: -1 })] }).expect(400);
    await t.http().patch('/api/v1/stations/130102404/equipment').set(bearer(keys.county)).set('Idempotency-Key', 'fix-1').send({ items: [equipment(7)] }).expect(404);
    expect(await count(t.dataSource, `SELECT 1 FROM idempotency_record WHERE key = 'fix-1'`)).toBe(0);
    const ok = await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'fix-1').send({ items: [equipment(7)] }).expect(200);
    expect(ok.body.created).toBe(1);
  });

  test('concurrent requests with one key: one applies, the others replay its answer', async () => {
    const body = { items: [person(10), person(11), person(12)] };
    const auditBefore = await count(t.dataSource, `SELECT 1 FROM audit_log`);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http().patch(`${P}/personnel`).set(bearer(keys.county)).set('Idempotency-Key', 'race-1').send(body)),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text))).toEqual(new Set([JSON.stringify({ created: 3, updated: 0, unchanged: 0, removed: 0 })]));
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    expect((await count(t.dataSource, `SELECT 1 FROM audit_log`)) - auditBefore).toBe(3);
  });

  test('concurrent different requests with one key: one applies, the others are refused', async () => {
    const answers = await Promise.all(
      [20, 21, 22, 23].map((i) => t.http().patch(`${P}/personnel`).set(bearer(keys.county)).set('Idempotency-Key', 'race-2').send({ items: [person(i)] })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count(t.dataSource, `SELECT 1 FROM person WHERE station_code = $1 AND external_id IN ('P0020', 'P0021', 'P0022', 'P0023')`, [S])).toBe(1);
  });

  test('reads ignore the header; records expire after 24 h and the purge removes them', async () => {
    await t.http().get(`${P}/personnel`).set(bearer(keys.county)).set('Idempotency-Key', 'read-1').expect(200);
    expect(await count(t.dataSource, `SELECT 1 FROM idempotency_record WHERE key = 'read-1'`)).toBe(0);

    await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'old-1').send({ items: [equipment(8)] }).expect(200);
    await t.dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = 'old-1'`);
    // past 24 h the key is new again: the request applies (here: unchanged) and is recorded afresh
    const again = await t.http().patch(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', 'old-1').send({ items: [equipment(8, { quantity: 9 })] }).expect(200);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(again.body.updated).toBe(1);
    await t.dataSource.query(`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key IN ('old-1', 'eq-1')`);
    expect(await t.app.get(IdempotencyService).purgeExpired()).toBe(2);
    expect(await count(t.dataSource, `SELECT 1 FROM idempotency_record WHERE key IN ('old-1', 'eq-1')`)).toBe(0);
  });

  test('the stored answer commits with the write: same transaction', async () => {
    const [row] = await t.dataSource.query(`SELECT method, path, status_code, response_body FROM idempotency_record WHERE key = 'roster-1'`);
    expect(row).toMatchObject({ method: 'PUT', path: `${P}/personnel`, status_code: 200 });
    expect(JSON.parse(row.response_body)).toEqual({ created: 2, updated: 0, unchanged: 0, removed: 0 });
  });
});
