import { open } from 'node:fs/promises';
import { zipEntryNames } from './zip-entries.js';

/** The types evidence files may have (申报材料: scans, photos, documents, sheets). */
export const EVIDENCE_TYPES = {
  PDF: 'application/pdf',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  /** 版式文档 OFD (GB/T 33190), the Chinese fixed-layout format of sealed documents. */
  OFD: 'application/ofd',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type EvidenceType = (typeof EVIDENCE_TYPES)[keyof typeof EVIDENCE_TYPES];

/** What the content is: an accepted type, or a sentence saying what was found instead. */
export type Sniffed = { accepted: true; contentType: EvidenceType } | { accepted: false; found: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HEAD_BYTES = 512;

/** Recognises a file by its bytes only (never by its name or the Content-Type the client sent). */
export async function sniffContentType(path: string, size: number): Promise<Sniffed> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await file.read(head, 0, head.length, 0);
    if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { accepted: true, contentType: EVIDENCE_TYPES.PDF };
    if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { accepted: true, contentType: EVIDENCE_TYPES.JPEG };
    if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return { accepted: true, contentType: EVIDENCE_TYPES.PNG };
    if (head.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return fromZip(await zipEntryNames(file, size));
    return { accepted: false, found: describeUnknown(head) };
  } finally {
    await file.close();
  }
}

function fromZip(names: string[] | null): Sniffed {
  if (names === null) return { accepted: false, found: 'a damaged ZIP archive' };
  const has = new Set(names);
  if (has.has('OFD.xml')) return { accepted: true, contentType: EVIDENCE_TYPES.OFD };
  if (has.has('word/document.xml')) return { accepted: true, contentType: EVIDENCE_TYPES.DOCX };
  if (has.has('xl/workbook.xml')) return { accepted: true, contentType: EVIDENCE_TYPES.XLSX };
  return { accepted: false, found: 'a ZIP archive that is neither an OFD, a DOCX nor an XLSX document' };
}

const KNOWN_SIGNATURES: [string, Buffer][] = [
  ['a GIF image', Buffer.from('GIF8', 'latin1')],
  ['a TIFF image', Buffer.from([0x49, 0x49, 0x2a, 0x00])],
  ['a TIFF image', Buffer.from([0x4d, 0x4d, 0x00, 0x2a])],
  ['a BMP image', Buffer.from('BM', 'latin1')],
  ['a legacy Office (OLE2) document such as .doc or .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ['a RAR archive', Buffer.from('Rar!', 'latin1')],
  ['a 7-Zip archive', Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])],
  ['a gzip archive', Buffer.from([0x1f, 0x8b])],
  ['an empty ZIP archive', Buffer.from('PK\x05\x06', 'latin1')],
  ['a RIFF file (WebP, WAV or AVI)', Buffer.from('RIFF', 'latin1')],
];

function describeUnknown(head: Buffer): string {
  for (const [what, signature] of KNOWN_SIGNATURES) if (head.subarray(0, signature.length).equals(signature)) return what;
  if (!head.includes(0) && isUtf8(head)) return 'text';
  return `unrecognised binary content (first bytes ${head.subarray(0, 8).toString('hex')})`;
}

function isUtf8(bytes: Buffer): boolean {
  // A multi-byte character cut at the end of the sample is still text.
  const text = bytes.toString('utf8');
  return !text.slice(0, -1).includes('\ufffd');
}
