// StationBundleWriter writes generated stations through the same service methods as the REST
// interface: what it writes reads back through the interface exactly as generated (in normal
// form), and a station pushed over HTTP is "unchanged" for the writer and vice versa.
import type { StationBundle } from '../../src/domain/station-data.js';
import { generateProvince, type GeneratedProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { bearer, fingerprint } from './ingest-support.js';

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

describe('StationBundleWriter', () => {
  let t: TestApp;
  let admin: string;
  let province: GeneratedProvince;
  let writer: StationBundleWriter;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.apiKey('ADMIN', '320000');
    province = generateProvince({ stations: 24, seed: 'bundle-writer', provinceCode: '320000', asOf: '2025-06-30' });
    await t.http().put('/api/v1/reference/regions').set(bearer(admin)).send({ items: province.regions.map((r) => ({ code: r.code, name: r.name })) }).expect(200);
    writer = t.app.get(StationBundleWriter);
  });

  afterAll(async () => {
    await t.close();
  });

  test('a generated province reads back through the interface as generated', async () => {
    const summary = await writer.writeMany(province.stations(), { chunkSize: 10 });
    expect(summary.stations).toEqual({ created: 24, updated: 0, unchanged: 0, removed: 0 });
    for (const index of [0, 7, 23]) {
      const bundle = province.station(index);
      const get = async (path: string) => (await t.http().get(`/api/v1/stations/${bundle.code}${path}`).set(bearer(admin)).expect(200)).body;
      const station = await get('');
      expect({ name: station.name, countyCode: station.countyCode, approvedHeadcount: station.approvedHeadcount }).toEqual({
        name: bundle.profile.name,
        countyCode: bundle.profile.countyCode,
        approvedHeadcount: bundle.profile.approvedHeadcount,
      });
      expect([...station.duties].sort()).toEqual([...bundle.profile.duties].sort());
      expect(station.counts).toMatchObject({ personnel: bundle.personnel.length, equipment: bundle.equipment.length, cases: bundle.cases.length });

      const people = (await get('/personnel')).items;
      const expectedPeople = bundle.personnel
        .map((p) => ({
          ...p,
          leftOn: p.leftOn ?? null,
          trainings: [...p.trainings].sort((a, b) => a.year - b.year),
          disciplinaryRecords: [...p.disciplinaryRecords].sort(byKey((r) => `${r.date}|${r.kind}|${r.description}`)),
        }))
        .sort(byKey((p) => p.externalId));
      expect(people).toEqual(expectedPeople);
      expect((await get('/equipment')).items).toEqual([...bundle.equipment].sort(byKey((e) => e.externalId)));
      const cases = (await get('/cases?limit=5000')).items;
      const expectedCases = bundle.cases.map((c) => ({ ...c, fileReviewedOn: c.fileReviewedOn ?? null, overturnedOn: c.overturnedOn ?? null }));
      expect([...cases].sort(byKey((c: StationBundle['cases'][number]) => c.caseNumber))).toEqual(expectedCases.sort(byKey((c) => c.caseNumber)));
      expect((await get('/complaint-stats')).items).toEqual([...bundle.complaintFigures].sort(byKey((f) => f.period)));
      const certifications = (await get('/certifications')).items;
      expect(certifications.map((c: { year: number }) => c.year)).toEqual(bundle.certifications.map((c) => c.year).sort());
      for (const c of bundle.certifications) {
        const read = certifications.find((x: { year: number }) => x.year === c.year);
        for (let item = 1; item <= 12; item++) expect(read.items[String(item)]).toBe(c.items[String(item) as keyof typeof c.items] === true);
      }
      expect(new Set((await get('/bonus-events')).items.map((e: { eventKey: string }) => e.eventKey))).toEqual(new Set(bundle.bonusEvents.map((e) => e.eventKey)));
      const reviews = (await get('/annual-reviews')).items;
      expect(reviews.map((r: { year: number; subject: string; result: string }) => ({ year: r.year, subject: r.subject, result: r.result }))).toEqual(
        [...bundle.annualReviews].sort(byKey((r) => `${r.year}|${r.subject}`)),
      );
    }
  });

  test('a station pushed over HTTP is unchanged for the writer, and the writer\'s is unchanged over HTTP', async () => {
    const bundle = province.station(3);
    const before = await fingerprint(t.dataSource);
    const put = (path: string, body: unknown) => t.http().put(`/api/v1/stations/${bundle.code}${path}`).set(bearer(admin)).send(body as object).expect(200);
    expect((await put('', bundle.profile)).body.unchanged).toBe(1);
    expect((await put('/personnel', { items: bundle.personnel })).body).toEqual({ created: 0, updated: 0, unchanged: bundle.personnel.length, removed: 0 });
    expect((await put('/equipment', { items: bundle.equipment })).body.unchanged).toBe(bundle.equipment.length);
    expect((await put('/cases', { items: bundle.cases })).body.unchanged).toBe(bundle.cases.length);
    for (const { period, ...counts } of bundle.complaintFigures) expect((await put(`/complaint-stats/${period}`, counts)).body.unchanged).toBe(1);
    for (const { year, ...certification } of bundle.certifications) expect((await put(`/certifications/${year}`, certification)).body.unchanged).toBe(1);
    expect(await fingerprint(t.dataSource)).toEqual(before);

    // now a change over HTTP (the first person leaves: kept with a leaving date), then the
    // writer puts the generated station back (they return: an update)
    await put('/personnel', { items: bundle.personnel.slice(1) });
    const restored = await writer.write(bundle);
    expect(restored.personnel).toEqual({ created: 0, updated: 1, unchanged: bundle.personnel.length - 1, removed: 0 });
    expect(restored.equipment.unchanged).toBe(bundle.equipment.length);
  });

  test('an invalid bundle is refused with the station named, and nothing of it is stored', async () => {
    const bundle = province.station(5);
    const broken: StationBundle = { ...bundle, personnel: [...bundle.personnel, { ...bundle.personnel[0] }] };
    const before = await fingerprint(t.dataSource);
    await expect(writer.write(broken)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining(`station ${bundle.code} personnel`) });
    const twice: StationBundle = { ...bundle, complaintFigures: [...bundle.complaintFigures, bundle.complaintFigures[0]] };
    await expect(writer.writeMany([province.station(6), twice])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: `station ${bundle.code} complaint figures: duplicate keys`,
      problems: [{ index: bundle.complaintFigures.length, key: bundle.complaintFigures[0].period, path: '', reason: `${bundle.complaintFigures[0].period} appears twice` }],
    });
    expect(await fingerprint(t.dataSource)).toEqual(before);
  });
});
