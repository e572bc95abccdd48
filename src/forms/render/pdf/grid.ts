// A ruled table for pdfkit: rows of cells spanning columns, cells spanning rows (the
// document's merged indicator cells), the header row repeated on every page, and page
// breaks only between blocks that must stay together. A row-spanning cell that crosses a
// page break is drawn on each page, its text marked （续） after the first.
import { BOLD, REGULAR } from './pdf-support.js';

export type Align = 'left' | 'center' | 'right';

export interface GridCell {
  /** First and last column (inclusive). */
  from: number;
  to: number;
  text: string;
  align?: Align;
  bold?: boolean;
}

export interface GridRow {
  cells: GridCell[];
}

export interface RowSpan {
  col: number;
  /** First and last row (inclusive). */
  from: number;
  to: number;
  text: string;
  align?: Align;
  bold?: boolean;
  /** Its rows never break across pages. */
  keepTogether: boolean;
}

export interface GridSpec {
  widths: number[];
  header: GridRow;
  rows: GridRow[];
  spans: RowSpan[];
  fontSize: number;
}

const PAD = 2.5;
const LINE = 0.5;

export function drawGrid(doc: PDFKit.PDFDocument, spec: GridSpec): void {
  const x = columnStarts(doc.page.margins.left, spec.widths);
  const width = (from: number, to: number) => x[to + 1] - x[from];
  const textHeight = (text: string, w: number, bold = false) => {
    doc.font(bold ? BOLD : REGULAR).fontSize(spec.fontSize);
    return text === '' ? 0 : doc.heightOfString(text, { width: w - 2 * PAD });
  };
  const heights = spec.rows.map((row) => Math.max(spec.fontSize + 2 * PAD + 2, ...row.cells.map((c) => textHeight(c.text, width(c.from, c.to), c.bold) + 2 * PAD)));
  // Narrow spans first: their rows grow before the wider spans around them measure.
  for (const span of [...spec.spans].sort((a, b) => a.to - a.from - (b.to - b.from))) {
    grow(heights, span.from, span.to, textHeight(span.text, width(span.col, span.col), span.bold) + 2 * PAD);
  }
  const headerHeight = Math.max(...spec.header.cells.map((c) => textHeight(c.text, width(c.from, c.to), true) + 2 * PAD));
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  // Drawing text moves doc.y; the grid keeps its own cursor.
  let y = doc.y;
  const drawHeader = () => {
    for (const cell of spec.header.cells) drawCell(doc, { ...cell, bold: true }, x[cell.from], y, width(cell.from, cell.to), headerHeight, spec.fontSize, '#E7E6E6');
    y += headerHeight;
  };

  const open = new Map<RowSpan, { y: number; continued: boolean }>();
  const closeSpan = (span: RowSpan, yEnd: number) => {
    const segment = open.get(span);
    if (!segment) return;
    open.delete(span);
    const text = segment.continued ? `${span.text}（续）` : span.text;
    drawCell(doc, { from: span.col, to: span.col, text, align: span.align, bold: span.bold }, x[span.col], segment.y, width(span.col, span.col), yEnd - segment.y, spec.fontSize);
  };
  drawHeader();
  for (const [from, to] of blocks(spec.rows.length, spec.spans)) {
    const blockHeight = heights.slice(from, to + 1).reduce((a, b) => a + b, 0);
    if (y + blockHeight > bottom() && y > doc.page.margins.top + headerHeight + 1) {
      const continuing = [...open.keys()];
      for (const span of continuing) closeSpan(span, y);
      doc.addPage();
      y = doc.page.margins.top;
      drawHeader();
      for (const span of continuing) open.set(span, { y, continued: true });
    }
    for (let r = from; r <= to; r++) {
      for (const span of spec.spans) if (span.from === r) open.set(span, { y, continued: false });
      for (const cell of spec.rows[r].cells) drawCell(doc, cell, x[cell.from], y, width(cell.from, cell.to), heights[r], spec.fontSize);
      y += heights[r];
      for (const span of spec.spans) if (span.to === r) closeSpan(span, y);
    }
  }
  doc.y = y;
  doc.x = doc.page.margins.left;
}

function columnStarts(left: number, widths: number[]): number[] {
  const x = [left];
  for (const w of widths) x.push(x[x.length - 1] + w);
  return x;
}

function grow(heights: number[], from: number, to: number, needed: number): void {
  let have = 0;
  for (let i = from; i <= to; i++) have += heights[i];
  if (have >= needed) return;
  const extra = (needed - have) / (to - from + 1);
  for (let i = from; i <= to; i++) heights[i] += extra;
}

/** Consecutive row ranges that may not be split: each keepTogether span's rows, every other row alone. */
function blocks(rows: number, spans: RowSpan[]): [number, number][] {
  const end = Array.from({ length: rows }, (_, i) => i);
  for (const span of spans) if (span.keepTogether) for (let r = span.from; r <= span.to; r++) end[r] = Math.max(end[r], span.to);
  const out: [number, number][] = [];
  for (let r = 0; r < rows; ) {
    let last = end[r];
    for (let k = r; k <= last; k++) last = Math.max(last, end[k]);
    out.push([r, last]);
    r = last + 1;
  }
  return out;
}

function drawCell(doc: PDFKit.PDFDocument, cell: GridCell, x: number, y: number, w: number, h: number, fontSize: number, fill?: string): void {
  if (fill) doc.rect(x, y, w, h).fill(fill).fillColor('black');
  doc.lineWidth(LINE).rect(x, y, w, h).stroke();
  if (cell.text === '') return;
  doc.font(cell.bold ? BOLD : REGULAR).fontSize(fontSize);
  const inner = w - 2 * PAD;
  const textHeight = Math.min(doc.heightOfString(cell.text, { width: inner }), h - 2 * PAD);
  // pdfkit would start a new page for text below the bottom margin; the grid decides pages itself.
  const saved = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.text(cell.text, x + PAD, y + (h - textHeight) / 2, { width: inner, height: h - PAD, align: cell.align ?? 'left', ellipsis: true });
  doc.page.margins.bottom = saved;
}
