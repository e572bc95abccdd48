// 附件3 证明材料 as PDF (A4 portrait), ready to print and seal.
import type { CertificationView } from '../../views/certification.view.js';
import { CERTIFICATION_COLUMNS, CERTIFICATION_NOTE, certificationLayout } from '../certification.layout.js';
import { drawGrid } from './grid.js';
import { BOLD, createPdf, REGULAR } from './pdf-support.js';

// 序号 事项 是 否 (539 pt between 28 pt margins).
const WIDTHS = [40, 419, 40, 40];

export async function renderCertificationPdf(view: CertificationView, generatedAt: Date): Promise<Buffer> {
  const layout = certificationLayout(view);
  const { doc, finish } = createPdf({ layout: 'portrait', title: `附件3 证明材料 ${view.station.name}`, createdAt: generatedAt, margin: 28 });
  doc.font(REGULAR).fontSize(11).text('附件3');
  doc.moveDown(0.5);
  doc.font(BOLD).fontSize(18).text(layout.title, { align: 'center' });
  doc.moveDown(0.8);
  doc.font(REGULAR).fontSize(10.5);
  for (const line of layout.header) doc.text(line).moveDown(0.2);
  doc.moveDown(0.3);
  drawGrid(doc, {
    widths: WIDTHS,
    fontSize: 10.5,
    header: { cells: CERTIFICATION_COLUMNS.map((text, i) => ({ from: i, to: i, text, align: 'center' })) },
    rows: [
      ...layout.rows.map((cells) => ({ cells: cells.map((value, i) => ({ from: i, to: i, text: String(value), align: i === 1 ? ('left' as const) : ('center' as const) })) })),
    ],
    spans: [],
  });
  // 有关情况: a box with room to write when the certification carries no text.
  const left = doc.page.margins.left;
  const width = WIDTHS.reduce((a, b) => a + b, 0);
  doc.font(REGULAR).fontSize(10.5);
  const boxHeight = Math.max(90, doc.heightOfString(layout.remarks, { width: width - 8 }) + 10);
  const top = doc.y;
  doc.lineWidth(0.5).rect(left, top, width, boxHeight).stroke();
  doc.text(layout.remarks, left + 4, top + 5, { width: width - 8 });
  doc.y = top + boxHeight + 6;
  doc.font(REGULAR).fontSize(9).text(CERTIFICATION_NOTE, left, doc.y, { width });
  // The seal goes over the issuer's name: leave it room.
  doc.moveDown(4);
  doc.font(REGULAR).fontSize(11.5);
  for (const line of layout.issuer) doc.text(line, left, doc.y, { width, align: 'right' }).moveDown(0.6);
  return finish();
}
