// The forms' downloads: which station forms exist in which formats, their paths, file
// names (UTF-8 with an ASCII fallback) and content types.
import type { Readable } from 'node:stream';
import { PDF_CONTENT_TYPE } from './render/pdf/pdf-support.js';
import { XLSX_CONTENT_TYPE } from './render/xlsx/xlsx-support.js';

export const FORM_FORMATS = ['xlsx', 'pdf'] as const;
export type FormFormat = (typeof FORM_FORMATS)[number];
export type StationFormNumber = 1 | 2 | 3;

/** The station forms: 附件2 has no PDF (it is filled in and sealed as a spreadsheet). */
export const STATION_FORMS: Readonly<Record<StationFormNumber, { name: string; ascii: string; formats: readonly FormFormat[] }>> = {
  1: { name: '附件1-评分表', ascii: 'form1-scoring-sheet', formats: ['xlsx', 'pdf'] },
  2: { name: '附件2-人员一览表', ascii: 'form2-staff-list', formats: ['xlsx'] },
  3: { name: '附件3-证明材料', ascii: 'form3-certification', formats: ['xlsx', 'pdf'] },
};

/** The file names the endpoint serves, e.g. "1.xlsx". */
export const STATION_FORM_FILES = Object.entries(STATION_FORMS).flatMap(([n, f]) => f.formats.map((format) => `${n}.${format}`));

export interface StationFormSpec {
  form: StationFormNumber;
  format: FormFormat;
}

/** "1.xlsx" → form 1 as xlsx; null for an unknown form or a format it does not come in. */
export function parseStationFormFile(file: string): StationFormSpec | null {
  const match = /^([123])\.(xlsx|pdf)$/.exec(file);
  if (!match) return null;
  const form = Number(match[1]) as StationFormNumber;
  const format = match[2] as FormFormat;
  return STATION_FORMS[form].formats.includes(format) ? { form, format } : null;
}

export function stationFormPath(stationCode: string, form: StationFormNumber, format: FormFormat): string {
  return `/api/v1/stations/${encodeURIComponent(stationCode)}/forms/${form}.${format}`;
}

export function rankingPath(regionCode: string): string {
  return `/api/v1/regions/${encodeURIComponent(regionCode)}/ranking.xlsx`;
}

/** Download paths of a station's forms in a rating round (the same fields as GraphQL's StationForms). */
export interface RoundFormPaths {
  scoringSheetXlsx: string;
  scoringSheetPdf: string;
  staffListXlsx: string;
  certificationXlsx: string;
  certificationPdf: string;
}

/** Download paths of a round's lists. */
export interface RoundListPaths {
  publicationListXlsx: string;
  publicationListPdf: string;
  resultsXlsx: string;
}

function roundPath(roundId: string): string {
  return `/api/v1/rounds/${encodeURIComponent(roundId)}`;
}

/** The forms of a station's application in a round, for GraphQL's application type (wired after the rounds merge). */
export function roundFormPaths(roundId: string, stationCode: string): RoundFormPaths {
  const base = `${roundPath(roundId)}/stations/${encodeURIComponent(stationCode)}/forms`;
  return {
    scoringSheetXlsx: `${base}/1.xlsx`,
    scoringSheetPdf: `${base}/1.pdf`,
    staffListXlsx: `${base}/2.xlsx`,
    certificationXlsx: `${base}/3.xlsx`,
    certificationPdf: `${base}/3.pdf`,
  };
}

/** A round's 公示名单 and full result table, for GraphQL's round type (wired after the rounds merge). */
export function roundListPaths(roundId: string): RoundListPaths {
  const base = roundPath(roundId);
  return { publicationListXlsx: `${base}/publication-list.xlsx`, publicationListPdf: `${base}/publication-list.pdf`, resultsXlsx: `${base}/results.xlsx` };
}

export function contentTypeOf(format: FormFormat): string {
  switch (format) {
    case 'xlsx':
      return XLSX_CONTENT_TYPE;
    case 'pdf':
      return PDF_CONTENT_TYPE;
  }
}

/** A file to send: its Chinese name, an ASCII name for clients without RFC 6266 support, its type and bytes. */
export interface FormFile {
  fileName: string;
  asciiName: string;
  contentType: string;
  body: Buffer | Readable;
}

/** `attachment` with the ASCII name and the UTF-8 name (RFC 6266 / RFC 8187). */
export function contentDisposition(file: Pick<FormFile, 'fileName' | 'asciiName'>): string {
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(file.fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
