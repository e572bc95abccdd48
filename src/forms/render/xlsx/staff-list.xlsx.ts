// 附件2 人员一览表 as .xlsx: the document's header lines, its 12 columns, one row per person
// and the 填表说明 beneath.
import { chineseDate, countyBureau } from '../../views/common.js';
import type { StaffListView } from '../../views/staff-list.view.js';
import { STAFF_LIST_NOTES, STAFF_LIST_TITLE, staffListColumns, staffListRows } from '../staff-list.layout.js';
import { pageFooter, heightFor, HEADER_FILL, newWorkbook, printSetup, put, TITLE_FONT, toBuffer, wrappedLines } from './xlsx-support.js';

const WIDTHS = [6, 10, 8, 10, 12, 16, 10, 18, 22, 12, 16, 14];
export const STAFF_LIST_HEADER_ROW = 5;
export const STAFF_LIST_SHEET = '附件2 人员一览表';

export async function renderStaffListXlsx(view: StaffListView, generatedAt: Date): Promise<Buffer> {
  const columns = staffListColumns(view.trainingYear);
  const workbook = newWorkbook(generatedAt);
  const sheet = workbook.addWorksheet(STAFF_LIST_SHEET, {
    views: [{ state: 'frozen', ySplit: STAFF_LIST_HEADER_ROW }],
    pageSetup: printSetup({ orientation: 'landscape', titleRows: `${STAFF_LIST_HEADER_ROW}:${STAFF_LIST_HEADER_ROW}` }),
    headerFooter: { oddFooter: pageFooter(`${view.station.code} ${view.station.name}`) },
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const last = columns.length;
  sheet.getCell(1, 1).value = '附件2';
  sheet.getCell(1, 1).font = { name: '黑体', size: 12 };
  const title = sheet.getCell(2, 1);
  title.value = STAFF_LIST_TITLE;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(2, 1, 2, last);
  sheet.getRow(2).height = 30;
  const lines = [`单位：${countyBureau(view.station)}（盖章）\u3000\u3000\u3000\u3000填表日期：${chineseDate(view.filledOn)}`, `市场监管所：${view.station.name}（${view.station.code}）`];
  lines.forEach((text, i) => {
    const cell = sheet.getCell(3 + i, 1);
    cell.value = text;
    cell.font = { name: '宋体', size: 10 };
    sheet.mergeCells(3 + i, 1, 3 + i, last);
  });
  columns.forEach((text, i) => put(sheet, STAFF_LIST_HEADER_ROW, i + 1, STAFF_LIST_HEADER_ROW, i + 1, text, { bold: true, align: 'center', fill: HEADER_FILL }));
  sheet.getRow(STAFF_LIST_HEADER_ROW).height = heightFor(Math.max(...columns.map((c, i) => wrappedLines(c, WIDTHS[i]))));
  const rows = staffListRows(view);
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => put(sheet, STAFF_LIST_HEADER_ROW + 1 + r, c + 1, STAFF_LIST_HEADER_ROW + 1 + r, c + 1, value, { align: 'center' }));
    sheet.getRow(STAFF_LIST_HEADER_ROW + 1 + r).height = heightFor(Math.max(...cells.map((v, c) => wrappedLines(String(v), WIDTHS[c]))));
  });
  const notesRow = STAFF_LIST_HEADER_ROW + rows.length + 2;
  sheet.getCell(notesRow, 1).value = '填表说明：';
  sheet.getCell(notesRow, 1).font = { name: '宋体', size: 10, bold: true };
  STAFF_LIST_NOTES.forEach((note, i) => {
    const cell = sheet.getCell(notesRow + 1 + i, 1);
    cell.value = note;
    cell.font = { name: '宋体', size: 10 };
    sheet.mergeCells(notesRow + 1 + i, 1, notesRow + 1 + i, last);
  });
  return toBuffer(workbook);
}
