// 附件1 评分表 rendered from generated stations scored by the engine, read back with exceljs
// and pdfjs: every criterion's points in its row, the merged cells of the rubric's
// structure, bonus, vetoes, totals, stars, the digest, print setup, and the PDF's text.
import type ExcelJS from 'exceljs';
import { renderScoringSheetPdf } from '../../src/forms/render/pdf/scoring-sheet.pdf.js';
import { renderScoringSheetXlsx, SCORING_SHEET_HEADER_ROW, SCORING_SHEET_NAME } from '../../src/forms/render/xlsx/scoring-sheet.xlsx.js';
import { getRubricIndex } from '../../src/rubric/index.js';
import { readPdf, readXlsx, text } from './support/readers.js';
import { columnRanges, pdfPointsColumn, rubricRanges } from './support/sheet-structure.js';
import { province, rubric, scoringSheet } from './support/generated.js';

const p = province();
const index = getRubricIndex(rubric);
const TOP = SCORING_SHEET_HEADER_ROW + 1;
/** A station without special-equipment duty (32③ is a reasonable missing item) and one with it. */
const bundles = [...p.stations()];
const withoutDuty = bundles.find((b) => !b.profile.duties.includes('SPECIAL_EQUIPMENT'))!;
const withBonus = bundles.find((b) => b.bonusEvents.length > 0 && b.profile.duties.includes('SPECIAL_EQUIPMENT'))!;

function summaryRow(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  for (let r = TOP + index.criteria.length; r <= sheet.rowCount; r++) if (text(sheet.getCell(r, 1)) === label) return sheet.getRow(r);
  throw new Error(`no summary row ${label}`);
}

