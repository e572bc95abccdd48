// 附件3 证明材料 as .xlsx (A4 portrait), ready to print and seal.
import type { CertificationView } from '../../views/certification.view.js';
import { CERTIFICATION_COLUMNS, CERTIFICATION_NOTE, certificationLayout } from '../certification.layout.js';
import { heightFor, HEADER_FILL, newWorkbook, printSetup, put, TITLE_FONT, toBuffer, wrappedLines } from './xlsx-support.js';

const WIDTHS = [7, 62, 7, 7];
export const CERTIFICATION_HEADER_ROW = 5;
export const CERTIFICATION_SHEET = '附件3 证明材料';

export async function renderCertificationXlsx(view: CertificationView, generatedAt: Date): Promise<Buffer> {
  const layout = certificationLayout(view);
  const workbook = newWorkbook(generatedAt);
  const sheet = workbook.addWorksheet(CERTIFICATION_SHEET, { pageSetup: printSetup({ orientation: 'portrait' }) });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getCell(1, 1).value = '附件3';
  sheet.getCell(1, 1).font = { name: '黑体', size: 12 };
  const title = sheet.getCell(2, 1);
  title.value = layout.title;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(2, 1, 2, 4);
  sheet.getRow(2).height = 34;
  layout.header.forEach((text, i) => {
    const cell = sheet.getCell(3 + i, 1);
    cell.value = text;
    cell.font = { name: '宋体', size: 10 };
    sheet.mergeCells(3 + i, 1, 3 + i, 4);
    sheet.getRow(3 + i).height = 20;
  });
  CERTIFICATION_COLUMNS.forEach((text, i) => put(sheet, CERTIFICATION_HEADER_ROW, i + 1, CERTIFICATION_HEADER_ROW, i + 1, text, { bold: true, align: 'center', fill: HEADER_FILL }));
  sheet.getRow(CERTIFICATION_HEADER_ROW).height = 22;
  layout.rows.forEach((cells, i) => {
    const r = CERTIFICATION_HEADER_ROW + 1 + i;
    cells.forEach((value, c) => put(sheet, r, c + 1, r, c + 1, value, { align: c === 1 ? 'left' : 'center' }));
    sheet.getRow(r).height = Math.max(26, heightFor(wrappedLines(cells[1], WIDTHS[1])));
  });
  let r = CERTIFICATION_HEADER_ROW + layout.rows.length + 1;
  put(sheet, r, 1, r, 4, layout.remarks, { valign: 'top' });
  sheet.getRow(r).height = Math.max(90, heightFor(wrappedLines(layout.remarks, WIDTHS.reduce((a, b) => a + b, 0))));
  r += 1;
  const note = sheet.getCell(r, 1);
  note.value = CERTIFICATION_NOTE;
  note.font = { name: '宋体', size: 9 };
  note.alignment = { wrapText: true, vertical: 'top' };
  sheet.mergeCells(r, 1, r, 4);
  sheet.getRow(r).height = 30;
  // Room for the seal above the issuer and date.
  r += 4;
  for (const text of layout.issuer) {
    const cell = sheet.getCell(r, 2);
    cell.value = text;
    cell.font = { name: '宋体', size: 11 };
    cell.alignment = { horizontal: 'right' };
    sheet.mergeCells(r, 2, r, 4);
    sheet.getRow(r).height = 24;
    r += 1;
  }
  return toBuffer(workbook);
}
