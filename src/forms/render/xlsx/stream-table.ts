// A one-sheet table written row by row with exceljs' streaming WorkbookWriter: memory stays
// flat however many rows come (a province-wide table has 40,000), the file goes out as it
// is made. Styles are set per column, so every row shares them.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ALL_BORDERS, BODY_FONT, BOLD_FONT, pageFooter, HEADER_FILL, printSetup, TITLE_FONT } from './xlsx-support.js';

export interface StreamColumn<T> {
  title: string;
  width: number;
  numFmt?: string;
  align?: 'left' | 'center' | 'right';
  value: (row: T, index: number) => ExcelJS.CellValue;
}

export interface StreamTableSpec<T> {
  sheetName: string;
  title: string;
  /** Lines under the title. */
  subtitle: string[];
  columns: StreamColumn<T>[];
  rows: AsyncIterable<T> | Iterable<T>;
  orientation: 'landscape' | 'portrait';
  footer: string;
  created: Date;
}

/** Writes the workbook to `out` and answers the number of data rows. */
export async function streamTable<T>(out: Writable, spec: StreamTableSpec<T>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Station Scorecard';
  workbook.created = spec.created;
  const headerRow = 2 + spec.subtitle.length;
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: printSetup({ orientation: spec.orientation, titleRows: `${headerRow}:${headerRow}` }),
    headerFooter: { oddFooter: pageFooter(spec.footer) },
  });
  sheet.columns = spec.columns.map((c) => ({ width: c.width }));
  // One style object per column, shared by its cells: exceljs recognises a style object it
  // has seen (a WeakMap by identity) instead of serialising it again for every cell.
  const styles: Partial<ExcelJS.Style>[] = spec.columns.map((c) => ({
    font: BODY_FONT,
    border: ALL_BORDERS,
    alignment: { vertical: 'middle', horizontal: c.align ?? 'left' },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
  const last = spec.columns.length;
  const title = sheet.getRow(1);
  title.height = 28;
  title.getCell(1).value = spec.title;
  title.getCell(1).style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
  sheet.mergeCells(1, 1, 1, last);
  title.commit();
  spec.subtitle.forEach((text, i) => {
    const row = sheet.getRow(2 + i);
    row.getCell(1).value = text;
    row.getCell(1).style = { font: { name: '宋体', size: 10 } };
    sheet.mergeCells(2 + i, 1, 2 + i, last);
    row.commit();
  });
  const header = sheet.getRow(headerRow);
  header.height = 24;
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.title;
    cell.style = { font: BOLD_FONT, border: ALL_BORDERS, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  header.commit();
  let count = 0;
  for await (const item of spec.rows) {
    // A client that went away leaves a destroyed stream: stop reading rows for it.
    if (out.destroyed) throw new Error('the output stream was closed before the table was complete');
    const row = sheet.addRow(spec.columns.map((c) => c.value(item, count)));
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
    row.commit();
    count += 1;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