describe('附件1 评分表 (.xlsx)', () => {
  const materials = new Map([
    ['1.1.1.1', ['市场准入业务指导记录（2025年）', '咨询服务台账']],
    ['4.15.32.2', ['人员专业背景统计表']],
  ]);
  let sheet: ExcelJS.Worksheet;
  const view = scoringSheet(p, withoutDuty, materials);

  beforeAll(async () => {
    sheet = (await readXlsx(await renderScoringSheetXlsx(view))).getWorksheet(SCORING_SHEET_NAME)!;
  });

  test('every criterion in its row: the rule with its points, 得分 as a number (0.0), the reason', () => {
    expect(view.score.criteria).toHaveLength(121);
    index.criteria.forEach((criterion, i) => {
      const row = sheet.getRow(TOP + i);
      const result = view.score.criteria[i];
      expect(result.id).toBe(criterion.id);
      expect(text(row.getCell(4))).toContain(criterion.text);
      expect(text(row.getCell(4))).toMatch(new RegExp(`（${criterion.points}分）$`));
      expect(row.getCell(5).value).toBe(result.points);
      expect(row.getCell(5).numFmt).toBe('0.0');
      expect(text(row.getCell(8))).toContain(result.reason);
    });
  });

  test.each([
    [1, 1, 5],
    [2, 2, 21],
    [3, 3, 46],
  ] as const)('level %i indicators: column %i holds exactly the rubric\'s %i ranges, merged over their criteria', (level, col, count) => {
    const expected = rubricRanges(TOP, level);
    expect(expected).toHaveLength(count);
    expect(columnRanges(sheet, TOP, col)).toEqual(expected.map((r) => [r.from, r.to]));
    for (const range of expected) expect(text(sheet.getCell(range.from, col))).toContain(level === 3 ? `${range.code}.` : range.code);
  });

  test('五星所申报材料清单 spans each third-level indicator like its name', () => {
    const ranges = rubricRanges(TOP, 3);
    expect(columnRanges(sheet, TOP, 6)).toEqual(ranges.map((r) => [r.from, r.to]));
    for (const third of index.thirdLevel) {
      const range = ranges.find((r) => r.id === third.id)!;
      expect(text(sheet.getCell(range.from, 6))).toBe(third.materials.length > 0 ? third.materials.join('\n') : '——');
    }
    // ※ marks the indicators the 4- and 3-star ratings require.
    expect(ranges.filter((r) => text(sheet.getCell(r.from, 3)).endsWith('※'))).toHaveLength(30);
  });

  test('提供材料目录: the materials given per criterion, and 合理缺项 with its reason', () => {
    const row = (id: string) => sheet.getRow(TOP + index.criterionOrdinal.get(id)!);
    expect(text(row('1.1.1.1').getCell(7))).toBe('1. 市场准入业务指导记录（2025年）\n2. 咨询服务台账');
    expect(text(row('4.15.32.2').getCell(7))).toBe('人员专业背景统计表');
    const missing = view.score.missingItems.find((m) => m.code === '32③')!;
    expect(missing).toBeDefined();
    expect(text(row('4.15.32.3').getCell(7))).toBe(`合理缺项：${missing.reason}`);
    expect(text(row('1.1.1.2').getCell(7))).toBe('');
  });

  test('totals, stars and the digest that identifies the score', () => {
    const { score } = view;
    expect(summaryRow(sheet, '得分合计（不含加分）').getCell(5).value).toBe(score.raw);
    expect(summaryRow(sheet, '适用满分').getCell(5).value).toBe(score.applicable);
    expect(summaryRow(sheet, '折算得分').getCell(5).value).toBe(score.rebased);
    expect(text(summaryRow(sheet, '折算得分').getCell(6))).toBe(score.rebaseNote);
    expect(summaryRow(sheet, '加分').getCell(5).value).toBe(score.bonus);
    const total = summaryRow(sheet, '总分').getCell(5);
    expect(total.value).toBe(score.total);
    expect(total.numFmt).toBe('0.00');
    expect(text(summaryRow(sheet, '星级').getCell(5))).toBe(!score.eligible ? '不能参评' : score.stars > 0 ? `${'一二三四五'[score.stars - 1]}星` : '未达到');
    expect(text(summaryRow(sheet, '结果摘要').getCell(5))).toBe(view.resultDigest);
    expect(text(summaryRow(sheet, '输入哈希').getCell(5))).toBe(score.inputHash);
  });

  test('header: station, county, evaluation and cut-off; print setup and frozen header', () => {
    const header = `${text(sheet.getCell(3, 1))} ${text(sheet.getCell(4, 1))}`;
    for (const part of [view.station.name, view.station.code, view.station.countyName, '实时评估', `截止日期：${view.score.cutOff}`]) expect(header).toContain(part);
    expect(text(sheet.getCell(2, 1))).toBe('五星市场监督管理所评定申报材料清单和提供材料目录');
    expect(['一级指标', '二级指标', '三级指标', '评分细则', '得分', '五星所申报材料清单', '提供材料目录'].map((_, i) => text(sheet.getCell(SCORING_SHEET_HEADER_ROW, i + 1)))).toEqual([
      '一级指标', '二级指标', '三级指标', '评分细则', '得分', '五星所申报材料清单', '提供材料目录',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: SCORING_SHEET_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe(`${SCORING_SHEET_HEADER_ROW}:${SCORING_SHEET_HEADER_ROW}`);
  });

  test('the printed foot names the station and digest, and numbers the pages (Excel header/footer codes intact)', () => {
    expect(sheet.headerFooter.oddFooter).toBe(`&L${view.station.code} ${view.station.name} 结果摘要 ${view.resultDigest.slice(0, 16)}…&R第 &P 页，共 &N 页`);
  });
});

describe('附件1 bonus and vetoes', () => {
  test('each bonus category with the points counted and the events; the vetoes by kind', async () => {
    const view = scoringSheet(p, withBonus);
    const sheet = (await readXlsx(await renderScoringSheetXlsx(view))).getWorksheet(SCORING_SHEET_NAME)!;
    const first = TOP + index.criteria.length;
    expect(text(sheet.getCell(first, 1))).toBe('加分项目（累计不超过10分）');
    rubric.bonus.categories.forEach((category, i) => {
      const row = sheet.getRow(first + i);
      const counted = view.score.bonusItems.filter((b) => b.category === category.category && b.counted).reduce((s, b) => s + b.points, 0);
      expect(text(row.getCell(2))).toBe(`（${category.number}）${category.text}`);
      expect(row.getCell(5).value).toBe(counted);
      expect(text(row.getCell(6))).toBe(category.evidence);
    });
    expect(view.score.bonusItems.length).toBeGreaterThan(0);
    const vetoTop = first + rubric.bonus.categories.length;
    expect(text(sheet.getCell(vetoTop, 1))).toBe('否定项目');
    rubric.vetoKinds.forEach((kind, i) => {
      const blocking = view.score.blockingVetoes.filter((v) => v.kind === kind.kind);
      expect(text(sheet.getCell(vetoTop + i, 5))).toBe(blocking.length > 0 ? '有' : '无');
    });
  });
});

describe('附件1 评分表 (PDF)', () => {
  const view = scoringSheet(p, withBonus);
  let pages: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    pages = await readPdf(await renderScoringSheetPdf(view));
  });

  test('Chinese text is there and selectable: title, station, every third-level indicator, totals and digest', () => {
    const all = pages.map((page) => page.text).join('');
    expect(all).toContain('五星市场监督管理所评定申报材料清单和提供材料目录');
    expect(all).toContain(view.station.name);
    for (const third of index.thirdLevel) expect(all).toContain(`${third.code}.${third.name.slice(0, 6)}`);
    expect(all).toContain(view.score.total.toFixed(2));
    expect(all).toContain(view.resultDigest);
  });

  test('every page repeats the table header and carries content (no blank pages)', () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.length).toBeLessThan(20);
    for (const page of pages) {
      expect(page.text).toContain('一级指标');
      expect(page.text).toContain('评分细则');
    }
  });

  test('the 得分 column lists every criterion\'s points top to bottom in rubric order', () => {
    const points = pdfPointsColumn(pages);
    expect(points.slice(0, 121)).toEqual(view.score.criteria.map((c) => c.points));
  });
});
