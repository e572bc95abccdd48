// The input hash's serialization: a tagged binary encoding in four streams. Every field
// emits a type tag and its value into one of them: strings (concatenated, with their
// lengths), numbers (float64), tags (bytes); stored digests go to a fifth, ASCII stream.
// With the stream sizes in front, the bytes decode back to the values the engine reads, so
// two fact sets that could score differently never share a serialization. It is a binary
// format rather than JSON because JSON text building cost more than the whole scoring.
// Which fields are written, in which order: visitors.ts.
import {
  ANNUAL_REVIEW_RESULTS,
  BONUS_CATEGORIES,
  BONUS_LEVELS,
  CASE_PROCEDURES,
  DUTIES,
  EDUCATIONS,
  EQUIPMENT_STATUSES,
  EQUIPMENT_TYPES,
  FILE_REVIEW_RESULTS,
  MAJOR_CATEGORIES,
  POSITIONS,
  ROOMS,
  SPECIAL_EQUIPMENT_CERT_CLASSES,
  STAFFING_TYPES,
  VETO_KINDS,
} from '../../domain/vocabulary.js';
import type { Assessment, CollectionDigest } from './facts.js';
import { ymd } from './util.js';

/** Writes one record's fields, in its fixed order, into an encoder. */
export type Visitor<T> = (x: T, k: FactsEncoder) => void;

const TAG_STRING = 1;
const TAG_NULL = 2;
const TAG_FALSE = 3;
const TAG_TRUE = 4;
const TAG_NUMBER = 5;
const TAG_NAN = 6;
const TAG_DATE = 8;
const TAG_ENUM = 9;
/** A value of an unexpected type (a number where a string belongs…): its type and text. */
const TAG_OTHER = 10;
/** A stored row digest (or a list of them) in place of the row(s): StationFactDigests. */
const TAG_DIGEST = 11;

/** Every vocabulary value gets a small code; the field's position says which vocabulary. */
const ENUM_CODES: ReadonlyMap<string, number> = new Map(
  [
    ...DUTIES,
    ...ROOMS,
    ...POSITIONS,
    ...EDUCATIONS,
    ...MAJOR_CATEGORIES,
    ...STAFFING_TYPES,
    ...SPECIAL_EQUIPMENT_CERT_CLASSES,
    ...EQUIPMENT_TYPES,
    ...EQUIPMENT_STATUSES,
    ...CASE_PROCEDURES,
    ...FILE_REVIEW_RESULTS,
    ...BONUS_CATEGORIES,
    ...BONUS_LEVELS,
    ...VETO_KINDS,
    ...ANNUAL_REVIEW_RESULTS,
  ]
    .filter((v, i, all) => all.indexOf(v) === i)
    .map((v, i) => [v, i + 1] as const),
);

/** Growable typed-array streams; reused between calls (the engine is synchronous). */
export class FactsEncoder {
  /**
   * The strings stream as pieces, joined once at the end (cheaper than growing a string
   * piece by piece). Slot 0 is left for a caller's prefix (the hash puts the stream sizes there).
   */
  private readonly parts: string[] = [''];
  private np = 1;
  /** Total length of the strings stream. */
  stringsLength = 0;
  /** Row digests, as pieces (their lengths go to `lens`); hashed as UTF-8, they are ASCII. */
  private readonly digestParts: string[] = [];
  private nd = 0;
  digestLength = 0;
  /** Digests written since reset(): any makes the hash a format-5 one (hash.ts). */
  digestCount = 0;
  lens = new Uint32Array(4096);
  ns = 0;
  nums = new Float64Array(4096);
  nn = 0;
  tags = new Uint8Array(16384);
  nt = 0;

