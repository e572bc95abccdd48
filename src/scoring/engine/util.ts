// Small helpers: half-point arithmetic, rounding and percent display.

/** Points are multiples of 0.5; the engine adds them as integers of half-points. */
export function toHalf(points: number): number {
  return Math.round(points * 2);
}

/** True for a finite number that is a whole multiple of 0.5. */
export function isHalfStep(points: number): boolean {
  return Number.isFinite(points) && Number.isInteger(points * 2);
}

/** round(numerator / denominator) half-up, for non-negative integers (denominator > 0). */
export function divRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Points for display: 1, 0.5, 98.75 (no trailing zeros). */
const HALF_STEPS: readonly string[] = Array.from({ length: 241 }, (_, h) => String(h / 2));
export function fmt(x: number): string {
  const h = x * 2;
  if (h >= 0 && h <= 240 && Number.isInteger(h)) return HALF_STEPS[h];
  return String(Math.round(x * 100) / 100);
}

/**
 * part/whole as a percentage with at most one decimal, truncated (so a rate just under a
 * threshold never displays as the threshold itself): 2/3 → "66.6%", 7/10 → "70%".
 */
export function pct(part: number, whole: number): string {
  return `${String(Math.floor((part * 1000) / whole) / 10)}%`;
}

/** A fraction 0..1 as a percentage, at most one decimal, rounded: 0.725 → "72.5%". */
export function fractionPct(rate: number): string {
  return `${String(Math.round(rate * 1000) / 10)}%`;
}

export function hasText(s: string | null | undefined): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date, by integer arithmetic (the same value as
 * dates.ts toDayNumber, without a Date object; proleptic Gregorian calendar).
 */
export function dayNumber(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** n when it is an integer in [0, 128), else -1. */
function slot(n: number): number {
  return n >= 0 && n < 128 && (n | 0) === n ? n : -1;
}
/**
 * A cache key from up to four small non-negative integers (counts < 128), or -1 when one
 * is not (then nothing is cached). Keys stay small integers, which maps look up fastest.
 */
export function reasonKey(a: number, b = 0, c = 0, d = 0): number {
  const sa = slot(a);
  const sb = slot(b);
  const sc = slot(c);
  const sd = slot(d);
  if (sa < 0 || sb < 0 || sc < 0 || sd < 0) return -1;
  return (((sa << 7) | sb) << 14) | (sc << 7) | sd;
}
/** A year as a cache-key slot (1990..2117 → 0..127), or -1. */
export function yearSlot(year: number): number {
  return year >= 1990 && year < 2118 && (year | 0) === year ? year - 1990 : -1;
}

/**
 * Reason texts by key: a rule whose reason depends only on a few small integers builds
 * each distinct text once (the same few hundred texts recur across thousands of
 * stations). Bounded, so unusual data cannot grow it without limit.
 */
export class ReasonCache {
  private readonly texts = new Map<number, string>();
  get(key: number): string | undefined {
    return key < 0 ? undefined : this.texts.get(key);
  }
  put(key: number, text: string): string {
    if (key >= 0 && this.texts.size < 4096) this.texts.set(key, text);
    return text;
  }
}

/** yyyymmdd for a string shaped 'dddd-dd-dd', else -1 (no calendar check: any such string maps uniquely). */
export function ymd(v: string): number {
  if (v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Reason caches per parameter object (a criterion's parameters in the rubric data): texts
 * that name a threshold are cached separately for every rubric that sets it.
 */
export class ReasonCachesByParameters {
  private readonly caches = new WeakMap<object, ReasonCache>();
  for(parameters: object): ReasonCache {
    let cache = this.caches.get(parameters);
    if (cache === undefined) this.caches.set(parameters, (cache = new ReasonCache()));
    return cache;
  }
}
