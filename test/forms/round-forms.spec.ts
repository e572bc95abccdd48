// A rating round's forms over HTTP: 附件1/2/3 of applications (frozen facts, materials,
// declared missing items, certification) read back with exceljs and pdfjs, the round score
// unmoved by a later push while the live form moves, the 公示名单 (409 before publication,
// its entries and order), the full result table (rows, columns, stored results once
// CONFIRMED), scoping and personal data.
import { randomUUID } from 'node:crypto';
import { SCORING_SHEET_HEADER_ROW, SCORING_SHEET_NAME } from '../../src/forms/render/xlsx/scoring-sheet.xlsx.js';
import { STAFF_LIST_HEADER_ROW, STAFF_LIST_SHEET } from '../../src/forms/render/xlsx/staff-list.xlsx.js';
import { CERTIFICATION_HEADER_ROW, CERTIFICATION_SHEET } from '../../src/forms/render/xlsx/certification.xlsx.js';
import { PUBLICATION_SHEET, RESULTS_SHEET } from '../../src/forms/render/xlsx/lists.xlsx.js';
import { roundFormPaths, roundListPaths } from '../../src/forms/download.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import type { RatingRoundRecord } from '../../src/rounds/rating-round.entity.js';
import type { RoundApplicationRecord } from '../../src/rounds/round-application.entity.js';
import { isAwarded } from '../../src/rounds/round-scoring.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { resultDigest } from '../../src/scoring/result-digest.js';
import type { ScoreResult } from '../../src/scoring/engine/index.js';
import { RoundResultMemo } from '../../src/forms/sources/round-result-memo.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { AS_OF, PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { as, openInput, principals } from '../rounds/rounds-support.js';
import { readPdf, readXlsx, text } from './support/readers.js';
import { apply, certification, decideMissingItem, insertFile, reviewAll, roundScore, setRoundStatus } from './support/round-applications.js';

let t: TestApp;
let s: Seeded;
let round: RatingRoundRecord;
const TOP = SCORING_SHEET_HEADER_ROW + 1;
const apps = new Map<string, RoundApplicationRecord>();
const rubric = () => getRubric(round.rubricVersion);
const criteria = () => getRubricIndex(rubric()).criteria;
/** 提供材料目录 of the first two criteria, and declared missing items on two assessed ones. */
const material = () => criteria()[0];
const accepted = () => criteria().filter((c) => c.source === 'ASSESSED')[10];
const undecided = () => criteria().filter((c) => c.source === 'ASSESSED')[11];

async function get(path: string, key?: string): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer; json: () => { error: { code: string; message: string; problems?: { path: string }[] } } }> {
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

/** Station codes of the seed other than the county's own, in order. */
const others = () => s.province.stationCodes.filter((c) => c !== s.countyStation);

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t);
  const province = (await principals(t))[`PROVINCE:${PROVINCE}`];
  round = await t.app.get(RoundsService).open(as(province), openInput({ name: '2026年第一批三星市场监督管理所评定', level: 'THREE_STAR', cutOff: AS_OF }));
  const fileA = await insertFile(t.dataSource, '指导记录2025.pdf', province.keyId);
  const fileB = await insertFile(t.dataSource, '现场照片.jpg', province.keyId);
  // The county's station: materials with files, two declared missing items, someone who left before the cut-off.
  const own = await apply(t.dataSource, round, s.countyStation, {
    status: 'REVIEWED',
    materials: [{ criterionId: material().id, items: [{ title: '市场准入业务指导记录（2025年）', fileIds: [fileA, fileB] }, { title: '指导台账', fileIds: ['not-a-file-id'] }] }],
    missingItems: [
      { itemId: accepted().id, duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' },
      { itemId: undecided().id, duty: 'DRUG', reason: '无药品监管职责' },
    ],
    editFacts: (frozen) => {
      const leaver = frozen.facts.personnel.find((p) => p.staffingType !== 'AUXILIARY')!;
      leaver.name = '已离职人员';
      leaver.leftOn = '2026-03-31';
    },
  });
  await reviewAll(t.dataSource, round, own.id);
  await decideMissingItem(t.dataSource, own.id, accepted().id, true, '核实无此职责');
  apps.set(s.countyStation, own);
  // Others: reviewed (some reach three stars), one only submitted, one a draft.
  const statuses = ['REVIEWED', 'REVIEWED', 'REVIEWED', 'REVIEWED', 'REVIEWED', 'REVIEWED', 'SUBMITTED', 'DRAFT'] as const;
  for (const [i, status] of statuses.entries()) {
    const code = others()[i];
    const app = await apply(t.dataSource, round, code, { status });
    if (status !== 'DRAFT') await reviewAll(t.dataSource, round, app.id);
    apps.set(code, app);
  }
}, 180_000);

