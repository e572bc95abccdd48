// 附件1 评分表 as .xlsx: the document's table with real merged cells for the indicators and
// their materials, 得分 as numbers (0.0), then bonus, vetoes, notes, totals and the digest.
import type ExcelJS from 'exceljs';
import type { ScoringSheetView } from '../../views/scoring-sheet.view.js';
import { SHEET_COLUMNS, scoringSheetLayout, type ItemSection, type ScoringSheetLayout, type SheetColumnKey } from '../scoring-sheet.layout.js';
import { pageFooter, heightFor, HEADER_FILL, newWorkbook, POINTS_FORMAT, printSetup, put, TITLE_FONT, toBuffer, TOTAL_FORMAT, wrappedLines } from './xlsx-support.js';

const WIDTHS: Readonly<Record<SheetColumnKey, number>> = { first: 9, second: 10, third: 26, rule: 42, points: 8, materials: 34, provided: 20, reason: 40 };
const COL: Readonly<Record<SheetColumnKey, number>> = Object.fromEntries(SHEET_COLUMNS.map((c, i) => [c.key, i + 1])) as Record<SheetColumnKey, number>;
const LAST = SHEET_COLUMNS.length;
const width = (from: SheetColumnKey, to: SheetColumnKey) => SHEET_COLUMNS.slice(COL[from] - 1, COL[to]).reduce((sum, c) => sum + WIDTHS[c.key], 0);

/** Row of the column titles; criteria start on the row after it. */
export const SCORING_SHEET_HEADER_ROW = 5;
export const SCORING_SHEET_NAME = '附件1 评分表';

export async function renderScoringSheetXlsx(view: ScoringSheetView): Promise<Buffer> {
  const layout = scoringSheetLayout(view);
  const workbook = newWorkbook(view.generatedAt);
  const sheet = workbook.addWorksheet(SCORING_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: SCORING_SHEET_HEADER_ROW }],
    pageSetup: printSetup({ orientation: 'landscape', titleRows: `${SCORING_SHEET_HEADER_ROW}:${SCORING_SHEET_HEADER_ROW}` }),
    headerFooter: {
      oddFooter: pageFooter(`${view.station.code} ${view.station.name} 结果摘要 ${view.resultDigest.slice(0, 16)}…`),
    },
  });
  sheet.columns = SHEET_COLUMNS.map((c) => ({ key: c.key, width: WIDTHS[c.key] }));
  writeHead(sheet, layout);
  let row = writeCriteria(sheet, layout, SCORING_SHEET_HEADER_ROW + 1);
  row = writeItems(sheet, layout.bonus, row);
  row = writeItems(sheet, layout.vetoes, row);
  row = writeNotes(sheet, layout.notes, row);
  row = writeSummary(sheet, layout, row);
  writeFooter(sheet, layout, row);
  return toBuffer(workbook);
}

function writeHead(sheet: ExcelJS.Worksheet, layout: ScoringSheetLayout): void {
  sheet.getCell(1, 1).value = '附件1';
  sheet.getCell(1, 1).font = { name: '黑体', size: 12 };
  const title = sheet.getCell(2, 1);
  title.value = layout.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(2, 1, 2, LAST);
  sheet.getRow(2).height = 30;
  // The header facts on two rows, so that the frozen pane stays short.
  const [station, region, evaluation, cutOff, rules] = layout.header;
  [[station, region], [evaluation, cutOff, rules]].forEach((pairs, i) => {
    const cell = sheet.getCell(3 + i, 1);
    cell.value = pairs.map(([label, value]) => `${label}：${value}`).join('\u3000\u3000');
    cell.font = { name: '宋体', size: 10 };
    cell.alignment = { vertical: 'middle', wrapText: true };
    sheet.mergeCells(3 + i, 1, 3 + i, LAST);
    sheet.getRow(3 + i).height = 18;
  });
  SHEET_COLUMNS.forEach((c, i) => put(sheet, SCORING_SHEET_HEADER_ROW, i + 1, SCORING_SHEET_HEADER_ROW, i + 1, c.title, { bold: true, align: 'center', fill: HEADER_FILL }));
  sheet.getRow(SCORING_SHEET_HEADER_ROW).height = 30;
}

