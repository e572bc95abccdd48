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
