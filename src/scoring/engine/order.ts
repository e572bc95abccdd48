// Orders for the canonical form: strings by code units, numbers ascending, records by a
// key and then by their full content (so equal keys never leave the order to the input).
import { FactsEncoder, type Visitor } from './encoder.js';

/** Full-content text of one record, to order records whose keys are equal (rare path). */
function contentText<T>(x: T, visit: Visitor<T>): string {
  const enc = new FactsEncoder();
  visit(x, enc);
  return enc.text();
}

/** Strings in code-unit order, then anything else (invalid input: equal keys, ordered by content). */
export function cmpStr(a: string, b: string): number {
  if (typeof a !== 'string' || typeof b !== 'string') return typeof a === 'string' ? -1 : typeof b === 'string' ? 1 : 0;
  // the order of `<` on strings, by code units; keys differ early, so this beats the runtime call
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/** Numbers ascending (-0 = 0), then NaN and non-numbers (equal keys, ordered by content): a total order. */
export function cmpNum(a: number, b: number): number {
  const na = typeof a === 'number' && a === a;
  const nb = typeof b === 'number' && b === b;
  if (na && nb) return a < b ? -1 : a > b ? 1 : 0;
  return na ? -1 : nb ? 1 : 0;
}

/**
 * `items` in canonical order: by `key`, then by full content. Returns `items` itself when
 * it is already in order (the callers only read it).
 */
export function sortCanonical<T>(items: readonly T[] | undefined, key: (a: T, b: T) => number, visit: Visitor<T>): readonly T[] {
  if (items === undefined || items === null) return [];
  const len = items.length;
  for (let i = 1; i < len; i++) {
    const c = key(items[i - 1], items[i]);
    if (c > 0 || (c === 0 && items[i - 1] !== items[i] && contentText(items[i - 1], visit) > contentText(items[i], visit))) {
      return sortWithTies(items, key, visit);
    }
  }
  return items;
}

function sortWithTies<T>(items: readonly T[], key: (a: T, b: T) => number, visit: Visitor<T>): T[] {
  const texts = new Map<T, string>();
  const text = (x: T): string => {
    let t = texts.get(x);
    if (t === undefined) texts.set(x, (t = contentText(x, visit)));
    return t;
  };
  return items.slice().sort((a, b) => key(a, b) || (a === b ? 0 : cmpStr(text(a), text(b))));
}

/** A set of strings: sorted, without duplicates (the input itself when it already is). */
export function sortedStrings<T extends string>(xs: readonly T[] | undefined): readonly T[] {
  if (xs === undefined || xs === null) return [];
  for (let i = 1; i < xs.length; i++) {
    if (cmpStr(xs[i - 1], xs[i]) >= 0) return xs.slice().sort(cmpStr).filter((x, j, all) => j === 0 || all[j - 1] !== x);
  }
  return xs;
}
