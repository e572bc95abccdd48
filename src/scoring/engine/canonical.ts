// Canonical form of the inputs, for scoring and hashing.
//
// canonicalizeFacts: every array sorted by its natural key (externalId, caseNumber, period,
// year, date…); elements whose keys are equal are ordered by their full content, so the
// order of the input never matters. Arrays already in order are reused, elements are
// reused unless one of their own arrays had to be sorted; inputs are never mutated.
//
// encodeFacts: a canonical serialization of the (canonical) facts for the input hash. Each
// record type has a fixed field order (the visitors below); every field emits a type tag
// and its value into one of four streams: strings (concatenated, with their lengths),
// numbers (float64), tags (bytes). With the stream sizes in front, the bytes decode back to
// the values the engine reads, so two fact sets that could score differently never share
// a serialization. It is a binary format rather than JSON because JSON text building cost
// more than the whole scoring.
//
// Values the engine cannot tell apart serialise alike, so that the same data hashes the
// same whichever way it arrived (pushed JSON, database rows, generator):
// - an absent field (undefined) is null;
// - a boolean is true or false: anything but true (absent, null) is false, as the engine
//   reads every boolean fact with `=== true`; 附件3 items are always 12 such booleans (a
//   blank item counts as no, and the database stores 12 booleans);
// - counts the engine reads as `x || 0` (training amounts, 12315 figures) serialise that way,
//   and seconded months that are not > 0 as 0;
// - a blank enforcement certificate number is none (the rules only ask whether there is one);
// - a missing assessment note or missing-item justification is '';
// - duties and rooms are sets: sorted, duplicates dropped.
import type {
  AnnualReview,
  BonusEvent,
  Certification,
  ComplaintFigures,
  DisciplinaryRecord,
  EnforcementCase,
  Equipment,
  MediationAverage,
  Person,
  StationProfile,
  TrainingYear,
  VetoEvent,
} from '../../domain/station-data.js';
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
import type { CompiledRubric } from './compile.js';
import type { Assessment, MissingItemMark, StationFactDigests, StationFacts } from './facts.js';
import { hasText, ymd } from './util.js';

