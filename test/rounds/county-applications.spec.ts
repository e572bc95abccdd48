// County applications over REST against the real database: a draft with files, submitted
// and read back; every validation problem at once with its path; an incomplete submission
// listing every missing criterion; who may read and write which station and round. Every
// refused request leaves the row counts as they were.
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import type { RatingRoundRecord } from '../../src/rounds/rating-round.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { COUNTY, OTHER_PROVINCE, PROVINCE } from '../dashboard/dashboard-support.js';
import { appPath, applicationCounts, bearer, certification, completeDraft, countyWorld, type CountyWorld } from './county-support.js';

let t: TestApp;
let w: CountyWorld;
let round: RatingRoundRecord;
let station: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await countyWorld(t);
  round = await w.openRound('县级申报批次');
  station = w.s.countyStation;
  expect(station.startsWith(COUNTY)).toBe(true);
});

afterAll(async () => {
  await t.close();
});

describe('draft, submit, read', () => {
  test('PUT creates (201) then replaces (200); submit freezes; GET shows files, history, frozen hash; audited and attached', async () => {
    const keys = w.s.keys;
    const fileId = await w.file();
    const scanId = await w.file(undefined, '附件3盖章.pdf');
    const audit0 = Number((await t.dataSource.query(`SELECT coalesce(max(id), 0) AS id FROM audit_log`))[0].id);
    const first = await t.http().put(appPath(round.id, station)).set(bearer(keys.county)).send({ materials: [{ criterion: '1①', items: [{ title: '市场准入业务指导记录（2025年）', fileIds: [fileId] }] }] }).expect(201);
    expect(first.body).toMatchObject({ status: 'DRAFT', stationCode: station, roundId: round.id, submittedAt: null, frozenInputHash: null, result: null });
    expect(first.body.materials).toEqual([{ criterion: '1①', criterionId: '1.1.1.1', items: [{ title: '市场准入业务指导记录（2025年）', files: [{ id: fileId, sha256: expect.any(String), size: 1234, contentType: 'application/pdf', name: '材料.pdf' }] }] }]);

    const body = completeDraft(round.rubricVersion, fileId, scanId);
    const replaced = await t.http().put(appPath(round.id, station)).set(bearer(keys.county)).send(body).expect(200);
    expect(replaced.body.status).toBe('DRAFT');
    expect(replaced.body.missingItems).toEqual([{ item: '32', itemId: '4.15.32', duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' }]);
    expect(replaced.body.certification.sealedScan).toMatchObject({ id: scanId, name: '附件3盖章.pdf' });
    const attached = await t.dataSource.query(`SELECT file_id, owner_kind, station_code FROM file_attachment WHERE owner_kind = 'APPLICATION' ORDER BY file_id`);
    expect(attached).toEqual([fileId, scanId].sort().map((id) => ({ file_id: id, owner_kind: 'APPLICATION', station_code: station })));

    const submitted = await t.http().post(appPath(round.id, station, 'submit')).set(bearer(keys.county)).expect(200);
    expect(submitted.body.status).toBe('SUBMITTED');
    expect(submitted.body.frozenInputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(submitted.body.submittedAt)).not.toBeNaN();
    const [row] = await t.dataSource.query(`SELECT frozen_facts, frozen_input_hash FROM round_application WHERE round_id = $1 AND station_code = $2`, [round.id, station]);
    expect(row.frozen_input_hash).toBe(submitted.body.frozenInputHash);
    // The round's 附件3 replaced the station's stored certifications in the frozen facts.
    expect(row.frozen_facts.facts.certifications).toEqual([{ year: 2026, items: Object.fromEntries(['1', '2', '3', '4', '5', '7', '8', '9', '10', '11', '12'].map((k) => [k, true])), certifiedBy: '某县市场监督管理局', certifiedOn: '2026-05-20' }]);

    const county = w.p[`COUNTY:${COUNTY}`];
    const own = await t.http().get(appPath(round.id, station)).set(bearer(keys.county)).expect(200);
    expect(own.body.history.map((h: { from: string | null; to: string; role: string; keyId?: string }) => [h.from, h.to, h.role, h.keyId])).toEqual([
      [null, 'DRAFT', 'COUNTY', county.keyId],
      ['DRAFT', 'SUBMITTED', 'COUNTY', county.keyId],
    ]);
    const byProvince = await t.http().get(appPath(round.id, station)).set(bearer(keys.province)).expect(200);
    expect(byProvince.body.history.every((h: { keyId?: string; role: string }) => h.keyId === undefined && h.role === 'COUNTY')).toBe(true);
    const byAdmin = await t.http().get(appPath(round.id, station)).set(bearer(keys.admin)).expect(200);
    expect(byAdmin.body.history[0].keyId).toBe(county.keyId);
    await t.http().get(appPath(round.id, station)).set(bearer(keys.city)).expect(200);

    const audit = await t.dataSource.query(`SELECT action, entity, station_code FROM audit_log WHERE id > $1 ORDER BY id`, [audit0]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['round.application.put', 'round.application.put', 'round.application.submit']);

    const list = await t.http().get(`/api/v1/rounds/${round.id}/applications`).set(bearer(keys.county)).expect(200);
    expect(list.body).toEqual({ items: [expect.objectContaining({ stationCode: station, status: 'SUBMITTED' })], nextAfter: null });
    const far = await t.http().get(`/api/v1/rounds/${round.id}/applications`).set(bearer(keys.otherCounty)).expect(200);
    expect(far.body.items).toEqual([]);
  });
});

describe('idempotency', () => {
  test('a retried PUT or submit with the same Idempotency-Key answers the first answer (201 stays 201) and changes nothing', async () => {
    const r = await w.openRound('重试批次');
    const body = completeDraft(r.rubricVersion, await w.file(), await w.file());
    const put = () => t.http().put(appPath(r.id, station)).set(bearer(w.s.keys.county)).set('idempotency-key', 'put-1').send(body);
    const first = await put().expect(201);
    const before = await applicationCounts(t);
    const again = await put().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await applicationCounts(t)).toEqual(before);
    const submit = () => t.http().post(appPath(r.id, station, 'submit')).set(bearer(w.s.keys.county)).set('idempotency-key', 'submit-1');
    const done = await submit().expect(200);
    const replayed = await submit().expect(200);
    expect(replayed.body.frozenInputHash).toBe(done.body.frozenInputHash);
    await t.http().post(appPath(r.id, station, 'submit')).set(bearer(w.s.keys.county)).expect(409);
  });
});

describe('validation', () => {
  test('every problem of a draft at once, with its path; nothing written', async () => {
    const other = await w.file(w.p[`COUNTY:130403`] ?? w.p[`PROVINCE:${OTHER_PROVINCE}`]);
    const good = await w.file();
    const before = await applicationCounts(t);
    const res = await t
      .http()
      .put(appPath(round.id, w.s.province.stationCodes.find((c) => c.startsWith(COUNTY) && c !== station) ?? station))
      .set(bearer(w.s.keys.county))
      .send({
        materials: [
          { criterion: '99⑨', items: [{ title: '材料' }] },
          { criterion: '1①', items: [{ title: '材料' }] },
          { criterion: '1.1.1.1', items: [{ title: '材料', fileIds: [good, 'not-a-uuid', good] }] },
          { criterion: '1②', items: [{ title: '  ' }, { title: 'a\u202eb', fileIds: ['00000000-0000-4000-8000-000000000000', other] }] },
          { criterion: '1③', items: [] },
        ],
        missingItems: [
          { item: '77', duty: 'SPECIAL_EQUIPMENT', reason: '无' },
          { item: '32', duty: 'NOPE', reason: '' },
          { item: '4.15.32', duty: 'FOOD', reason: '无' },
        ],
        certification: { items: { '1': true, '13': true, '2': 'yes' }, certifiedOn: '2999-01-01', sealedScanFileId: '11111111-1111-4111-8111-111111111111' },
        extra: 1,
      })
      .expect(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    const paths = res.body.error.problems.map((p: { path: string }) => p.path).sort();
    expect(paths).toEqual(
      [
        'certification.certifiedOn',
        'certification.items.13',
        'certification.items.2',
        'certification.sealedScanFileId',
        'extra',
        'materials[0].criterion',
        'materials[2].criterion',
        'materials[2].items[0].fileIds[1]',
        'materials[2].items[0].fileIds[2]',
        'materials[3].items[0].title',
        'materials[3].items[1].title',
        'materials[3].items[1].fileIds[0]',
        'materials[3].items[1].fileIds[1]',
        'missingItems[0].item',
        'missingItems[1].duty',
        'missingItems[1].reason',
        'missingItems[2].item',
      ].sort(),
    );
    expect(await applicationCounts(t)).toEqual(before);
  });

  test('a body that is not an object, and malformed path parameters, are 400 with their paths', async () => {
    const res = await t.http().put(appPath(round.id, station)).set(bearer(w.s.keys.county)).set('content-type', 'application/json').send('[1]').expect(400);
    expect(res.body.error.problems[0].path).toBe('');
    const bad = await t.http().put(appPath('not-a-uuid', 'bad code!')).set(bearer(w.s.keys.county)).send({}).expect(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path)).toEqual(['roundId', 'stationCode']);
    const get = await t.http().get('/api/v1/rounds/not-a-uuid').set(bearer(w.s.keys.county)).expect(400);
    expect(get.body.error.problems[0].path).toBe('roundId');
  });

  test('an incomplete submission lists every criterion without materials or missing item, and the certification; nothing written', async () => {
    const other = await w.openRound('不完整批次');
    const fileId = await w.file();
    await t
      .http()
      .put(appPath(other.id, station))
      .set(bearer(w.s.keys.county))
      .send({ materials: [{ criterion: '1①', items: [{ title: '材料', fileIds: [fileId] }] }], missingItems: [{ item: '32', duty: 'SPECIAL_EQUIPMENT', reason: '无此职责' }], certification: { items: { '1': true } } })
      .expect(201);
    const before = await applicationCounts(t);
    const res = await t.http().post(appPath(other.id, station, 'submit')).set(bearer(w.s.keys.county)).expect(400);
    const criteria = getRubricIndex(getRubric(other.rubricVersion)).criteria;
    const expected = criteria.filter((c) => c.code !== '1①' && c.indicatorId !== '4.15.32').map((c) => c.code);
    const problems = res.body.error.problems as { path: string; key?: string }[];
    expect(problems.filter((p) => p.path === 'materials').map((p) => p.key)).toEqual(expected);
    expect(problems.filter((p) => p.path !== 'materials').map((p) => p.path)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `certification.items.${i + 2}`),
      'certification.certifiedBy',
      'certification.certifiedOn',
      'certification.sealedScanFileId',
    ]);
    expect(await applicationCounts(t)).toEqual(before);
    const [row] = await t.dataSource.query(`SELECT status, frozen_facts FROM round_application WHERE round_id = $1`, [other.id]);
    expect(row).toEqual({ status: 'DRAFT', frozen_facts: null });
  });
});

