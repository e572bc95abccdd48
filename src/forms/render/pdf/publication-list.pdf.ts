// The 公示名单 as PDF (A4 portrait), grouped by city and county as the spreadsheet is.
import { fixed, starsLabel } from '../../labels.js';
import type { PublicationListView } from '../../views/lists.view.js';
import { publicationOrder, publicationSubtitle, publicationTitle } from '../lists.layout.js';
import { drawGrid, type GridRow, type RowSpan } from './grid.js';
import { BOLD, createPdf, pageFooters, REGULAR } from './pdf-support.js';

// 序号 地市 县（市、区） 市场监管所 总分 星级 (539 pt between 28 pt margins).
const WIDTHS = [36, 72, 84, 217, 50, 80];

export async function renderPublicationListPdf(view: PublicationListView): Promise<Buffer> {
  const title = publicationTitle(view);
  const { doc, finish } = createPdf({ layout: 'portrait', title, createdAt: view.generatedAt });
  doc.font(BOLD).fontSize(15).text(title, { align: 'center' });
  doc.moveDown(0.4);
  doc.font(REGULAR).fontSize(10).text(publicationSubtitle(view), { align: 'center' });
  doc.moveDown(0.6);
  const entries = publicationOrder(view.entries);
  const rows: GridRow[] = entries.map((e, i) => ({
    cells: [
      { from: 0, to: 0, text: String(i + 1), align: 'center' },
      { from: 3, to: 3, text: e.station.name },
      { from: 4, to: 4, text: fixed(e.total, 2), align: 'center' },
      { from: 5, to: 5, text: starsLabel(e.stars), align: 'center' },
    ],
  }));
  // City and county cells span their stations, as a printed list groups them.
  const spans: RowSpan[] = [];
  for (const [col, key] of [[1, 'cityCode'], [2, 'countyCode']] as const) {
    let from = 0;
    entries.forEach((e, i) => {
      const next = entries[i + 1];
      if (next === undefined || next.station[key] !== e.station[key] || next.station.cityCode !== e.station.cityCode) {
        spans.push({ col, from, to: i, text: col === 1 ? e.station.cityName : e.station.countyName, align: 'center', keepTogether: false });
        from = i + 1;
      }
    });
  }
  if (entries.length === 0) rows.push({ cells: [{ from: 0, to: 5, text: '无', align: 'center' }] });
  drawGrid(doc, { widths: WIDTHS, fontSize: 9.5, header: { cells: ['序号', '地市', '县（市、区）', '市场监管所', '总分', '星级'].map((text, i) => ({ from: i, to: i, text, align: 'center' })) }, rows, spans });
  pageFooters(doc, title);
  return finish();
}
