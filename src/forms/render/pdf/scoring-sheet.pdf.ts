// 附件1 评分表 as PDF (A4 landscape): the same layout as the spreadsheet, with the
// indicator cells spanning their criteria and repeated (续) across page breaks.
import { fixed } from '../../labels.js';
import type { ScoringSheetView } from '../../views/scoring-sheet.view.js';
import { SHEET_COLUMNS, scoringSheetLayout, type ItemSection, type ScoringSheetLayout } from '../scoring-sheet.layout.js';
import { drawGrid, type GridRow, type RowSpan } from './grid.js';
import { BOLD, createPdf, pageFooters, REGULAR } from './pdf-support.js';

// 一级 二级 三级 评分细则 得分 申报材料清单 提供材料目录 评分说明 (786 pt between the margins).
const WIDTHS = [38, 42, 112, 190, 32, 150, 96, 126];
const [A, B, C, D, E, F, G, H] = [0, 1, 2, 3, 4, 5, 6, 7];

export async function renderScoringSheetPdf(view: ScoringSheetView): Promise<Buffer> {
  const layout = scoringSheetLayout(view);
  const { doc, finish } = createPdf({ layout: 'landscape', title: `附件1 评分表 ${view.station.name}`, createdAt: view.generatedAt });
  doc.font(REGULAR).fontSize(10).text('附件1');
  doc.font(BOLD).fontSize(14).text(layout.title, { align: 'center' });
  doc.moveDown(0.4);
  doc.font(REGULAR).fontSize(8.5);
  const [station, region, evaluation, cutOff, rules] = layout.header;
  for (const pairs of [[station, region], [evaluation, cutOff, rules]]) doc.text(pairs.map(([label, value]) => `${label}：${value}`).join('\u3000\u3000'));
  doc.moveDown(0.3);
  drawGrid(doc, { widths: WIDTHS, fontSize: 6.8, header: { cells: SHEET_COLUMNS.map((c, i) => ({ from: i, to: i, text: c.title, align: 'center' })) }, ...gridBody(layout) });
  pageFooters(doc, `${view.station.code} ${view.station.name}\u3000结果摘要 ${view.resultDigest.slice(0, 16)}…`);
  return finish();
}

function gridBody(layout: ScoringSheetLayout): { rows: GridRow[]; spans: RowSpan[] } {
  const rows: GridRow[] = layout.lines.map((line) => ({
    cells: [
      { from: D, to: D, text: line.rule },
      { from: E, to: E, text: fixed(line.points, 1), align: 'center' },
      { from: G, to: G, text: line.provided },
      { from: H, to: H, text: line.reason },
    ],
  }));
  const spans: RowSpan[] = [];
  for (const span of layout.spans) {
    const col = span.level === 1 ? A : span.level === 2 ? B : C;
    spans.push({ col, from: span.from, to: span.to, text: span.text, align: span.level === 3 ? 'left' : 'center', keepTogether: span.level === 3 });
    if (span.level === 3) spans.push({ col: F, from: span.from, to: span.to, text: layout.materials.get(span.id) ?? '', keepTogether: true });
  }
  for (const section of [layout.bonus, layout.vetoes]) addSection(rows, spans, section);
  rows.push({ cells: [{ from: A, to: A, text: layout.notes.title, align: 'center', bold: true }, { from: B, to: H, text: layout.notes.rows[0]?.text ?? '' }] });
  for (const line of layout.summary) {
    const value = typeof line.value === 'number' && line.decimals !== undefined ? fixed(line.value, line.decimals) : String(line.value);
    rows.push({ cells: [{ from: A, to: D, text: line.label, align: 'right', bold: true }, { from: E, to: E, text: value, align: 'center', bold: true }, { from: F, to: H, text: line.note }] });
  }
  for (const [label, value] of layout.footer) rows.push({ cells: [{ from: A, to: D, text: label, align: 'right' }, { from: E, to: H, text: value }] });
  return { rows, spans };
}

function addSection(rows: GridRow[], spans: RowSpan[], section: ItemSection): void {
  const from = rows.length;
  for (const item of section.rows) {
    rows.push({
      cells: [
        { from: B, to: D, text: item.text },
        { from: E, to: E, text: typeof item.points === 'number' ? fixed(item.points, 1) : item.points, align: 'center' },
        { from: F, to: F, text: item.evidence },
        { from: G, to: G, text: item.provided },
        { from: H, to: H, text: item.note },
      ],
    });
  }
  spans.push({ col: A, from, to: rows.length - 1, text: section.title, align: 'center', bold: true, keepTogether: false });
}