type Visitor<T> = (x: T, k: FactsEncoder) => void;

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
  /** Sorted digests in place of a list of records. */
  digests(list: readonly string[]): void {
    this.tag(TAG_DIGEST);
    this.n(list.length);
    const count = list.length;
    this.reserveLens(count);
    const lens = this.lens;
    const parts = this.digestParts;
    let ns = this.ns;
    let nd = this.nd;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const v = list[i];
      const t = typeof v === 'string' ? v : String(v);
      lens[ns++] = t.length;
      parts[nd++] = t;
      length += t.length;
    }
    this.ns = ns;
    this.nd = nd;
    this.digestLength += length;
  }
  /** Assessments: the fields of visitAssessment, in one loop. */
  assessments(list: readonly Assessment[]): void {
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
    for (; i < count; i++) visitAssessment(list[i], this);
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
    return `${this.nt}|${Array.from(this.tags.subarray(0, this.nt)).join(',')}|${Array.from(this.nums.subarray(0, this.nn)).join(',')}|${Array.from(this.lens.subarray(0, this.ns)).join(',')}|${this.strings()}${this.digestLength === 0 ? '' : `|${this.digestText()}`}`;
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

/** Full-content text of one record, to order records whose keys are equal (rare path). */
function contentText<T>(x: T, visit: Visitor<T>): string {
  const enc = new FactsEncoder();
  visit(x, enc);
  return enc.text();
}

/** Strings in code-unit order, then anything else (invalid input: equal keys, ordered by content). */
function cmpStr(a: string, b: string): number {
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
function cmpNum(a: number, b: number): number {
  const na = typeof a === 'number' && a === a;
  const nb = typeof b === 'number' && b === b;
  if (na && nb) return a < b ? -1 : a > b ? 1 : 0;
  return na ? -1 : nb ? 1 : 0;
}

/**
 * `items` in canonical order: by `key`, then by full content. Returns `items` itself when
 * it is already in order (the callers only read it).
 */
function sortCanonical<T>(items: readonly T[] | undefined, key: (a: T, b: T) => number, visit: Visitor<T>): readonly T[] {
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

/** A set of strings: sorted, without duplicates (the input itself when it already is). */
function sortedStrings<T extends string>(xs: readonly T[] | undefined): readonly T[] {
  if (xs === undefined || xs === null) return [];
  for (let i = 1; i < xs.length; i++) {
    if (cmpStr(xs[i - 1], xs[i]) >= 0) return xs.slice().sort(cmpStr).filter((x, j, all) => j === 0 || all[j - 1] !== x);
  }
  return xs;
}

// ---- visitors: the fixed field order of every record ----

const visitTraining: Visitor<TrainingYear> = (t, k) => {
  k.n(t.year);
  k.n(t.offlineDays || 0);
  k.n(t.offlineHours || 0);
  k.n(t.onlineHours || 0);
  k.n(t.provincialTrainings || 0);
};
const visitRecord: Visitor<DisciplinaryRecord> = (r, k) => {
  k.d(r.date);
  k.s(r.kind);
  k.s(r.description);
};
const visitPerson: Visitor<Person> = (p, k) => {
  k.s(p.externalId);
  k.s(p.name);
  k.e(p.position);
  k.s(p.birthMonth);
  k.e(p.education);
  k.s(p.major);
  k.e(p.majorCategory);
  k.e(p.staffingType);
  k.s(hasText(p.enforcementCertNo) ? p.enforcementCertNo : null);
  const cert = p.specialEquipmentCert;
  if (cert === null || cert === undefined) k.b(false);
  else {
    k.b(true);
    k.s(cert.number);
    k.e(cert.class);
    k.d(cert.expiresOn);
  }
  k.d(p.hiredOn);
  k.n(p.secondedMonths > 0 ? p.secondedMonths : 0); // the rules count only months > 0
  const trainings = p.trainings ?? [];
  k.n(trainings.length);
  for (let i = 0; i < trainings.length; i++) visitTraining(trainings[i], k);
  k.d(p.lastHealthCheckOn);
  k.b(p.informationAdministrator);
  const records = p.disciplinaryRecords ?? [];
  k.n(records.length);
  for (let i = 0; i < records.length; i++) visitRecord(records[i], k);
  k.d(p.leftOn);
};
const visitEquipment: Visitor<Equipment> = (e, k) => {
  k.s(e.externalId);
  k.e(e.type);
  k.n(e.quantity);
  k.e(e.status);
  k.d(e.acquiredOn);
};
const visitCase: Visitor<EnforcementCase> = (c, k) => {
  k.s(c.caseNumber);
  k.e(c.procedure);
  k.s(c.target);
  k.s(c.violation);
  k.d(c.filedOn);
  k.d(c.decidedOn);
  k.d(c.closedOn);
  k.d(c.enteredOn);
  k.b(c.archived);
  k.b(c.publicised);
  k.b(c.fullProcessRecorded);
  k.b(c.majorDecision);
  k.b(c.legalReviewed);
  k.e(c.fileReview);
  k.d(c.fileReviewedOn);
  k.b(c.overturned);
  k.d(c.overturnedOn);
  k.s(c.fineAmount);
  k.s(c.confiscationAmount);
  k.b(c.minorViolationExempted);
};
const visitComplaints: Visitor<ComplaintFigures> = (f, k) => {
  k.s(f.period);
  k.n(f.complaintsReceived || 0);
  k.n(f.complaintsCheckedOnTime || 0);
  k.n(f.complaintsClosed || 0);
  k.n(f.complaintsClosedOnTime || 0);
  k.n(f.mediationsAttempted || 0);
  k.n(f.mediationsSucceeded || 0);
  k.n(f.reportsReceived || 0);
  k.n(f.reportsVerifiedOnTime || 0);
  k.n(f.realNameReports || 0);
  k.n(f.realNameReportersNotified || 0);
};
const visitMediation: Visitor<MediationAverage> = (m, k) => {
  k.n(m.year);
  k.n(m.rate);
};
const CERT_ITEM_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;
const visitCertification: Visitor<Certification> = (c, k) => {
  k.n(c.year);
  const items = c.items ?? {};
  // always 12 booleans: an absent or blank item is no (附件3), as the engine reads it
  for (let i = 0; i < CERT_ITEM_KEYS.length; i++) k.b(items[CERT_ITEM_KEYS[i]] === true);
  k.s(c.certifiedBy);
  k.d(c.certifiedOn);
};
const visitBonus: Visitor<BonusEvent> = (e, k) => {
  k.s(e.eventKey);
  k.e(e.category);
  k.e(e.level);
  k.d(e.date);
  k.s(e.subject);
  k.s(e.description);
  k.n(e.points);
};
const visitVeto: Visitor<VetoEvent> = (v, k) => {
  k.s(v.id);
  k.e(v.kind);
  k.d(v.date);
  k.s(v.description);
  k.s(v.personExternalId);
  k.b(v.lifted);
};
const visitReview: Visitor<AnnualReview> = (r, k) => {
  k.n(r.year);
  k.s(r.subject);
  k.e(r.result);
};
const visitAssessment: Visitor<Assessment> = (a, k) => {
  k.s(a.criterionId);
  k.n(a.points);
  k.s(typeof a.note === 'string' ? a.note : '');
};
const visitMark: Visitor<MissingItemMark> = (m, k) => {
  k.s(m.itemId);
  k.s(typeof m.justification === 'string' ? m.justification : '');
};

function visitList<T>(xs: readonly T[], visit: Visitor<T>, k: FactsEncoder): void {
  k.n(xs.length);
  for (let i = 0; i < xs.length; i++) visit(xs[i], k);
}

function visitProfile(p: StationProfile, k: FactsEncoder): void {
  k.s(p.name);
  k.s(p.countyCode);
  k.n(p.approvedHeadcount);
  k.n(p.duties.length);
  for (let i = 0; i < p.duties.length; i++) k.e(p.duties[i]);
  const pr = p.premises;
  k.b(pr.independent);
  k.n(pr.rooms.length);
  for (let i = 0; i < pr.rooms.length; i++) k.e(pr.rooms[i]);
  k.b(pr.internet);
  k.b(pr.privateNetwork);
}

/** Rows, or their sorted digests when given. */
function visitRows<T>(xs: readonly T[], digests: readonly string[] | undefined, visit: Visitor<T>, k: FactsEncoder): void {
  if (digests !== undefined) k.digests(digests);
  else visitList(xs, visit, k);
}

/** Writes canonical facts (as returned by canonicalizeFacts) into a sink. */
export function visitFacts(f: StationFacts, k: FactsEncoder): void {
  const d = f.digests;
  k.s(f.code);
  if (d?.profile !== undefined) k.digest(d.profile);
  else visitProfile(f.profile, k);
  visitRows(f.personnel, d?.personnel, visitPerson, k);
  visitRows(f.equipment, d?.equipment, visitEquipment, k);
  visitRows(f.cases, d?.cases, visitCase, k);
  visitRows(f.complaintFigures, d?.complaintFigures, visitComplaints, k);
  visitList(f.mediationAverages, visitMediation, k);
  visitRows(f.certifications, d?.certifications, visitCertification, k);
  visitRows(f.bonusEvents, d?.bonusEvents, visitBonus, k);
  visitRows(f.vetoEvents, d?.vetoEvents, visitVeto, k);
  visitRows(f.annualReviews, d?.annualReviews, visitReview, k);
  k.assessments(f.assessments);
  visitList(f.missingItemMarks, visitMark, k);
}

// ---- canonical order ----

const byExternalId = (a: { externalId: string }, b: { externalId: string }): number => cmpStr(a.externalId, b.externalId);
const byCaseNumber = (a: EnforcementCase, b: EnforcementCase): number => cmpStr(a.caseNumber, b.caseNumber);
const byPeriod = (a: ComplaintFigures, b: ComplaintFigures): number => cmpStr(a.period, b.period);
const byYear = (a: { year: number }, b: { year: number }): number => cmpNum(a.year, b.year);
const byDateThenKey = (a: BonusEvent, b: BonusEvent): number => cmpStr(a.date, b.date) || cmpStr(a.eventKey, b.eventKey);
const byId = (a: VetoEvent, b: VetoEvent): number => cmpStr(a.id, b.id);
const byYearThenSubject = (a: AnnualReview, b: AnnualReview): number => cmpNum(a.year, b.year) || cmpStr(a.subject, b.subject);
const byCriterionThenPoints = (a: Assessment, b: Assessment): number => cmpRubricId(a.criterionId, b.criterionId) || cmpNum(a.points, b.points);
const byItemId = (a: MissingItemMark, b: MissingItemMark): number => cmpRubricId(a.itemId, b.itemId);
const byDateThenKind = (a: DisciplinaryRecord, b: DisciplinaryRecord): number => cmpStr(a.date, b.date) || cmpStr(a.kind, b.kind);

function canonicalPerson(p: Person): Person {
  const trainings = sortCanonical(p.trainings, byYear, visitTraining);
  const records = sortCanonical(p.disciplinaryRecords, byDateThenKind, visitRecord);
  if (trainings === p.trainings && records === p.disciplinaryRecords) return p;
  return { ...p, trainings: trainings as TrainingYear[], disciplinaryRecords: records as DisciplinaryRecord[] };
}

function canonicalProfile(p: StationProfile): StationProfile {
  const duties = sortedStrings(p.duties);
  const rooms = sortedStrings(p.premises?.rooms);
  if (duties === p.duties && rooms === p.premises?.rooms) return p;
  return { ...p, duties: duties as StationProfile['duties'], premises: { ...p.premises, rooms: rooms as StationProfile['premises']['rooms'] } };
}

/** Digests in code-unit order, duplicates kept (two equal rows are two rows). */
function sortedDigests(xs: readonly string[]): readonly string[] {
  for (let i = 1; i < xs.length; i++) if (cmpStr(xs[i - 1], xs[i]) > 0) return xs.slice().sort(cmpStr);
  return xs;
}

/** The usable digests, sorted: a list whose length differs from its rows' is ignored. */
function canonicalDigests(f: StationFacts): StationFactDigests | undefined {
  const d = f.digests;
  if (d === undefined || d === null) return undefined;
  return {
    profile: d.profile !== null ? d.profile : undefined,
    personnel: usable(d.personnel, f.personnel),
    equipment: usable(d.equipment, f.equipment),
    cases: usable(d.cases, f.cases),
    complaintFigures: usable(d.complaintFigures, f.complaintFigures),
    certifications: usable(d.certifications, f.certifications),
    bonusEvents: usable(d.bonusEvents, f.bonusEvents),
    vetoEvents: usable(d.vetoEvents, f.vetoEvents),
    annualReviews: usable(d.annualReviews, f.annualReviews),
  };
}

function usable(list: readonly string[] | undefined, rows: readonly unknown[] | undefined): readonly string[] | undefined {
  return Array.isArray(list) && list.length === (rows?.length ?? 0) ? sortedDigests(list) : undefined;
}

function canonicalRoster(personnel: readonly Person[] = []): readonly Person[] {
  let people: Person[] | null = null;
  for (let i = 0; i < personnel.length; i++) {
    const c = canonicalPerson(personnel[i]);
    if (c !== personnel[i]) {
      people ??= personnel.slice();
      people[i] = c;
    }
  }
  return sortCanonical(people ?? personnel, byExternalId, visitPerson);
}

/** The facts with every array in canonical order (a new top-level object; inputs untouched). */
export function canonicalizeFacts(f: StationFacts): StationFacts {
  return {
    code: f.code,
    profile: canonicalProfile(f.profile),
    personnel: canonicalRoster(f.personnel),
    equipment: sortCanonical(f.equipment, byExternalId, visitEquipment),
    cases: sortCanonical(f.cases, byCaseNumber, visitCase),
    complaintFigures: sortCanonical(f.complaintFigures, byPeriod, visitComplaints),
    mediationAverages: sortCanonical(f.mediationAverages, byYear, visitMediation),
    certifications: sortCanonical(f.certifications, byYear, visitCertification),
    bonusEvents: sortCanonical(f.bonusEvents, byDateThenKey, visitBonus),
    vetoEvents: sortCanonical(f.vetoEvents, byId, visitVeto),
    annualReviews: sortCanonical(f.annualReviews, byYearThenSubject, visitReview),
    assessments: sortCanonical(f.assessments, byCriterionThenPoints, visitAssessment),
    missingItemMarks: sortCanonical(f.missingItemMarks, byItemId, visitMark),
    digests: canonicalDigests(f),
  };
}

// ---- what scoring needs ----

export interface PreparedFacts {
  /**
   * The facts in canonical order wherever the hash or the score depends on order. A
   * collection hashed through its digests keeps its input order when the engine reads it
   * order-independently (equipment, cases, annual reviews: sums and counts; a person's
   * trainings and disciplinary records; duties and rooms, read as sets). Every other array
   * is canonical, so the serialization is exactly canonicalizeFacts'.
   */
  facts: StationFacts;
  /** Per criterion index, the first assessment in canonical order (a scratch array, valid until the next call). */
  firstAssessment: (Assessment | undefined)[];
}

let scratchFirst: (Assessment | undefined)[] = [];

function clearedFirst(n: number): (Assessment | undefined)[] {
  if (scratchFirst.length !== n) scratchFirst = new Array<Assessment | undefined>(n).fill(undefined);
  else scratchFirst.fill(undefined);
  return scratchFirst;
}

/** The roster in externalId order (people left as they are), or null when ids are not strictly increasing. */
function rosterInOrder(personnel: readonly Person[]): readonly Person[] | null {
  for (let i = 1; i < personnel.length; i++) if (!(cmpStr(personnel[i - 1].externalId, personnel[i].externalId) < 0)) return null;
  return personnel;
}

/**
 * Assessments in canonical order and the first of each criterion. In the usual case they
 * name distinct criteria of the rubric in rubric order, which is the canonical order when
 * the rubric's ids sort that way: one pass; anything else takes the general sort.
 */
function orderAssessments(list: readonly Assessment[] = [], compiled: CompiledRubric): { sorted: readonly Assessment[]; first: (Assessment | undefined)[] } {
  const index = compiled.criterionIndex;
  const first = clearedFirst(compiled.ids.length);
  if (compiled.rubricOrderIsCanonical) {
    let previous = -1;
    let i = 0;
    for (; i < list.length; i++) {
      const ci = index.get(list[i].criterionId);
      if (ci === undefined || ci <= previous) break;
      first[ci] = list[i];
      previous = ci;
    }
    if (i === list.length) return { sorted: list, first };
    first.fill(undefined);
  }
  const sorted = sortCanonical(list, byCriterionThenPoints, visitAssessment);
  for (let i = 0; i < sorted.length; i++) {
    const ci = index.get(sorted[i].criterionId);
    if (ci !== undefined && first[ci] === undefined) first[ci] = sorted[i];
  }
  return { sorted, first };
}

/** Canonical facts for scoring and hashing (see PreparedFacts); inputs are never mutated. */
export function prepareFacts(f: StationFacts, compiled: CompiledRubric): PreparedFacts {
  const digests = canonicalDigests(f);
  const assessments = orderAssessments(f.assessments, compiled);
  const facts: StationFacts = {
    code: f.code,
    profile: digests?.profile !== undefined ? f.profile : canonicalProfile(f.profile),
    personnel: (digests?.personnel !== undefined ? rosterInOrder(f.personnel ?? []) : null) ?? canonicalRoster(f.personnel),
    equipment: digests?.equipment !== undefined ? (f.equipment ?? []) : sortCanonical(f.equipment, byExternalId, visitEquipment),
    cases: digests?.cases !== undefined ? (f.cases ?? []) : sortCanonical(f.cases, byCaseNumber, visitCase),
    complaintFigures: sortCanonical(f.complaintFigures, byPeriod, visitComplaints),
    mediationAverages: sortCanonical(f.mediationAverages, byYear, visitMediation),
    certifications: sortCanonical(f.certifications, byYear, visitCertification),
    bonusEvents: sortCanonical(f.bonusEvents, byDateThenKey, visitBonus),
    vetoEvents: sortCanonical(f.vetoEvents, byId, visitVeto),
    annualReviews: digests?.annualReviews !== undefined ? (f.annualReviews ?? []) : sortCanonical(f.annualReviews, byYearThenSubject, visitReview),
    assessments: assessments.sorted,
    missingItemMarks: sortCanonical(f.missingItemMarks, byItemId, visitMark),
    digests,
  };
  return { facts, firstAssessment: assessments.first };
}
