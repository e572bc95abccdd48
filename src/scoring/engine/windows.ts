// Time windows relative to the cut-off date R (note 10 and the domain guide's "Periods"):
// 近N年 = [addYears(R, −N), R], inclusive on both ends; a date after R never counts.
// Per-year facts use complete calendar years before the cut-off's year Y.
import { addYears } from '../../domain/dates.js';
import type { IsoDate } from '../../domain/station-data.js';

let memoCutOff: IsoDate | null = null;
const memoFrom = new Map<number, IsoDate>();

/** addYears(R, −years), the first day of 近N年 (memoised for the current cut-off). */
export function windowFrom(cutOff: IsoDate, years: number): IsoDate {
  if (cutOff !== memoCutOff) {
    memoFrom.clear();
    memoCutOff = cutOff;
  }
  let from = memoFrom.get(years);
  if (from === undefined) {
    from = addYears(cutOff, -years);
    memoFrom.set(years, from);
  }
  return from;
}

/** ISO dates compare correctly as strings. */
export function inWindow(date: IsoDate | null | undefined, from: IsoDate, to: IsoDate): date is IsoDate {
  return date !== null && date !== undefined && date >= from && date <= to;
}

const NAMES: string[] = [];

/**
 * "近2年": reasons name the window by its length only. Its dates follow from the cut-off,
 * which is stored beside every score; putting them in a reason would make every reason
 * change every day (and the nightly run store a new snapshot for every station) while
 * nothing it counts has changed.
 */
export function describeWindow(years: number): string {
  return (NAMES[years] ??= `近${years}年`);
}

/**
 * The first day of the case sample: the 1st of the month `months − 1` months before the
 * cut-off's month ("2023年2月至5月" for R = 2023-05-31 and 4 months).
 */
export function caseSampleFrom(cutOff: IsoDate, months: number): IsoDate {
  const index = Number(cutOff.slice(0, 4)) * 12 + Number(cutOff.slice(5, 7)) - 1 - (Math.max(1, months) - 1);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

const SAMPLE_NAMES = new Map<string, string>();

/**
 * "2026年9月至12月", "2025年11月至2026年2月", or "2023-02-15至2023-05-31" for a window that
 * does not start on the 1st. Reasons name the sample so a reviewer can find the cases; it
 * moves once a month, not daily.
 */
export function describeSample(from: IsoDate, to: IsoDate): string {
  const key = `${from}/${to}`;
  let text = SAMPLE_NAMES.get(key);
  if (text === undefined) {
    const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), from.slice(8, 10)];
    const [ty, tm] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))];
    if (fd !== '01') text = `${from}至${to}`;
    else if (fy === ty) text = fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}月至${tm}月`;
    else text = `${fy}年${fm}月至${ty}年${tm}月`;
    if (SAMPLE_NAMES.size < 1024) SAMPLE_NAMES.set(key, text);
  }
  return text;
}
