// The audit and outbox rows are written with the data, in the same transaction, and never
// without it: a change writes both, an identical re-push writes nothing at all, and a write
// that fails half-way leaves neither data nor audit nor outbox behind.
import { AuditService } from '../../src/audit/audit.service.js';
import { generateProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { OutboxService } from '../../src/outbox/outbox.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, bearer, count, enforcementCase, equipment, fingerprint, loadRegionsAndKeys, person, profile, type Keys } from './ingest-support.js';

const S = '130102001';
const P = `/api/v1/stations/${S}`;

describe('audit and outbox', () => {
  let t: TestApp;
  let keys: Keys;
  let keyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    [{ id: keyId }] = await t.dataSource.query(`SELECT id FROM api_key WHERE role = 'COUNTY' AND region_code = $1 ORDER BY created_at LIMIT 1`, [COUNTY]);
  });

  afterAll(async () => {
    await t.close();
  });

  test('a change writes one audit row per changed row and one outbox row per station, with who, what and the digests', async () => {
    await t.http().put(P).set(bearer(keys.county)).set('x-request-id', 'county-sync-0001').send(profile()).expect(200);
    await t.http().put(`${P}/personnel`).set(bearer(keys.county)).set('x-request-id', 'county-sync-0002').send({ items: [person(0), person(1)] }).expect(200);
    const res = await t
      .http()
      .put(`${P}/personnel`)
      .set(bearer(keys.county))
      .set('x-request-id', 'county-sync-0003')
      .send({ items: [person(0), person(1, { name: '王芳芳' }), person(2)] })
      .expect(200);
    expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 1, removed: 0 });
    const audit = await t.dataSource.query(
      `SELECT actor_key_id, actor_role, actor_region, action, station_code, entity, entity_key, before_digest, after_digest, detail, request_id
       FROM audit_log WHERE request_id = 'county-sync-0003' ORDER BY entity_key`,
    );
    const stored = Object.fromEntries(
      (await t.dataSource.query(`SELECT external_id, row_digest FROM person WHERE station_code = $1`, [S])).map((r: { external_id: string; row_digest: string }) => [r.external_id, r.row_digest]),
    );
    const [previous] = await t.dataSource.query(`SELECT after_digest FROM audit_log WHERE request_id = 'county-sync-0002' AND entity_key = 'P0001'`);
    const common = { actor_key_id: keyId, actor_role: 'COUNTY', actor_region: COUNTY, action: 'personnel.replace', station_code: S, entity: 'person', request_id: 'county-sync-0003' };
    expect(audit).toEqual([
      { ...common, entity_key: 'P0001', before_digest: previous.after_digest, after_digest: stored.P0001, detail: { change: 'updated' } },
      { ...common, entity_key: 'P0002', before_digest: null, after_digest: stored.P0002, detail: { change: 'created' } },
    ]);
    expect(previous.after_digest).not.toBe(stored.P0001);
    const outbox = await t.dataSource.query(`SELECT station_code, region_code, reason FROM outbox_event ORDER BY id`);
    expect(outbox).toEqual([
      { station_code: S, region_code: null, reason: 'station' },
      { station_code: S, region_code: null, reason: 'personnel' },
      { station_code: S, region_code: null, reason: 'personnel' },
    ]);
  });

  test('an identical re-push is all unchanged and writes nothing: no row version, no audit, no outbox', async () => {
    const body = { items: [0, 1, 2, 3, 4].map((i) => enforcementCase(i)) };
    await t.http().put(`${P}/cases`).set(bearer(keys.county)).send(body).expect(200);
    const versions = await t.dataSource.query(`SELECT case_number, xmin::text FROM enforcement_case WHERE station_code = $1 ORDER BY case_number`, [S]);
    const before = await fingerprint(t.dataSource);
    for (const method of ['put', 'patch'] as const) {
      const res = await t.http()[method](`${P}/cases`).set(bearer(keys.county)).send(body).expect(200);
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 5, removed: 0 });
    }
    await t.http().put(P).set(bearer(keys.county)).send(profile()).expect(200);
    expect(await fingerprint(t.dataSource)).toEqual(before);
    expect(await t.dataSource.query(`SELECT case_number, xmin::text FROM enforcement_case WHERE station_code = $1 ORDER BY case_number`, [S])).toEqual(versions);
  });

  test('removals are audited with the digest of the row that went', async () => {
    const [gone] = await t.dataSource.query(`SELECT row_digest FROM enforcement_case WHERE station_code = $1 AND case_number = $2`, [S, '冀长市监处罚〔2025〕4号']);
    await t.http().delete(`${P}/cases/${encodeURIComponent('冀长市监处罚〔2025〕4号')}`).set(bearer(keys.county)).set('x-request-id', 'del-1').expect(200);
    const [row] = await t.dataSource.query(`SELECT action, entity_key, before_digest, after_digest, detail FROM audit_log WHERE request_id = 'del-1'`);
    expect(row).toEqual({ action: 'cases.delete', entity_key: '冀长市监处罚〔2025〕4号', before_digest: gone.row_digest, after_digest: null, detail: { change: 'removed' } });
  });

  test.each([
    ['the outbox', OutboxService.prototype, 'stationsChanged'],
    ['the audit', AuditService.prototype, 'record'],
  ] as const)('when writing %s fails, the data, audit and outbox are all left as they were', async (_what, prototype, method) => {
    const before = await fingerprint(t.dataSource);
    const target = prototype as unknown as Record<string, (...args: unknown[]) => Promise<void>>;
    const original = target[method];
    target[method] = () => Promise.reject(new Error('disk full'));
    try {
      const res = await t.http().put(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', `fail-${method}`).send({ items: [equipment(0), equipment(1)] });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('INTERNAL_SERVER_ERROR');
      expect(t.logs.find('error', new RegExp(`PUT ${P}/equipment \\[${res.body.error.requestId}\\]`))[0]?.trace).toMatch(/disk full/);
    } finally {
      target[method] = original;
    }
    expect(await fingerprint(t.dataSource)).toEqual(before);
    // and once the fault is gone the same request goes through, with its audit and outbox rows
    const ok = await t.http().put(`${P}/equipment`).set(bearer(keys.county)).set('Idempotency-Key', `fail-${method}`).send({ items: [equipment(0), equipment(1)] });
    expect(ok.status).toBe(200);
    await t.http().put(`${P}/equipment`).set(bearer(keys.county)).send({ items: [] }).expect(200);
  });

  test('every change ever made has its audit rows and an outbox row for its station', async () => {
    // over everything this file wrote: no changed station without an outbox row, no audit without data
    const stationsWithAudit = await t.dataSource.query(`SELECT DISTINCT station_code FROM audit_log WHERE station_code IS NOT NULL ORDER BY 1`);
    const stationsWithOutbox = await t.dataSource.query(`SELECT DISTINCT station_code FROM outbox_event WHERE station_code IS NOT NULL ORDER BY 1`);
    expect(stationsWithOutbox).toEqual(stationsWithAudit);
    const people = await count(t.dataSource, `SELECT 1 FROM person WHERE station_code = $1`, [S]);
    const created = await count(t.dataSource, `SELECT 1 FROM audit_log WHERE entity = 'person' AND station_code = $1 AND detail->>'change' = 'created'`, [S]);
    const removed = await count(t.dataSource, `SELECT 1 FROM audit_log WHERE entity = 'person' AND station_code = $1 AND detail->>'change' = 'removed'`, [S]);
    expect(created - removed).toBe(people);
  });

  test('the bundle writer audits as the system and marks each station once per part', async () => {
    const province = generateProvince({ stations: 3, seed: 11, provinceCode: '150000', asOf: '2025-06-30' });
    await t.http().put('/api/v1/reference/regions').set(bearer(keys.admin)).send({ items: province.regions.map((r) => ({ code: r.code, name: r.name })) }).expect(200);
    const writer = t.app.get(StationBundleWriter);
    const summary = await writer.writeMany(province.stations(), { chunkSize: 2 });
    expect(summary.stations.created).toBe(3);
    const actors = await t.dataSource.query(`SELECT DISTINCT actor_key_id, actor_role, actor_region FROM audit_log WHERE station_code = ANY($1)`, [province.stationCodes]);
    expect(actors).toEqual([{ actor_key_id: null, actor_role: 'SYSTEM', actor_region: null }]);
    const outbox = await t.dataSource.query(`SELECT station_code, reason, count(*)::int AS n FROM outbox_event WHERE station_code = ANY($1) GROUP BY 1, 2`, [province.stationCodes]);
    expect(outbox.every((r: { n: number }) => r.n === 1)).toBe(true);
    const before = await fingerprint(t.dataSource);
    const again = await writer.writeMany(province.stations());
    expect(Object.values(again).every((s) => s.created + s.updated + s.removed === 0)).toBe(true);
    expect(await fingerprint(t.dataSource)).toEqual(before);
  });
});
