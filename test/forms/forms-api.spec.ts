/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// The live forms over HTTP against a generated, scored province: each file opened again and
// checked against GraphQL, the personal-data rule, the access checks, the headers and the
// errors of the download endpoints.
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { todayIn } from '../../src/domain/dates.js';
import { generateProvince } from '../../src/generator/index.js';
import { SCORING_SHEET_HEADER_ROW, SCORING_SHEET_NAME } from '../../src/forms/render/xlsx/scoring-sheet.xlsx.js';
import { STAFF_LIST_HEADER_ROW, STAFF_LIST_SHEET } from '../../src/forms/render/xlsx/staff-list.xlsx.js';
import { CERTIFICATION_HEADER_ROW, CERTIFICATION_SHEET } from '../../src/forms/render/xlsx/certification.xlsx.js';
import { RANKING_SHEET } from '../../src/forms/render/xlsx/lists.xlsx.js';
import { insertScoredStations } from '../../bench/forms/scored-stations.js';
import { insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CITY, COUNTY, ok, PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { readPdf, readXlsx, text } from './support/readers.js';
import { columnRanges, pdfPointsColumn, rubricRanges } from './support/sheet-structure.js';

let t: TestApp;
let s: Seeded;
const TOP = SCORING_SHEET_HEADER_ROW + 1;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
});

afterAll(async () => {
  await t.close();
});

/** A GET through the real HTTP server, the body kept as bytes whatever its type. */
async function get(path: string, key?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; json: () => any }> {
  const call = t.http().get(path);
  if (key) call.set('authorization', `Bearer ${key}`);
  const res = await call.buffer(true).parse((stream, done) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => done(null, Buffer.concat(chunks)));
  });
  const body = res.body as Buffer;
  return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) };
}

const SCORE_QUERY = `query($code: String!) { station(code: $code) { code name countyName score { total raw applicable rebased bonus stars eligible cutOff criteria { id code points status } } } }`;

/** Stations of several counties, the county key's own among them. */
function someStations(): string[] {
  return [s.countyStation, s.farStation, ...s.province.stationCodes.filter((c) => c !== s.countyStation && c !== s.farStation).slice(0, 2)];
}

describe('附件1 评分表, live', () => {
  test.each([0, 1, 2, 3])('station %i: every criterion\'s points in its row, the merged structure, totals and stars as GraphQL says (.xlsx)', async (i) => {
    const code = someStations()[i];
    const { station } = await ok(t, s.keys.province, SCORE_QUERY, { code });
    const res = await get(`/api/v1/stations/${code}/forms/1.xlsx`, s.keys.province);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const sheet = (await readXlsx(res.body)).getWorksheet(SCORING_SHEET_NAME)!;
    station.score.criteria.forEach((c: any, row: number) => expect([c.code, sheet.getCell(TOP + row, 5).value]).toEqual([c.code, c.points]));
    expect(station.score.criteria).toHaveLength(121);
    for (const [level, count] of [[1, 5], [2, 21], [3, 46]] as const) {
      expect(columnRanges(sheet, TOP, level)).toEqual(rubricRanges(TOP, level).map((r) => [r.from, r.to]));
      expect(columnRanges(sheet, TOP, level)).toHaveLength(count);
    }
    const summary = new Map<string, unknown>();
    for (let r = TOP + 121; r <= sheet.rowCount; r++) summary.set(text(sheet.getCell(r, 1)), sheet.getCell(r, 5).value);
    expect([summary.get('得分合计（不含加分）'), summary.get('适用满分'), summary.get('折算得分'), summary.get('加分'), summary.get('总分')]).toEqual([
      station.score.raw,
      station.score.applicable,
      station.score.rebased,
      station.score.bonus,
      station.score.total,
    ]);
    const stars = summary.get('星级');
    expect(stars).toBe(!station.score.eligible ? '不能参评' : station.score.stars > 0 ? `${'一二三四五'[station.score.stars - 1]}星` : '未达到');
    const [{ result_digest, input_hash }] = await t.dataSource.query(
      `SELECT sn.result_digest, ss.input_hash FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = $1`,
      [code],
    );
    expect(summary.get('结果摘要')).toBe(result_digest);
    expect(summary.get('输入哈希')).toBe(input_hash);
    expect(text(sheet.getCell(3, 1))).toContain(station.name);
    expect(text(sheet.getCell(3, 1))).toContain(station.countyName);
    expect(text(sheet.getCell(4, 1))).toContain(`截止日期：${station.score.cutOff}`);
  });

  test('the PDF: Chinese text, the 得分 column in rubric order, total and digest', async () => {
    const code = s.countyStation;
    const { station } = await ok(t, s.keys.county, SCORE_QUERY, { code });
    const res = await get(`/api/v1/stations/${code}/forms/1.pdf`, s.keys.county);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = await readPdf(res.body);
    const all = pages.map((p) => p.text).join('');
    expect(all).toContain('五星市场监督管理所评定申报材料清单和提供材料目录');
    expect(all).toContain(station.name);
    expect(all).toContain(station.score.total.toFixed(2));
    expect(pdfPointsColumn(pages).slice(0, 121)).toEqual(station.score.criteria.map((c: any) => c.points));
  });
});

