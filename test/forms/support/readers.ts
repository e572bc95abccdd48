// Reading the produced files back, as a user's software would: exceljs for .xlsx,
// pdfjs-dist's text extraction for PDF (positions included, to check what lies where).
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function readXlsx(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** A merged range as 1-based [top, left, bottom, right]. */
export type Range = [number, number, number, number];

export function mergedRanges(sheet: ExcelJS.Worksheet): Range[] {
  // exceljs keeps a loaded sheet's merges in its model as "A1:B2" strings.
  const merges = (sheet.model as unknown as { merges: string[] }).merges;
  return merges.map((ref) => {
    const [a, b] = ref.split(':').map((cell) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return [Number(m[2]), col] as const;
    });
    return [a[0], a[1], b[0], b[1]];
  });
}

/** A cell's value as text (rich text and formulas flattened). */
export function text(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

export interface PdfItem {
  str: string;
  x: number;
  /** From the top of the page. */
  y: number;
}

export interface PdfPage {
  items: PdfItem[];
  /** All text of the page in reading order. */
  text: string;
}

export async function readPdf(bytes: Buffer | Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const height = page.getViewport({ scale: 1 }).height;
    const content = await page.getTextContent();
    const items = content.items.flatMap((item) => ('str' in item && item.str !== '' ? [{ str: item.str, x: item.transform[4], y: height - item.transform[5] }] : []));
    pages.push({ items, text: items.map((item) => item.str).join('') });
  }
  await doc.destroy();
  return pages;
}