afterAll(async () => {
  await t.close();
});

describe('附件1 of an application', () => {
  test('.xlsx: the round and cut-off in the header, the round score per criterion, materials with file names, declared missing items with their decision, the digest', async () => {
    const app = apps.get(s.countyStation)!;
    const expected = await roundScore(t.dataSource, round, app.id);
    const res = await get(roundFormPaths(round.id, s.countyStation).scoringSheetXlsx, s.keys.county);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`form1-scoring-sheet-${s.countyStation}-round-${round.id.slice(0, 8)}.xlsx`);
    const sheet = (await readXlsx(res.body)).getWorksheet(SCORING_SHEET_NAME)!;
    expect(text(sheet.getCell(4, 1))).toContain(`评定批次：${round.name}（评定等级三星；批次申报中；申报已评审；`);
    expect(text(sheet.getCell(4, 1))).toContain(`截止日期：${AS_OF}`);
    expected.criteria.forEach((c, i) => expect([c.code, sheet.getCell(TOP + i, 5).value]).toEqual([c.code, c.points]));
    const rowOf = (id: string) => TOP + criteria().findIndex((c) => c.id === id);
    expect(text(sheet.getCell(rowOf(material().id), 7))).toBe('1. 市场准入业务指导记录（2025年）（指导记录2025.pdf、现场照片.jpg）\n2. 指导台账');
    expect(text(sheet.getCell(rowOf(accepted().id), 7))).toBe('合理缺项（申报）：辖区无特种设备监管职责（职责：SPECIAL_EQUIPMENT）；审核：采纳（核实无此职责）');
    expect(text(sheet.getCell(rowOf(undecided().id), 7))).toBe('合理缺项（申报）：无药品监管职责（职责：DRUG）；审核：待审核');
    expect(expected.criteria.find((c) => c.id === accepted().id)!.status).toBe('MISSING_ITEM');
    expect(expected.criteria.find((c) => c.id === undecided().id)!.status).not.toBe('MISSING_ITEM');
    const summary = summaryOf(sheet);
    expect([summary.get('总分'), summary.get('适用满分'), summary.get('结果摘要'), summary.get('输入哈希')]).toEqual([expected.total, expected.applicable, resultDigest(expected), expected.inputHash]);
  });

  test('.pdf: the round, the materials and the total as text', async () => {
    const expected = await roundScore(t.dataSource, round, apps.get(s.countyStation)!.id);
    const res = await get(roundFormPaths(round.id, s.countyStation).scoringSheetPdf, s.keys.county);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/pdf']);
    const all = (await readPdf(res.body)).map((p) => p.text).join('');
    for (const expectedText of [round.name, `截止日期：${AS_OF}`, '市场准入业务指导记录（2025年）', '辖区无特种设备监管职责', expected.total.toFixed(2), resultDigest(expected).slice(0, 16)]) expect(all).toContain(expectedText);
  });

  test('a push after submission moves the live 附件1, not the round one', async () => {
    const code = others()[0];
    const paths = roundFormPaths(round.id, code);
    const before = summaryOf((await readXlsx((await get(paths.scoringSheetXlsx, s.keys.province)).body)).getWorksheet(SCORING_SHEET_NAME)!);
    const liveBefore = summaryOf((await readXlsx((await get(`/api/v1/stations/${code}/forms/1.xlsx`, s.keys.province)).body)).getWorksheet(SCORING_SHEET_NAME)!);
    await t.dataSource.query(`DELETE FROM equipment WHERE station_code = $1`, [code]);
    await t.dataSource.query(`UPDATE station SET premises_independent = NOT premises_independent, rooms = '{}' WHERE code = $1`, [code]);
    await t.app.get(StationScoringService).score([code], { cutOff: AS_OF });
    const liveAfter = summaryOf((await readXlsx((await get(`/api/v1/stations/${code}/forms/1.xlsx`, s.keys.province)).body)).getWorksheet(SCORING_SHEET_NAME)!);
    const after = summaryOf((await readXlsx((await get(paths.scoringSheetXlsx, s.keys.province)).body)).getWorksheet(SCORING_SHEET_NAME)!);
    expect(liveAfter.get('总分')).not.toBe(liveBefore.get('总分'));
    expect(liveAfter.get('结果摘要')).not.toBe(liveBefore.get('结果摘要'));
    expect([after.get('总分'), after.get('结果摘要')]).toEqual([before.get('总分'), before.get('结果摘要')]);
  });

  test('a draft has no 附件1 or 附件2 yet (409 naming DRAFT) but its 附件3, to print and seal', async () => {
    const draft = others()[7];
    const paths = roundFormPaths(round.id, draft);
    for (const path of [paths.scoringSheetXlsx, paths.staffListXlsx]) {
      const res = await get(path, s.keys.province);
      expect([res.status, res.json().error.code]).toEqual([409, 'CONFLICT']);
      expect(res.json().error.message).toMatch(/the application is DRAFT/);
    }
    expect((await get(paths.certificationPdf, s.keys.province)).status).toBe(200);
  });
});