describe('附件2 人员一览表', () => {
  const PEOPLE = `query($code: String!) { station(code: $code) { people { externalId name birthMonth staffingType } } }`;

  test('a county key on its own station: everyone, with names and birth months as 1980.01', async () => {
    const { station } = await ok(t, s.keys.county, PEOPLE, { code: s.countyStation });
    const res = await get(`/api/v1/stations/${s.countyStation}/forms/2.xlsx`, s.keys.county);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(STAFF_LIST_SHEET)!;
    const rows = Array.from({ length: station.people.length }, (_, i) => sheet.getRow(STAFF_LIST_HEADER_ROW + 1 + i));
    expect(rows.map((r) => text(r.getCell(2))).sort()).toEqual(station.people.map((p: any) => p.name).sort());
    expect(text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1 + station.people.length, 1))).toBe('');
    for (const row of rows) expect(text(row.getCell(4))).toMatch(/^(\d{4}\.(0[1-9]|1[0-2])|无)$/);
    const year = Number(todayIn(t.config.timeZone).slice(0, 4)) - 1;
    expect(text(sheet.getCell(STAFF_LIST_HEADER_ROW, 11))).toBe(`${year}年脱产培训时间（天或学时）`);
    const auxiliaries = station.people.filter((p: any) => p.staffingType === 'AUXILIARY').length;
    expect(rows.filter((r) => text(r.getCell(7)) === '无')).toHaveLength(auxiliaries);
  });

  test('a province key gets the file with personal data hidden, not a refusal', async () => {
    const { station } = await ok(t, s.keys.county, PEOPLE, { code: s.countyStation });
    const res = await get(`/api/v1/stations/${s.countyStation}/forms/2.xlsx`, s.keys.province);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(STAFF_LIST_SHEET)!;
    const cells = Array.from({ length: station.people.length }, (_, i) => [2, 4, 8, 9].map((c) => text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1 + i, c)))).flat();
    expect(new Set(cells)).toEqual(new Set(['（已隐去）']));
    expect(res.body.includes(Buffer.from(station.people[0].name))).toBe(false);
  });

  test('someone who has left is not on it', async () => {
    const before = (await ok(t, s.keys.county, PEOPLE, { code: s.countyStation })).station.people;
    const leaver = before.find((p: any) => p.staffingType !== 'AUXILIARY')!;
    const path = `/api/v1/stations/${s.countyStation}/personnel`;
    const stored = (await t.http().get(`${path}/${leaver.externalId}`).set('authorization', `Bearer ${s.keys.county}`).expect(200)).body;
    await t.http().patch(path).set('authorization', `Bearer ${s.keys.county}`).send({ items: [{ ...stored, leftOn: '2024-12-31' }] }).expect(200);
    const res = await get(`/api/v1/stations/${s.countyStation}/forms/2.xlsx`, s.keys.county);
    const sheet = (await readXlsx(res.body)).getWorksheet(STAFF_LIST_SHEET)!;
    const names = Array.from({ length: before.length }, (_, i) => text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1 + i, 2)));
    expect(names.filter((n) => n !== '')).toHaveLength(before.length - 1);
    expect(names).not.toContain(leaver.name);
  });
});

describe('附件3 证明材料', () => {
  test('the latest certification up to this year, √ as certified (.xlsx and PDF)', async () => {
    const certifications = (await get(`/api/v1/stations/${s.countyStation}/certifications`, s.keys.county)).json();
    const year = Number(todayIn(t.config.timeZone).slice(0, 4));
    const latest = (certifications.items ?? certifications).filter((c: any) => c.year <= year).sort((a: any, b: any) => b.year - a.year)[0];
    const res = await get(`/api/v1/stations/${s.countyStation}/forms/3.xlsx`, s.keys.county);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(CERTIFICATION_SHEET)!;
    for (let item = 1; item <= 12; item++) {
      const row = sheet.getRow(CERTIFICATION_HEADER_ROW + item);
      expect([item, text(row.getCell(3)), text(row.getCell(4))]).toEqual([item, latest.items[String(item)] ? '√' : '', latest.items[String(item)] ? '' : '√']);
    }
    expect(text(sheet.getCell(4, 1))).toContain(`证明年度：${latest.year}年度`);
    const pdf = await get(`/api/v1/stations/${s.countyStation}/forms/3.pdf`, s.keys.county);
    expect(pdf.status).toBe(200);
    const [page] = await readPdf(pdf.body);
    expect(page.text).toContain('市场监管所证明材料');
    expect(page.items.filter((i) => i.str === '√')).toHaveLength(12);
  });
});