  reset(): void {
    this.np = 1;
    this.stringsLength = 0;
    this.nd = 0;
    this.digestLength = 0;
    this.digestCount = 0;
    this.ns = 0;
    this.nn = 0;
    this.nt = 0;
  }
  /** The strings stream, after `prefix`. */
  strings(prefix = ''): string {
    const parts = this.parts;
    parts[0] = prefix;
    parts.length = this.np;
    return parts.join('');
  }
  /** The digests, concatenated. */
  digestText(): string {
    const parts = this.digestParts;
    parts.length = this.nd;
    return parts.join('');
  }
  private tag(t: number): void {
    if (this.nt === this.tags.length) {
      const bigger = new Uint8Array(this.tags.length * 2);
      bigger.set(this.tags);
      this.tags = bigger;
    }
    this.tags[this.nt++] = t;
  }
  s(v: string | null | undefined): void {
    if (typeof v !== 'string') {
      if (v === null || v === undefined) this.tag(TAG_NULL);
      else this.other(v);
      return;
    }
    this.tag(TAG_STRING);
    this.str(v);
  }
  private str(v: string): void {
    if (this.ns === this.lens.length) {
      const bigger = new Uint32Array(this.lens.length * 2);
      bigger.set(this.lens);
      this.lens = bigger;
    }
    this.lens[this.ns++] = v.length;
    this.parts[this.np++] = v;
    this.stringsLength += v.length;
  }
  n(v: number | null | undefined): void {
    if (typeof v !== 'number') {
      if (v === null || v === undefined) this.tag(TAG_NULL);
      else this.other(v);
      return;
    }
    if (v !== v) {
      this.tag(TAG_NAN);
      return;
    }
    this.tag(TAG_NUMBER);
    this.number(v === 0 ? 0 : v); // -0 → 0
  }
  /** true, or false for anything else (the engine reads booleans with `=== true`). */
  b(v: boolean | null | undefined): void {
    this.tag(v === true ? TAG_TRUE : TAG_FALSE);
  }
  d(v: string | null | undefined): void {
    const digits = typeof v === 'string' ? ymd(v) : -1;
    if (digits < 0) {
      this.s(v);
      return;
    }
    this.tag(TAG_DATE);
    this.number(digits);
  }
  e(v: string | null | undefined): void {
    const code = typeof v === 'string' ? ENUM_CODES.get(v) : undefined;
    if (code === undefined) {
      this.s(v);
      return;
    }
    this.tag(TAG_ENUM);
    this.tag(code);
  }
  /** One stored digest in place of a record. */
  digest(v: string): void {
    this.tag(TAG_DIGEST);
    this.digestOnly(v);
  }
  /** A collection's row count and digest in place of its rows. */
  collection(c: CollectionDigest): void {
    this.tag(TAG_DIGEST);
    this.n(c.rows);
    this.digestOnly(c.digest);
  }
  /** Assessments: the fields of `visit` (visitors.ts), in one loop; `visit` for the odd ones. */
  assessments(list: readonly Assessment[], visit: Visitor<Assessment>): void {
    const count = list.length;
    this.n(count);
    this.reserveLens(2 * count);
    this.reserveTags(3 * count + 16);
    this.reserveNums(count);
    const lens = this.lens;
    const tags = this.tags;
    const nums = this.nums;
    const parts = this.parts;
    let ns = this.ns;
    let nt = this.nt;
    let nn = this.nn;
    let np = this.np;
    let length = 0;
    let i = 0;
    for (; i < count; i++) {
      const a = list[i];
      const id = a.criterionId;
      const points = a.points;
      if (typeof id !== 'string' || typeof points !== 'number' || points !== points) break;
      const note = typeof a.note === 'string' ? a.note : '';
      tags[nt++] = TAG_STRING;
      lens[ns++] = id.length;
      tags[nt++] = TAG_NUMBER;
      nums[nn++] = points === 0 ? 0 : points;
      tags[nt++] = TAG_STRING;
      lens[ns++] = note.length;
      parts[np++] = id;
      parts[np++] = note;
      length += id.length + note.length;
    }
    this.ns = ns;
    this.nt = nt;
    this.nn = nn;
    this.np = np;
    this.stringsLength += length;
    // the rare odd one (a missing id, a NaN or non-number score) and the rest: field by field
    for (; i < count; i++) visit(list[i], this);
  }
  private reserveLens(extra: number): void {
    if (this.ns + extra > this.lens.length) {
      const bigger = new Uint32Array(Math.max(this.lens.length * 2, this.ns + extra));
      bigger.set(this.lens);
      this.lens = bigger;
    }
  }
  private reserveTags(extra: number): void {
    if (this.nt + extra > this.tags.length) {
      const bigger = new Uint8Array(Math.max(this.tags.length * 2, this.nt + extra));
      bigger.set(this.tags);
      this.tags = bigger;
    }
  }
  private reserveNums(extra: number): void {
    if (this.nn + extra > this.nums.length) {
      const bigger = new Float64Array(Math.max(this.nums.length * 2, this.nn + extra));
      bigger.set(this.nums);
      this.nums = bigger;
    }
  }
  private digestOnly(v: string): void {
    const text = typeof v === 'string' ? v : String(v);
    this.digestCount++;
    this.reserveLens(1);
    this.lens[this.ns++] = text.length;
    this.digestParts[this.nd++] = text;
    this.digestLength += text.length;
  }
  private other(v: unknown): void {
    this.tag(TAG_OTHER);
    this.str(`${typeof v}:${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  /** The streams as one string (injective, like the hashed bytes). */
  text(): string {
    return `${this.nt}|${Array.from(this.tags.subarray(0, this.nt)).join(',')}|${Array.from(this.nums.subarray(0, this.nn)).join(',')}|${Array.from(this.lens.subarray(0, this.ns)).join(',')}|${this.strings()}${this.digestCount === 0 ? '' : `|${this.digestText()}`}`;
  }
  private number(v: number): void {
    if (this.nn === this.nums.length) {
      const bigger = new Float64Array(this.nums.length * 2);
      bigger.set(this.nums);
      this.nums = bigger;
    }
    this.nums[this.nn++] = v;
  }
}
