// Day numbers (days since 1970-01-01) are what the generator computes with; they become
// 'YYYY-MM-DD' only when written into a bundle. Formatting goes through dates.ts, memoised
// because a 40,000-station province formats tens of millions of dates from a few thousand
// distinct days.
import { fromDayNumber, toDayNumber } from '../domain/dates.js';
import type { IsoDate, IsoMonth } from '../domain/station-data.js';

// Day 0 is 1970-01-01; 1900..2099 covers every date the generator writes.
const CACHE_FIRST_DAY = -25_567; // 1900-01-01
const CACHE_DAYS = 73_049; // through 2099-12-31
const formatted: Array<IsoDate | undefined> = new Array<IsoDate | undefined>(CACHE_DAYS);

export function isoDay(day: number): IsoDate {
  const slot = day - CACHE_FIRST_DAY;
  if (slot < 0 || slot >= CACHE_DAYS) return fromDayNumber(day);
  let s = formatted[slot];
  if (s === undefined) {
    s = fromDayNumber(day);
    formatted[slot] = s;
  }
  return s;
}

export function dayOf(date: IsoDate): number {
  return toDayNumber(date);
}

/** Zero-padded decimal: pad(7, 3) is '007'. */
export function pad(n: number, width: number): string {
  return `${n}`.padStart(width, '0');
}

export function isoMonth(year: number, month: number): IsoMonth {
  return `${year}-${pad(month, 2)}`;
}

const yearStarts = new Map<number, number>();

/** Day number of 1 January of a year. */
export function startOfYear(year: number): number {
  let day = yearStarts.get(year);
  if (day === undefined) {
    day = toDayNumber(`${pad(year, 4)}-01-01`);
    yearStarts.set(year, day);
  }
  return day;
}