/** The criteria rows with their merged indicator and material cells; answers the next free row. */
function writeCriteria(sheet: ExcelJS.Worksheet, layout: ScoringSheetLayout, top: number): number {
  const heights = layout.lines.map((line) =>
    heightFor(Math.max(wrappedLines(line.rule, WIDTHS.rule), wrappedLines(line.provided, WIDTHS.provided), wrappedLines(line.reason, WIDTHS.reason))),
  );
  layout.lines.forEach((line, i) => {
    const r = top + i;
    put(sheet, r, COL.rule, r, COL.rule, line.rule);
    put(sheet, r, COL.points, r, COL.points, line.points, { align: 'center', numFmt: POINTS_FORMAT });
    put(sheet, r, COL.provided, r, COL.provided, line.provided);
    put(sheet, r, COL.reason, r, COL.reason, line.reason);
  });
  // Deepest spans first, so a span's rows are grown before the spans around it measure them.
  for (const span of [...layout.spans].sort((a, b) => b.level - a.level)) {
    const column: SheetColumnKey = span.level === 1 ? 'first' : span.level === 2 ? 'second' : 'third';
    const texts: [SheetColumnKey, string][] = [[column, span.text]];
    if (span.level === 3) texts.push(['materials', layout.materials.get(span.id) ?? '']);
    for (const [key, text] of texts) {
      put(sheet, top + span.from, COL[key], top + span.to, COL[key], text, { align: span.level === 3 || key === 'materials' ? 'left' : 'center' });
      grow(heights, span.from, span.to, heightFor(wrappedLines(text, WIDTHS[key])));
    }
  }
  heights.forEach((h, i) => (sheet.getRow(top + i).height = Math.round(h * 10) / 10));
  return top + layout.lines.length;
}

/** Grows the rows [from, to] evenly until together they are at least `needed` high. */
function grow(heights: number[], from: number, to: number, needed: number): void {
  let have = 0;
  for (let i = from; i <= to; i++) have += heights[i];
  if (have >= needed) return;
  const extra = (needed - have) / (to - from + 1);
  for (let i = from; i <= to; i++) heights[i] += extra;
}

function writeItems(sheet: ExcelJS.Worksheet, section: ItemSection, top: number): number {
  const last = top + section.rows.length - 1;
  put(sheet, top, COL.first, last, COL.first, section.title, { bold: true, align: 'center' });
  section.rows.forEach((item, i) => {
    const r = top + i;
    put(sheet, r, COL.second, r, COL.rule, item.text);
    put(sheet, r, COL.points, r, COL.points, item.points, { align: 'center', numFmt: POINTS_FORMAT });
    put(sheet, r, COL.materials, r, COL.materials, item.evidence);
    put(sheet, r, COL.provided, r, COL.provided, item.provided);
    put(sheet, r, COL.reason, r, COL.reason, item.note);
    const lines = Math.max(wrappedLines(item.text, width('second', 'rule')), wrappedLines(item.evidence, WIDTHS.materials), wrappedLines(item.provided, WIDTHS.provided), wrappedLines(item.note, WIDTHS.reason));
    sheet.getRow(r).height = heightFor(lines);
  });
  return last + 1;
}

function writeNotes(sheet: ExcelJS.Worksheet, section: ItemSection, row: number): number {
  const text = section.rows[0]?.text ?? '';
  put(sheet, row, COL.first, row, COL.first, section.title, { bold: true, align: 'center' });
  put(sheet, row, COL.second, row, LAST, text);
  sheet.getRow(row).height = heightFor(wrappedLines(text, width('second', 'reason')));
  return row + 1;
}

function writeSummary(sheet: ExcelJS.Worksheet, layout: ScoringSheetLayout, top: number): number {
  layout.summary.forEach((line, i) => {
    const r = top + i;
    put(sheet, r, COL.first, r, COL.rule, line.label, { bold: true, align: 'right' });
    put(sheet, r, COL.points, r, COL.points, line.value, { bold: true, align: 'center', numFmt: line.decimals === 1 ? POINTS_FORMAT : line.decimals === 2 ? TOTAL_FORMAT : undefined });
    put(sheet, r, COL.materials, r, LAST, line.note);
    sheet.getRow(r).height = heightFor(Math.max(wrappedLines(line.note, width('materials', 'reason')), wrappedLines(String(line.value), WIDTHS.points)));
  });
  return top + layout.summary.length;
}

function writeFooter(sheet: ExcelJS.Worksheet, layout: ScoringSheetLayout, top: number): void {
  layout.footer.forEach(([label, value], i) => {
    put(sheet, top + i, COL.first, top + i, COL.rule, label, { align: 'right' });
    put(sheet, top + i, COL.points, top + i, LAST, value);
  });
}
