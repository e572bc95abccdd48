// What every spreadsheet of the forms shares: fonts, borders, number formats, print setup
// (A4, fit to width, repeated header rows) and an estimate of wrapped-text heights, since
// neither Excel nor WPS grows a merged cell's rows to fit its text.
import ExcelJS from 'exceljs';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 得分 of criteria and bonus items. */
export const POINTS_FORMAT = '0.0';
/** Totals, re-based scores. */
export const TOTAL_FORMAT = '0.00';

const FONT_NAME = '宋体';
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 9 };
export const BOLD_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 9, bold: true };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 16, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
export const ALL_BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

/** Points of one wrapped line at the body font size. */
const LINE_HEIGHT = 12;

export function newWorkbook(created: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Station Scorecard';
  workbook.created = created;
  workbook.modified = created;
  return workbook;
}

export interface PrintOptions {
  orientation: 'landscape' | 'portrait';
  /** Rows repeated at the top of every printed page, e.g. '4:4'. */
  titleRows?: string;
  /** Printed at the foot of every page (Excel header/footer codes allowed). */
  footer?: string;
}

/** A4, fit to one page wide (as many pages high as needed), narrow margins. */
export function printSetup(options: PrintOptions): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  };
}

/** A printed page foot: `left` on the left (an '&' in it doubled, as the header/footer codes need), page numbers on the right. */
export function pageFooter(left: string): string {
  return `&L${left.replaceAll('&', '&&')}&R第 &P 页，共 &N 页`;
}

/** Display width of a text in column-width units (a CJK or full-width character ≈ 2). */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2460-\u24ff\u3000-\u303f\u203b\u2605\u2606]/u.test(ch) ? 2 : 1.1;
  return units;
}

/** Wrapped lines of a text in a cell `width` units wide (body font). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width * 1.05 - 1);
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(textUnits(paragraph) / usable)), 0);
}

/** Row height (points) for this many wrapped lines. */
export function heightFor(lines: number): number {
  return Math.max(16, lines * LINE_HEIGHT + 4);
}

/** Styles a cell: body font, wrap, borders, optional alignment and number format. */
export function styleCell(cell: ExcelJS.Cell, opts: { bold?: boolean; align?: ExcelJS.Alignment['horizontal']; valign?: ExcelJS.Alignment['vertical']; numFmt?: string; fill?: ExcelJS.Fill } = {}): void {
  cell.font = opts.bold ? BOLD_FONT : BODY_FONT;
  cell.alignment = { wrapText: true, vertical: opts.valign ?? 'middle', horizontal: opts.align ?? 'left' };
  cell.border = ALL_BORDERS;
  if (opts.numFmt) cell.numFmt = opts.numFmt;
  if (opts.fill) cell.fill = opts.fill;
}

export type CellStyle = Parameters<typeof styleCell>[1];

/**
 * Writes a value into the top-left cell of [r1..r2] × [c1..c2], styles it and merges the
 * range; cells merged afterwards copy the style, so the whole range gets its borders.
 */
export function put(sheet: ExcelJS.Worksheet, r1: number, c1: number, r2: number, c2: number, value: ExcelJS.CellValue, style: CellStyle = {}): ExcelJS.Cell {
  const cell = sheet.getCell(r1, c1);
  cell.value = value;
  styleCell(cell, style);
  if (r2 > r1 || c2 > c1) sheet.mergeCells(r1, c1, r2, c2);
  return cell;
}

export async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