describe('download paths over GraphQL', () => {
  test('round.lists and application.forms name the endpoints that serve them', async () => {
    const res = await t.graphql(
      `query($id: ID!) { round(id: $id) { lists { publicationListXlsx publicationListPdf resultsXlsx } applications(first: 1) { edges { node { stationCode forms { scoringSheetXlsx scoringSheetPdf staffListXlsx certificationXlsx certificationPdf } } } } } }`,
      { id: round.id },
      s.keys.county,
    );
    expect(res.body.errors).toBeUndefined();
    const { lists, applications } = res.body.data.round;
    expect(lists).toEqual(roundListPaths(round.id));
    const node = applications.edges[0].node;
    expect(node.stationCode).toBe(s.countyStation);
    expect(node.forms).toEqual(roundFormPaths(round.id, s.countyStation));
    expect((await get(node.forms.certificationPdf, s.keys.county)).status).toBe(200);
    expect((await get(node.forms.scoringSheetXlsx, s.keys.county)).status).toBe(200);
  });
});

describe('附件2 and 附件3 of an application', () => {
  test('附件2: the frozen personnel on the roster at the cut-off, names for the county key, training of the year before the cut-off', async () => {
    const frozen = apps.get(s.countyStation)!.frozenFacts!;
    const onRoster = frozen.facts.personnel.filter((p) => !p.leftOn || p.leftOn > AS_OF);
    expect(onRoster.length).toBe(frozen.facts.personnel.length - 1);
    const res = await get(roundFormPaths(round.id, s.countyStation).staffListXlsx, s.keys.county);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(STAFF_LIST_SHEET)!;
    const names = Array.from({ length: onRoster.length + 1 }, (_, i) => text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1 + i, 2)));
    expect(names.slice(0, -1).sort()).toEqual(onRoster.map((p) => p.name).sort());
    expect(names).not.toContain('已离职人员');
    expect(text(sheet.getCell(STAFF_LIST_HEADER_ROW, 11))).toBe('2025年脱产培训时间（天或学时）');
  });

  test('附件2 for a province key: personal data hidden', async () => {
    const frozen = apps.get(s.countyStation)!.frozenFacts!;
    const res = await get(roundFormPaths(round.id, s.countyStation).staffListXlsx, s.keys.province);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(STAFF_LIST_SHEET)!;
    const cells = [2, 4, 8, 9].map((c) => text(sheet.getCell(STAFF_LIST_HEADER_ROW + 1, c)));
    expect(new Set(cells)).toEqual(new Set(['（已隐去）']));
    expect(res.body.includes(Buffer.from(frozen.facts.personnel[0].name))).toBe(false);
  });

  test('附件3: the 12 items as certified, 有关情况, certified by and on (.xlsx and PDF)', async () => {
    const given = certification();
    const res = await get(roundFormPaths(round.id, s.countyStation).certificationXlsx, s.keys.county);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(CERTIFICATION_SHEET)!;
    for (let item = 1; item <= 12; item++) {
      const row = sheet.getRow(CERTIFICATION_HEADER_ROW + item);
      expect([item, text(row.getCell(3)), text(row.getCell(4))]).toEqual([item, given.items[String(item)] ? '√' : '', given.items[String(item)] ? '' : '√']);
    }
    expect(text(sheet.getCell(CERTIFICATION_HEADER_ROW + 13, 1))).toBe(`有关情况：${given.remarks}`);
    expect(text(sheet.getCell(4, 1))).toContain('证明年度：2026年度');
    const pdf = await get(roundFormPaths(round.id, s.countyStation).certificationPdf, s.keys.county);
    const [page] = await readPdf(pdf.body);
    expect(page.items.filter((i) => i.str === '√')).toHaveLength(12);
    for (const expectedText of ['第4项：2025年有1件行政复议案件被撤销', '测试区市场监督管理局', '2026年6月20日']) expect(page.text).toContain(expectedText);
  });
});