describe('scope', () => {
  test("a station outside the key's region is 404 (read and write); another province's round 403; an unknown round 404", async () => {
    const keys = w.s.keys;
    const far = w.s.farStation;
    const shanxi = await w.openRound('山西批次', OTHER_PROVINCE);
    const before = await applicationCounts(t);
    for (const key of [keys.county, keys.city]) {
      expect((await t.http().get(appPath(round.id, far)).set(bearer(key)).expect(404)).body.error.code).toBe('NOT_FOUND');
      await t.http().put(appPath(round.id, far)).set(bearer(key)).send({}).expect(404);
      await t.http().post(appPath(round.id, far, 'submit')).set(bearer(key)).expect(404);
    }
    await t.http().put(appPath(round.id, 'NO_SUCH_STATION')).set(bearer(keys.admin)).send({}).expect(404);
    for (const key of [keys.county, keys.province]) {
      expect((await t.http().get(appPath(shanxi.id, station)).set(bearer(key)).expect(403)).body.error.code).toBe('FORBIDDEN');
      await t.http().put(appPath(shanxi.id, station)).set(bearer(key)).send({}).expect(403);
      await t.http().get(`/api/v1/rounds/${shanxi.id}`).set(bearer(key)).expect(403);
    }
    await t.http().get(`/api/v1/rounds/00000000-0000-4000-8000-000000000000`).set(bearer(keys.county)).expect(404);
    await t.http().put(appPath('00000000-0000-4000-8000-000000000000', station)).set(bearer(keys.county)).send({}).expect(404);
    expect(await applicationCounts(t)).toEqual(before);
  });

  test('GET /rounds: the key\'s province newest first; ADMIN all or one province', async () => {
    const keys = w.s.keys;
    const mine = await t.http().get('/api/v1/rounds').set(bearer(keys.county)).expect(200);
    expect(mine.body.items.length).toBeGreaterThanOrEqual(2);
    expect(mine.body.items.every((r: { provinceCode: string }) => r.provinceCode === PROVINCE)).toBe(true);
    expect(mine.body.items[0]).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), level: 'FIVE_STAR', cutOff: '2026-06-30', status: 'OPEN', applicationDeadline: expect.any(String) }));
    const opened = mine.body.items.map((r: { id: string }) => r.id);
    expect(opened.indexOf(round.id)).toBeGreaterThan(0);
    const one = await t.http().get(`/api/v1/rounds/${round.id}`).set(bearer(keys.city)).expect(200);
    expect(one.body).toMatchObject({ id: round.id, caseSampleFrom: round.caseSampleFrom, caseSampleTo: round.caseSampleTo, publicationFrom: null });
    const shanxi = await t.http().get(`/api/v1/rounds?provinceCode=${OTHER_PROVINCE}`).set(bearer(keys.admin)).expect(200);
    expect(shanxi.body.items.every((r: { provinceCode: string }) => r.provinceCode === OTHER_PROVINCE)).toBe(true);
    await t.http().get(`/api/v1/rounds?provinceCode=${OTHER_PROVINCE}`).set(bearer(keys.county)).expect(403);
    await t.http().get(`/api/v1/rounds?provinceCode=13`).set(bearer(keys.county)).expect(400);
  });

  test('GET …/applications pages by station code; a malformed after or limit is a 400 with its name', async () => {
    const r = await w.openRound('分页批次');
    const codes = w.s.province.stationCodes.slice(0, 3);
    for (const code of codes) await t.http().put(appPath(r.id, code)).set(bearer(w.s.keys.admin)).send({}).expect(201);
    const first = await t.http().get(`/api/v1/rounds/${r.id}/applications?limit=2`).set(bearer(w.s.keys.province)).expect(200);
    expect(first.body.items.map((i: { stationCode: string }) => i.stationCode)).toEqual([...codes].sort().slice(0, 2));
    const second = await t.http().get(`/api/v1/rounds/${r.id}/applications?limit=2&after=${first.body.nextAfter}`).set(bearer(w.s.keys.province)).expect(200);
    expect(second.body).toEqual({ items: [expect.objectContaining({ stationCode: [...codes].sort()[2], status: 'DRAFT', submittedAt: null })], nextAfter: null });
    expect((await t.http().get(`/api/v1/rounds/${r.id}/applications?limit=0`).set(bearer(w.s.keys.province)).expect(400)).body.error.problems[0].path).toBe('limit');
    expect((await t.http().get(`/api/v1/rounds/${r.id}/applications?after=a%20b`).set(bearer(w.s.keys.province)).expect(400)).body.error.problems[0].path).toBe('after');
  });

  test("a file uploaded by another county's key (not attached to a station this key reads) is refused at its path", async () => {
    const otherCounty = w.p['COUNTY:130403'];
    const foreign = await w.file(otherCounty);
    const res = await t
      .http()
      .put(appPath(round.id, w.s.province.stationCodes.find((c) => c.startsWith(COUNTY) && c !== station) ?? station))
      .set(bearer(w.s.keys.county))
      .send({ certification: certification(foreign) })
      .expect(400);
    expect(res.body.error.problems).toEqual([{ path: 'certification.sealedScanFileId', reason: expect.stringContaining('no such file') }]);
  });
});
