// Rubric ids ("1.2.10.3") in rubric order: dotted numbers segment by segment.
import { cmpStr } from './order.js';

/**
 * Order of rubric ids ("1.2.10.3" after "1.2.2.1"): dotted numbers compare segment by
 * segment, so rubric order is canonical order; anything else sorts after them, as text.
 */
export function cmpRubricId(a: string, b: string): number {
  if (a === b) return 0;
  const ra = rubricIdRank(a);
  const rb = rubricIdRank(b);
  if (ra >= 0 && rb >= 0 && ra !== rb) return ra - rb;
  return cmpRubricIdSlow(a, b);
}

const RANKS = new Map<string, number>();
const MAX_RANKS = 4096;

/** A number ordering dotted ids of up to 4 segments below 1000 ("4.15.32.3"); -1 for others. */
function rubricIdRank(id: string): number {
  const cached = RANKS.get(id);
  if (cached !== undefined) return cached;
  let rank = -1;
  if (isDotted(id)) {
    let segments = 0;
    let value = 0;
    let current = 0;
    let digits = 0;
    for (let i = 0; i <= id.length; i++) {
      const c = i < id.length ? id.charCodeAt(i) : 46;
      if (c === 46) {
        if (digits > 3 || current > 999) {
          segments = 99;
          break;
        }
        value = value * 1000 + current;
        segments++;
        current = 0;
        digits = 0;
      } else {
        current = current * 10 + c - 48;
        digits++;
      }
    }
    if (segments <= 4) rank = value * 1000 ** (4 - segments) * 8 + segments; // "1" before "1.1"
  }
  if (RANKS.size < MAX_RANKS) RANKS.set(id, rank);
  return rank;
}

function cmpRubricIdSlow(a: string, b: string): number {
  const da = isDotted(a);
  const db = isDotted(b);
  if (da !== db) return da ? -1 : 1;
  if (!da) return cmpStr(a, b);
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    let na = 0;
    while (i < a.length && a.charCodeAt(i) !== 46) na = na * 10 + a.charCodeAt(i++) - 48;
    let nb = 0;
    while (j < b.length && b.charCodeAt(j) !== 46) nb = nb * 10 + b.charCodeAt(j++) - 48;
    if (na !== nb) return na - nb;
    i++;
    j++;
  }
  const rest = (a.length - i) - (b.length - j);
  return rest !== 0 ? rest : cmpStr(a, b);
}

function isDotted(s: string): boolean {
  if (s.length === 0 || s.length > 40) return false;
  let prevDot = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (prevDot) return false;
      prevDot = true;
    } else if (c >= 48 && c <= 57) prevDot = false;
    else return false;
  }
  return !prevDot;
}