describe('scope', () => {
  test('another county 404, a key of another province 404 (the round is hidden), a station that did not apply 404, malformed ids 400', async () => {
    const paths = roundFormPaths(round.id, s.countyStation);
    expect((await get(paths.scoringSheetXlsx, s.keys.otherCounty)).status).toBe(404);
    expect((await get(paths.scoringSheetXlsx, s.keys.otherProvince)).status).toBe(404);
    expect((await get(roundListPaths(round.id).publicationListXlsx, s.keys.otherProvince)).status).toBe(404);
    expect((await get(roundFormPaths(round.id, others()[20]).certificationXlsx, s.keys.province)).status).toBe(404);
    expect((await get(roundFormPaths(randomUUID(), s.countyStation).scoringSheetXlsx, s.keys.admin)).status).toBe(404);
    expect((await get(`/api/v1/rounds/${round.id}/stations/${s.countyStation}/forms/2.pdf`, s.keys.county)).status).toBe(404);
    const bad = await get(`/api/v1/rounds/not-a-uuid/stations/${encodeURIComponent('bad code!')}/forms/1.xlsx`, s.keys.admin);
    expect([bad.status, bad.json().error.problems!.map((p) => p.path)]).toEqual([400, ['roundId', 'code']]);
    const badCode = await get(`/api/v1/rounds/${round.id}/stations/${encodeURIComponent('bad code!')}/forms/1.xlsx`, s.keys.admin);
    expect([badCode.status, badCode.json().error.problems!.map((p) => p.path)]).toEqual([400, ['code']]);
  });

  test('results.xlsx: 403 for CITY and COUNTY keys, 404 for another province', async () => {
    const path = roundListPaths(round.id).resultsXlsx;
    expect((await get(path, s.keys.city)).status).toBe(403);
    expect((await get(path, s.keys.county)).status).toBe(403);
    expect((await get(path, s.keys.otherProvince)).status).toBe(404);
  });
});

describe('公示名单', () => {
  test('409 naming the status before publication', async () => {
    for (const status of ['OPEN', 'REVIEW'] as const) {
      await setRoundStatus(t.dataSource, round, status);
      const res = await get(roundListPaths(round.id).publicationListXlsx, s.keys.county);
      expect([res.status, res.json().error.code]).toEqual([409, 'CONFLICT']);
      expect(res.json().error.message).toContain(`the round is ${status}`);
    }
  });

  test('once PUBLICIZING: the REVIEWED applications reaching the level, by city, county then total; for any key of the province (.xlsx and PDF)', async () => {
    await setRoundStatus(t.dataSource, round, 'PUBLICIZING');
    const scored = await Promise.all([...apps.entries()].filter(([, a]) => a.status !== 'DRAFT').map(async ([code, a]) => ({ code, status: a.status, result: await roundScore(t.dataSource, round, a.id) })));
    const proposed = scored.filter((r) => r.status === 'REVIEWED' && isAwarded(r.result, 'THREE_STAR'));
    const submittedOnly = scored.find((r) => r.status === 'SUBMITTED')!;
    expect(proposed.length).toBeGreaterThanOrEqual(2);
    // The submitted one would reach the level too: it is left out for its status.
    expect(isAwarded(submittedOnly.result, 'THREE_STAR')).toBe(true);
    const bundles = [...s.province.stations()];
    const county = new Map(bundles.map((b) => [b.code, b.profile.countyCode]));
    const names = new Map(bundles.map((b) => [b.code, b.profile.name]));
    // County codes begin with their city's: by county code is by city, then county.
    const expected = [...proposed].sort((a, b) => county.get(a.code)!.localeCompare(county.get(b.code)!) || b.result.total - a.result.total || a.code.localeCompare(b.code));
    expect(new Set(expected.map((e) => county.get(e.code))).size).toBeGreaterThan(1);
    const res = await get(roundListPaths(round.id).publicationListXlsx, s.keys.county);
    expect(res.status).toBe(200);
    const sheet = (await readXlsx(res.body)).getWorksheet(PUBLICATION_SHEET)!;
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(4 + i)).map((r) => [text(r.getCell(4)), r.getCell(5).value]);
    expect(rows).toEqual(expected.map((e) => [names.get(e.code), e.result.total]));
    expect(rows.map(([name]) => name)).not.toContain(names.get(submittedOnly.code));
    expect(text(sheet.getCell(2, 1))).toContain('公示期：2026年7月10日至2026年7月16日');
    const pdf = await get(roundListPaths(round.id).publicationListPdf, s.keys.city);
    expect(pdf.status).toBe(200);
    const all = (await readPdf(pdf.body)).map((p) => p.text).join('');
    for (const e of expected) expect(all).toContain(names.get(e.code));
  });
});