describe('ranking.xlsx', () => {
  test.each([
    ['province', PROVINCE],
    ['city', CITY],
  ])('the %s ranking has the rows GraphQL rankings has, in order, with ranks and totals', async (_, region) => {
    const { rankings } = await ok(t, s.keys.province, `query($r: String!) { rankings(regionCode: $r, first: 500) { rank station { code score { total } } } }`, { r: region });
    const res = await get(`/api/v1/regions/${region}/ranking.xlsx`, s.keys.province);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ranking-${region}.xlsx"; filename*=UTF-8''${encodeURIComponent(`排名-${region === PROVINCE ? '河北省' : (await regionName(region))}-${region}.xlsx`)}`);
    const sheet = (await readXlsx(res.body)).getWorksheet(RANKING_SHEET)!;
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(4 + i)).map((r) => ({ rank: r.getCell(1).value, station: { code: text(r.getCell(2)), score: { total: r.getCell(6).value } } }));
    expect(rankings.length).toBeGreaterThan(0);
    expect(rows).toEqual(rankings);
  });

  test('a region of 2,500 stations streams through several cursor pages, in rank order, and gives its connection back', async () => {
    await insertScoredStations(t.dataSource, '150000', '内蒙古自治区', 2500);
    const key = await t.apiKey('PROVINCE', '150000');
    // More downloads than the pool has connections (5): a cursor that kept its connection would stall them.
    for (let i = 0; i < 7; i++) {
      const res = await get(`/api/v1/regions/150000/ranking.xlsx`, key);
      expect(res.status).toBe(200);
      if (i > 0) continue;
      const sheet = (await readXlsx(res.body)).getWorksheet(RANKING_SHEET)!;
      const rows = Array.from({ length: sheet.rowCount - 3 }, (_, r) => sheet.getRow(4 + r)).map((r) => ({ rank: Number(r.getCell(1).value), code: text(r.getCell(2)), total: Number(r.getCell(6).value) }));
      expect(rows).toHaveLength(2500);
      const expected = await t.dataSource.query(`SELECT s.code, ss.total::float8 AS total FROM station s JOIN station_score ss ON ss.station_code = s.code WHERE s.province_code = '150000' ORDER BY ss.total DESC, s.code`);
      expect(rows.map((r) => [r.code, r.total])).toEqual(expected.map((e: any) => [e.code, e.total]));
      rows.forEach((r, k) => expect(r.rank).toBe(k > 0 && rows[k - 1].total === r.total ? rows[k - 1].rank : k + 1));
    }
  });

  test('a client that goes away mid-download leaves no connection behind', async () => {
    const server = t.app.getHttpServer();
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    for (let i = 0; i < 7; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpGet({ host: '127.0.0.1', port, path: '/api/v1/regions/150000/ranking.xlsx', headers: { authorization: `Bearer ${s.keys.admin}` } }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
      });
    }
    expect((await get(`/api/v1/regions/150000/ranking.xlsx`, s.keys.admin)).status).toBe(200);
  });

  async function regionName(code: string): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT name FROM region WHERE code = $1`, [code]);
    return row.name;
  }
});

describe('downloads: headers, scope and errors', () => {
  test('Content-Type, Content-Disposition with the UTF-8 name and an ASCII fallback, no caching', async () => {
    const code = s.countyStation;
    const cases: [string, string, string][] = [
      ['1.xlsx', `form1-scoring-sheet-${code}.xlsx`, `附件1-评分表-${code}.xlsx`],
      ['1.pdf', `form1-scoring-sheet-${code}.pdf`, `附件1-评分表-${code}.pdf`],
      ['2.xlsx', `form2-staff-list-${code}.xlsx`, `附件2-人员一览表-${code}.xlsx`],
      ['3.pdf', `form3-certification-${code}.pdf`, `附件3-证明材料-${code}.pdf`],
    ];
    for (const [file, ascii, utf8] of cases) {
      const res = await get(`/api/v1/stations/${code}/forms/${file}`, s.keys.county);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
    }
  });

  test.each([
    ['an unknown form', '4.xlsx'],
    ['附件2 as PDF', '2.pdf'],
    ['an unknown format', '1.docx'],
    ['no format', '1'],
  ])('%s is NOT_FOUND', async (_, file) => {
    const res = await get(`/api/v1/stations/${s.countyStation}/forms/${file}`, s.keys.county);
    expect(res.status).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  test('scoped like the station: another county 404 (as an unknown station), an unknown station 404, a malformed code 400, no key 401', async () => {
    expect((await get(`/api/v1/stations/${s.countyStation}/forms/1.xlsx`, s.keys.otherCounty)).status).toBe(404);
    expect((await get(`/api/v1/stations/${s.countyStation}/forms/2.xlsx`, s.keys.otherProvince)).status).toBe(404);
    expect((await get(`/api/v1/stations/${s.farStation}/forms/1.pdf`, s.keys.city)).status).toBe(404);
    expect((await get(`/api/v1/stations/999999999/forms/1.xlsx`, s.keys.admin)).status).toBe(404);
    const bad = await get(`/api/v1/stations/${encodeURIComponent('bad code!')}/forms/1.xlsx`, s.keys.admin);
    expect(bad.status).toBe(400);
    expect(bad.json().error.problems).toEqual([{ path: 'code', reason: expect.any(String) }]);
    expect((await get(`/api/v1/stations/${s.countyStation}/forms/1.xlsx`)).status).toBe(401);
  });

  test('the ranking is scoped like the region: 403 outside, 400 malformed, 404 unknown', async () => {
    expect((await get(`/api/v1/regions/${PROVINCE}/ranking.xlsx`, s.keys.otherProvince)).status).toBe(403);
    expect((await get(`/api/v1/regions/${PROVINCE}/ranking.xlsx`, s.keys.county)).status).toBe(403);
    expect((await get(`/api/v1/regions/${COUNTY}/ranking.xlsx`, s.keys.county)).status).toBe(200);
    const bad = await get(`/api/v1/regions/13x000/ranking.xlsx`, s.keys.province);
    expect([bad.status, bad.json().error.problems[0].path]).toEqual([400, 'code']);
    expect((await get(`/api/v1/regions/139900/ranking.xlsx`, s.keys.province)).status).toBe(404);
  });

  test('a station not scored yet has no 附件1 (404) but its 附件2; without a certification 附件3 is 404', async () => {
    const bundle = { ...generateProvince({ stations: 1, seed: 'unscored', asOf: '2026-06-30' }).station(0), code: '130402990', certifications: [] };
    await insertStationBundle(t.dataSource, { ...bundle, profile: { ...bundle.profile, countyCode: COUNTY } });
    const scoring = await get(`/api/v1/stations/130402990/forms/1.xlsx`, s.keys.county);
    expect([scoring.status, scoring.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect(scoring.json().error.message).toMatch(/not been scored yet/);
    expect((await get(`/api/v1/stations/130402990/forms/2.xlsx`, s.keys.county)).status).toBe(200);
    expect((await get(`/api/v1/stations/130402990/forms/3.pdf`, s.keys.county)).status).toBe(404);
  });
});

describe('GraphQL and OpenAPI', () => {
  test('station.forms and region.rankingXlsx give the download paths, and they download', async () => {
    const { station, region } = await ok(
      t,
      s.keys.county,
      `query($code: String!, $r: String!) { station(code: $code) { forms { scoringSheetXlsx scoringSheetPdf staffListXlsx certificationXlsx certificationPdf } } region(code: $r) { rankingXlsx } }`,
      { code: s.countyStation, r: COUNTY },
    );
    const base = `/api/v1/stations/${s.countyStation}/forms`;
    expect(station.forms).toEqual({
      scoringSheetXlsx: `${base}/1.xlsx`,
      scoringSheetPdf: `${base}/1.pdf`,
      staffListXlsx: `${base}/2.xlsx`,
      certificationXlsx: `${base}/3.xlsx`,
      certificationPdf: `${base}/3.pdf`,
    });
    expect(region.rankingXlsx).toBe(`/api/v1/regions/${COUNTY}/ranking.xlsx`);
    for (const path of [...Object.values(station.forms), region.rankingXlsx] as string[]) expect([path, (await get(path, s.keys.county)).status]).toEqual([path, 200]);
  });

  test('the OpenAPI document lists the downloads with their file types', async () => {
    const doc = (await get('/api/docs-json')).json();
    const form = doc.paths['/api/v1/stations/{code}/forms/{file}'].get;
    expect(form.tags).toEqual(['forms']);
    expect(form.parameters.find((p: any) => p.name === 'file').schema.enum).toEqual(['1.xlsx', '1.pdf', '2.xlsx', '3.xlsx', '3.pdf']);
    expect(Object.keys(form.responses['200'].content)).toEqual([XLSX, 'application/pdf']);
    expect(doc.paths['/api/v1/regions/{code}/ranking.xlsx'].get.responses['200'].content[XLSX]).toBeDefined();
  });
});
