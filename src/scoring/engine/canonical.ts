// Canonical form of the inputs, for scoring and hashing.
//
// canonicalizeFacts: every array sorted by its natural key (externalId, caseNumber, period,
// year, date…); elements whose keys are equal are ordered by their full content, so the
// order of the input never matters. Arrays already in order are reused, elements are
// reused unless one of their own arrays had to be sorted; inputs are never mutated.
// prepareFacts: the same, except where the hash reads a collection digest and the engine
// reads the rows in any order. The serialization itself: encoder.ts and visitors.ts.
import type {
  AnnualReview,
  BonusEvent,
  ComplaintFigures,
  DisciplinaryRecord,
  EnforcementCase,
  Person,
  StationProfile,
  TrainingYear,
  VetoEvent,
} from '../../domain/station-data.js';
import type { CompiledRubric } from './compile.js';
import type { Assessment, CollectionDigest, MissingItemMark, StationFactDigests, StationFacts } from './facts.js';
import { cmpNum, cmpStr, sortCanonical, sortedStrings } from './order.js';
import { cmpRubricId } from './rubric-id.js';
import {
  visitAssessment,
  visitBonus,
  visitCase,
  visitCertification,
  visitComplaints,
  visitEquipment,
  visitMark,
  visitMediation,
  visitPerson,
  visitRecord,
  visitReview,
  visitTraining,
  visitVeto,
} from './visitors.js';

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

const DIGESTED = ['personnel', 'equipment', 'cases', 'complaintFigures', 'certifications', 'bonusEvents', 'vetoEvents', 'annualReviews'] as const;

/**
 * The usable digests: a collection digest whose row count differs from its rows' is
 * ignored. The caller's object itself when every digest given is usable (the usual case).
 */
function canonicalDigests(f: StationFacts): StationFactDigests | undefined {
  const d = f.digests;
  if (d === undefined || d === null) return undefined;
  let allUsable = d.profile === undefined || typeof d.profile === 'string';
  for (let i = 0; allUsable && i < DIGESTED.length; i++) {
    const c = d[DIGESTED[i]];
    allUsable = c === undefined || usable(c, f[DIGESTED[i]]) !== undefined;
  }
  if (allUsable) return d;
  return {
    profile: typeof d.profile === 'string' ? d.profile : undefined,
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

function usable(c: CollectionDigest | undefined, rows: readonly unknown[] | undefined): CollectionDigest | undefined {
  return c !== undefined && c !== null && typeof c.digest === 'string' && c.rows === (rows?.length ?? 0) ? c : undefined;
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
    // walk the rubric's ids alongside: no lookup per assessment
    const ids = compiled.ids;
    let ci = 0;
    let i = 0;
    for (; i < list.length; i++) {
      const id = list[i].criterionId;
      while (ci < ids.length && ids[ci] !== id) ci++;
      if (ci === ids.length) break;
      first[ci++] = list[i];
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