describe('results.xlsx', () => {
  const COLUMNS = ['序号', '所代码', '市场监管所', '地市', '县（市、区）', '申报状态', '得分合计', '适用满分', '折算得分', '加分', '总分', '星级', '否定项', '待评审', '结果摘要'];

  async function resultRows(key: string) {
    const res = await get(roundListPaths(round.id).resultsXlsx, key);
    expect([res.status, res.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const sheet = (await readXlsx(res.body)).getWorksheet(RESULTS_SHEET)!;
    expect(sheet.getRow(3).values).toEqual([undefined, ...COLUMNS]);
    return Array.from({ length: sheet.rowCount - 3 }, (_, i) => sheet.getRow(4 + i)).map((r) => ({ code: text(r.getCell(2)), status: text(r.getCell(6)), total: r.getCell(11).value, digest: text(r.getCell(15)) }));
  }

  test('every submitted application (not the draft), its round total and digest', async () => {
    const rows = await resultRows(s.keys.province);
    const submitted = [...apps.entries()].filter(([, a]) => a.status !== 'DRAFT');
    expect(rows.map((r) => r.code).sort()).toEqual(submitted.map(([code]) => code).sort());
    for (const [code, a] of submitted) {
      const expected = await roundScore(t.dataSource, round, a.id);
      expect(rows.find((r) => r.code === code)).toEqual({ code, status: a.status === 'SUBMITTED' ? '已提交' : '已评审', total: expected.total, digest: resultDigest(expected) });
    }
  });

  test('a review changed after a download shows in the next one (remembered results are keyed by what they depend on)', async () => {
    const code = others()[1];
    const app = apps.get(code)!;
    const first = (await resultRows(s.keys.province)).find((r) => r.code === code)!;
    await t.dataSource.query(`UPDATE round_criterion_review SET points = 0 WHERE application_id = $1`, [app.id]);
    const changed = await roundScore(t.dataSource, round, app.id);
    expect(changed.total).toBeLessThan(first.total as number);
    const second = (await resultRows(s.keys.province)).find((r) => r.code === code)!;
    expect([second.total, second.digest]).toEqual([changed.total, resultDigest(changed)]);
    // A resubmission bumps the application's version: its new frozen facts are scored, not the remembered result.
    await t.dataSource.query(`UPDATE round_application SET frozen_facts = jsonb_set(frozen_facts, '{facts,equipment}', '[]'), version = version + 1 WHERE id = $1`, [app.id]);
    const resubmitted = await roundScore(t.dataSource, round, app.id);
    expect(resubmitted.total).not.toBe(changed.total);
    expect((await resultRows(s.keys.province)).find((r) => r.code === code)!.total).toBe(resubmitted.total);
  });

  test('once CONFIRMED the stored round_result is what 附件1 and the table show', async () => {
    const app = apps.get(s.countyStation)!;
    const computed = await roundScore(t.dataSource, round, app.id);
    const stored = { ...computed, total: 99.5, stars: 3 as const, eligible: true, blockingVetoes: [] };
    const digest = 'f'.repeat(64);
    // The result goes in before the round is CONFIRMED: the sealing trigger refuses results of a confirmed round.
    await t.dataSource.query(`UPDATE round_application SET status = 'AWARDED', version = version + 1 WHERE id = $1`, [app.id]);
    await t.dataSource.query(
      `INSERT INTO round_result (application_id, round_id, station_code, seq, input_hash, result_digest, previous_hash, chain_hash, result, inputs, total, stars, awarded, confirmed_at)
       VALUES ($1, $2, $3, 1, $4, $5, NULL, $6, $7::jsonb, '{}'::jsonb, $8, $9, true, now())`,
      [app.id, round.id, s.countyStation, app.frozenInputHash, digest, 'e'.repeat(64), JSON.stringify(stored), stored.total, stored.stars],
    );
    await setRoundStatus(t.dataSource, round, 'CONFIRMED');
    const row = (await resultRows(s.keys.admin)).find((r) => r.code === s.countyStation);
    expect(row).toEqual({ code: s.countyStation, status: '认定', total: 99.5, digest });
    const sheet = (await readXlsx((await get(roundFormPaths(round.id, s.countyStation).scoringSheetXlsx, s.keys.county)).body)).getWorksheet(SCORING_SHEET_NAME)!;
    expect([summaryOf(sheet).get('总分'), summaryOf(sheet).get('结果摘要')]).toEqual([99.5, digest]);
    expect(text(sheet.getCell(4, 1))).toContain('认定结果');
    const list = (await readXlsx((await get(roundListPaths(round.id).publicationListXlsx, s.keys.county)).body)).getWorksheet(PUBLICATION_SHEET)!;
    const totals = Array.from({ length: list.rowCount - 3 }, (_, i) => list.getRow(4 + i).getCell(5).value);
    expect(totals).toContain(99.5);
  });
});

describe('RoundResultMemo', () => {
  test('keys differ by version and overlay; the least recently used entry goes first', () => {
    const overlay = { reviews: [{ criterionId: '1.1.1.1', points: 1, note: '' }], inspections: [], missingItemDecisions: [], liveVetoes: [] };
    const key = RoundResultMemo.key('a', 1, overlay);
    expect(RoundResultMemo.key('a', 1, { ...overlay })).toBe(key);
    expect(RoundResultMemo.key('a', 2, overlay)).not.toBe(key);
    expect(RoundResultMemo.key('a', 1, { ...overlay, reviews: [{ criterionId: '1.1.1.1', points: 0.5, note: '' }] })).not.toBe(key);
    const memo = new RoundResultMemo(2);
    const result = { raw: 1, applicable: 100, rebased: 1, bonus: 0, total: 1, stars: 0, eligible: true, blockingVetoes: [], pendingCriteria: [] } as unknown as ScoreResult;
    memo.set('x', result, 'dx');
    memo.set('y', result, 'dy');
    expect(memo.get('x')?.digest).toBe('dx');
    memo.set('z', result, 'dz');
    expect([memo.size, memo.get('y'), memo.get('x')?.digest, memo.get('z')?.digest]).toEqual([2, undefined, 'dx', 'dz']);
  });
});

describe('paths', () => {
  test('roundFormPaths and roundListPaths name the endpoints', () => {
    expect(roundFormPaths('r1', '130402001')).toEqual({
      scoringSheetXlsx: '/api/v1/rounds/r1/stations/130402001/forms/1.xlsx',
      scoringSheetPdf: '/api/v1/rounds/r1/stations/130402001/forms/1.pdf',
      staffListXlsx: '/api/v1/rounds/r1/stations/130402001/forms/2.xlsx',
      certificationXlsx: '/api/v1/rounds/r1/stations/130402001/forms/3.xlsx',
      certificationPdf: '/api/v1/rounds/r1/stations/130402001/forms/3.pdf',
    });
    expect(roundListPaths('r1')).toEqual({ publicationListXlsx: '/api/v1/rounds/r1/publication-list.xlsx', publicationListPdf: '/api/v1/rounds/r1/publication-list.pdf', resultsXlsx: '/api/v1/rounds/r1/results.xlsx' });
  });
});

/** 附件1's summary and footer: label in column 1, value in column 5. */
function summaryOf(sheet: import('exceljs').Worksheet): Map<string, unknown> {
  const summary = new Map<string, unknown>();
  for (let r = TOP + criteria().length; r <= sheet.rowCount; r++) summary.set(text(sheet.getCell(r, 1)), sheet.getCell(r, 5).value);
  return summary;
}

