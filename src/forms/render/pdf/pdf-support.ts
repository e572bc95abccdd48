// PDF documents of the forms: A4, with Noto Sans Hans (SIL OFL 1.1, from the npm package
// @embedpdf/fonts-sc) embedded as a subset of the glyphs used, so the text is selectable
// and no system font is assumed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export const PDF_CONTENT_TYPE = 'application/pdf';

export const REGULAR = 'sc-regular';
export const BOLD = 'sc-bold';

const FONT_FILES = { [REGULAR]: 'NotoSansHans-Regular.otf', [BOLD]: 'NotoSansHans-Bold.otf' } as const;
const fontCache = new Map<string, Buffer>();

/** The font's bytes, read once per process (8 MB each; only the glyphs used are embedded). */
function fontBytes(name: keyof typeof FONT_FILES): Buffer {
  let bytes = fontCache.get(name);
  if (bytes === undefined) {
    // The package exports no subpaths: find its root from its entry point.
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    bytes = readFileSync(path.join(path.dirname(entry), '..', 'fonts', FONT_FILES[name]));
    fontCache.set(name, bytes);
  }
  return bytes;
}

export interface PdfOptions {
  layout: 'portrait' | 'landscape';
  title: string;
  /** Recorded as the document's creation date (a form is reproducible from its inputs). */
  createdAt: Date;
  margin?: number;
}

export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Ends the document and answers its bytes. */
  finish(): Promise<Buffer>;
}

export function createPdf(options: PdfOptions): PdfWriter {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout,
    margin: options.margin ?? 28,
    bufferPages: true,
    info: { Title: options.title, Creator: 'Station Scorecard', Producer: 'Station Scorecard', CreationDate: options.createdAt, ModDate: options.createdAt },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont(REGULAR, fontBytes(REGULAR));
  doc.registerFont(BOLD, fontBytes(BOLD));
  doc.font(REGULAR);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return {
    doc,
    finish: () => {
      doc.end();
      return ended;
    },
  };
}

/** Writes "第 n 页，共 N 页" and an optional left text at the foot of every buffered page. */
export function pageFooters(doc: PDFKit.PDFDocument, left: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    const bottom = doc.page.height - margin + 8;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    // Footers sit in the bottom margin, where pdfkit would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font(REGULAR).fontSize(7).fillColor('#444444');
    doc.text(left, doc.page.margins.left, bottom, { width: width * 0.8, lineBreak: false });
    doc.text(`第 ${i + 1} 页，共 ${range.count} 页`, doc.page.margins.left, bottom, { width, align: 'right', lineBreak: false });
    doc.fillColor('black');
    doc.page.margins.bottom = margin;
  }
}
