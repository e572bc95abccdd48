// What every data rule reads: the canonical facts plus aggregates computed once per
// evaluation, in one pass over each collection for all the rules that read it (windows,
// established staff and their counts, directors, in-service equipment by type, the case
// ledger's counts in 近2年, the year's complaint figures, duties and rooms as bit masks).
// The rules themselves only compare and explain. Rule outcomes go to a reused object.
//
// Which facts a rule reads, and how it counts them, is documented with the rule
// (cases.rules.ts, personnel.rules.ts, …); the passes here implement exactly those counts.
import type { ComplaintCounts, IsoDate, Person } from '../../../domain/station-data.js';
import { EQUIPMENT_TYPES, ROOMS, type Education, type EquipmentType, type MajorCategory, type Room, type StaffingType } from '../../../domain/vocabulary.js';
import type { Rubric } from '../../../rubric/model/rubric.js';
import type { StarPolicy } from '../../../rubric/model/star-policy.js';
import { DUTY_BIT } from '../bits.js';
import type { StationFacts } from '../facts.js';
import { dayNumber, hasText, ymd } from '../util.js';
import { describeWindow, windowFrom } from '../windows.js';

export interface YearFigures {
  year: number;
  counts: ComplaintCounts;
  /** 0 when a whole-year row ('YYYY') was used, else the number of monthly rows summed. */
  months: number;
}

export interface RuleOutcome {
  points: number;
  reason: string;
}

export type RuleFn = (x: RuleInput, max: number, out: RuleOutcome) => void;

export function set(out: RuleOutcome, points: number, reason: string): void {
  out.points = points;
  out.reason = reason;
}

/** Index of every equipment type in RuleInput.inService. */
export const EQUIPMENT_INDEX: Readonly<Record<EquipmentType, number>> = Object.fromEntries(EQUIPMENT_TYPES.map((t, i) => [t, i])) as Record<EquipmentType, number>;
const EQUIPMENT_INDEX_MAP: ReadonlyMap<string, number> = new Map(EQUIPMENT_TYPES.map((t, i) => [t, i]));
/** Bit of each room in RuleInput.rooms. */
export const ROOM_BIT: Readonly<Record<Room, number>> = Object.fromEntries(ROOMS.map((r, i) => [r, 1 << i])) as Record<Room, number>;
const ROOM_BIT_MAP: ReadonlyMap<string, number> = new Map(ROOMS.map((r, i) => [r, 1 << i]));

export const BACHELOR_OR_HIGHER: ReadonlySet<Education> = new Set(['BACHELOR', 'MASTER', 'DOCTORATE']);
const RELEVANT_MAJORS: ReadonlySet<MajorCategory> = new Set(['LAW', 'FOOD', 'DRUG', 'MEDICINE', 'INDUSTRIAL_PRODUCT', 'SPECIAL_EQUIPMENT']);

const ESTABLISHED = new WeakMap<Rubric, ReadonlySet<StaffingType>>();
function establishedTypes(rubric: Rubric): ReadonlySet<StaffingType> {
  let types = ESTABLISHED.get(rubric);
  if (types === undefined) ESTABLISHED.set(rubric, (types = new Set(rubric.parameters.establishedStaffingTypes)));
  return types;
}

/**
 * A window [from, to] as strings and, when both are shaped 'YYYY-MM-DD', as yyyymmdd
 * numbers: a date of that shape compares as a number, in the same order as the strings,
 * without a string comparison; anything else compares as a string, exactly as before.
 */
class Window {
  from = '';
  to = '';
  private fromN = -1;
  private toN = -1;
  set(from: IsoDate, to: IsoDate): void {
    this.from = from;
    this.to = to;
    this.fromN = ymd(from);
    this.toN = ymd(to);
  }
  /** date in [from, to]; null or absent never is. */
  has(date: IsoDate | null | undefined): boolean {
    if (date === null || date === undefined) return false;
    if (typeof date === 'string' && this.fromN >= 0 && this.toN >= 0) {
      const n = ymd(date);
      if (n >= 0) return n >= this.fromN && n <= this.toN;
    }
    return date >= this.from && date <= this.to;
  }
}

export class RuleInput {
  /** Canonical facts (see prepareFacts: some collections in input order where order cannot matter). */
  facts!: StationFacts;
  /** R */
  cutOff = '';
  /** Y, the cut-off's year. */
  year = 0;
  /** 近2年 (the default window, note 10): [recent2From, R]; its length in years. */
  recent2From = '';
  recent2Years = 0;
  /** 近1年 */
  recent1From = '';
  recent1Years = 0;
  caseEntryDeadlineDays = 0;
  private readonly window2 = new Window();
  private readonly window1 = new Window();

  // ---- roster (established = 在编, note 11) ----
  established = 0;
  /** Everyone on the roster whose position is DIRECTOR (any staffing type). */
  directors = 0;
  firstDirector: Person | null = null;
  /** The first director (canonical order) with a bachelor's degree or higher and an enforcement certificate. */
  firstQualifiedDirector: Person | null = null;
  /** Some director attended provincial-level training in both Y−1 and Y−2. */
  directorTrainedBothYears = false;
  /** The first director's provincial-level trainings in Y−1 and Y−2. */
  firstDirectorProvincialY1 = 0;
  firstDirectorProvincialY2 = 0;
  /** Established staff seconded out (months > 0), and their months. */
  seconded = 0;
  secondedMonths = 0;
  bachelors = 0;
  relevantMajors = 0;
  /** Established staff's special equipment certificates: class B valid on R, class B expired, other classes. */
  seValid = 0;
  seExpired = 0;
  seOtherClass = 0;
  /** 33: established staff hired before addYears(R, −2) or undated, and those of them with a certificate. */
  certSubject = 0;
  certCertified = 0;
  /** 36①: established staff hired by 31 Dec Y−1 (or undated), and those trained enough in Y−1. */
  trainingSubject = 0;
  trainingOk = 0;
  /** 37①: established staff with a health check in 近1年. */
  healthOk = 0;
  /** Established staff holding an enforcement certificate (执法人员). */
  officers = 0;
  /** Anyone on the roster flagged information administrator. */
  informationAdministrators = 0;
  /** Disciplinary records of anyone on the roster dated in 近2年, and the people they concern. */
  disciplinaryRecords = 0;
  disciplinedPeople = 0;

  // ---- equipment: in-service quantity by type (EQUIPMENT_INDEX) ----
  readonly inService = new Float64Array(EQUIPMENT_TYPES.length);

  // ---- case ledger, 近2年 ----
  /** GENERAL procedure cases closed in 近2年 (the set of 7④ and 8). */
  generalCases = 0;
  lateEntries = 0;
  unarchived = 0;
  unpublicised = 0;
  unrecorded = 0;
  majorDecisions = 0;
  majorUnreviewed = 0;
  /** 9①: cases of either procedure closed in 近2年 with a file review, and those that passed. */
  reviewedFiles = 0;
  passedFiles = 0;
  /** 9②: cases overturned with (closedOn ?? decidedOn) in 近2年. */
  overturned = 0;
  /** "近2年办结一般程序案件 N 件", built once for the rules that share it. */
  private generalCasesText: string | null = null;

  // ---- profile ----
  /** Duty bits (compile.ts DUTY_BIT). */
  duties = 0;
  /** Room bits (ROOM_BIT). */
  rooms = 0;

  // ---- 12315 and annual reviews ----
  /** 12315 figures of Y−1, or null when none were pushed. */
  complaintsLastYear: YearFigures | null = null;
  /** National average mediation success rate of Y−1 (fraction), or null. */
  mediationAverageLastYear: number | null = null;
  /** The latest of Y−1, Y−2 in which the station was rated EXCELLENT, or 0. */
  excellentYear = 0;

  /** "近2年办结一般程序案件 N 件" */
  generalCasesWindowText(): string {
    return (this.generalCasesText ??= `${describeWindow(this.recent2Years)}办结一般程序案件 ${this.generalCases} 件`);
  }

  /** Fills every aggregate from canonical facts (the object is reused between evaluations). */
  derive(facts: StationFacts, cutOff: IsoDate, rubric: Rubric, policy: StarPolicy): this {
    this.facts = facts;
    this.cutOff = cutOff;
    this.year = Number(cutOff.slice(0, 4));
    this.recent2Years = rubric.parameters.defaultWindowYears;
    this.recent2From = windowFrom(cutOff, this.recent2Years);
    this.recent1Years = rubric.parameters.windowYears.recent1;
    this.recent1From = windowFrom(cutOff, this.recent1Years);
    this.caseEntryDeadlineDays = policy.caseEntryDeadlineDays;
    this.window2.set(this.recent2From, cutOff);
    this.window1.set(this.recent1From, cutOff);
    this.generalCasesText = null;
    this.roster(facts.personnel, establishedTypes(rubric), windowFrom(cutOff, 2));
    this.equipment(facts);
    this.cases(facts);
    this.profile(facts);
    this.yearly(facts);
    return this;
  }

  private roster(personnel: readonly Person[], established: ReadonlySet<StaffingType>, twoYearsBack: IsoDate): void {
    const cutOff = this.cutOff;
    const y1 = this.year - 1;
    const y2 = this.year - 2;
    const hiredBy = `${y1}-12-31`;
    const window2 = this.window2;
    const window1 = this.window1;
    let nEstablished = 0;
    let directors = 0;
    let firstDirector: Person | null = null;
    let firstQualified: Person | null = null;
    let bothYears = false;
    let firstY1 = 0;
    let firstY2 = 0;
    let seconded = 0;
    let secondedMonths = 0;
    let bachelors = 0;
    let relevant = 0;
    let seValid = 0;
    let seExpired = 0;
    let seOther = 0;
    let certSubject = 0;
    let certCertified = 0;
    let trainingSubject = 0;
    let trainingOk = 0;
    let healthOk = 0;
    let officers = 0;
    let admins = 0;
    let records = 0;
    let people = 0;
    for (let i = 0; i < personnel.length; i++) {
      const p = personnel[i];
      const certified = hasText(p.enforcementCertNo);
      if (p.informationAdministrator === true) admins++;
      const recs = p.disciplinaryRecords;
      if (recs !== undefined && recs !== null && recs.length > 0) {
        let mine = 0;
        for (let j = 0; j < recs.length; j++) if (window2.has(recs[j].date)) mine++;
        if (mine > 0) people++;
        records += mine;
      }
      const isDirector = p.position === 'DIRECTOR';
      const isEstablished = established.has(p.staffingType);
      if (!isDirector && !isEstablished) continue;
      // training of Y−1 (36①) and provincial-level trainings of Y−1 and Y−2 (36②); rows of one year add up
      let days = 0;
      let hours = 0;
      let provincial1 = 0;
      let provincial2 = 0;
      const trainings = p.trainings;
      if (trainings !== undefined && trainings !== null) {
        for (let j = 0; j < trainings.length; j++) {
          const t = trainings[j];
          if (t.year === y1) {
            days += t.offlineDays || 0;
            hours += (t.offlineHours || 0) + (t.onlineHours || 0);
            provincial1 += t.provincialTrainings || 0;
          } else if (t.year === y2) provincial2 += t.provincialTrainings || 0;
        }
      }
      if (isDirector) {
        directors++;
        if (firstDirector === null) {
          firstDirector = p;
          firstY1 = provincial1;
          firstY2 = provincial2;
        }
        if (firstQualified === null && certified && BACHELOR_OR_HIGHER.has(p.education)) firstQualified = p;
        if (provincial1 >= 1 && provincial2 >= 1) bothYears = true;
      }
      if (!isEstablished) continue;
      nEstablished++;
      if (p.secondedMonths > 0) {
        seconded++;
        secondedMonths += p.secondedMonths;
      }
      if (BACHELOR_OR_HIGHER.has(p.education)) bachelors++;
      if (RELEVANT_MAJORS.has(p.majorCategory)) relevant++;
      const cert = p.specialEquipmentCert;
      if (cert) {
        if (cert.class !== 'B') seOther++;
        else if (cert.expiresOn >= cutOff) seValid++;
        else seExpired++;
      }
      const hiredOn = p.hiredOn;
      if (hiredOn === null || hiredOn === undefined || hiredOn < twoYearsBack) {
        certSubject++;
        if (certified) certCertified++;
      }
      if (hiredOn === null || hiredOn === undefined || !(hiredOn > hiredBy)) {
        trainingSubject++;
        if (days >= 12 || hours >= 90) trainingOk++;
      }
      if (window1.has(p.lastHealthCheckOn)) healthOk++;
      if (certified) officers++;
    }
    this.established = nEstablished;
    this.directors = directors;
    this.firstDirector = firstDirector;
    this.firstQualifiedDirector = firstQualified;
    this.directorTrainedBothYears = bothYears;
    this.firstDirectorProvincialY1 = firstY1;
    this.firstDirectorProvincialY2 = firstY2;
    this.seconded = seconded;
    this.secondedMonths = secondedMonths;
    this.bachelors = bachelors;
    this.relevantMajors = relevant;
    this.seValid = seValid;
    this.seExpired = seExpired;
    this.seOtherClass = seOther;
    this.certSubject = certSubject;
    this.certCertified = certCertified;
    this.trainingSubject = trainingSubject;
    this.trainingOk = trainingOk;
    this.healthOk = healthOk;
    this.officers = officers;
    this.informationAdministrators = admins;
    this.disciplinaryRecords = records;
    this.disciplinedPeople = people;
  }

  private equipment(facts: StationFacts): void {
    const inService = this.inService;
    inService.fill(0);
    const equipment = facts.equipment;
    for (let i = 0; i < equipment.length; i++) {
      const e = equipment[i];
      if (e.status !== 'IN_SERVICE') continue;
      const t = EQUIPMENT_INDEX_MAP.get(e.type);
      if (t !== undefined && Number.isFinite(e.quantity) && e.quantity > 0) inService[t] += e.quantity;
    }
  }

  private cases(facts: StationFacts): void {
    const window = this.window2;
    const deadline = this.caseEntryDeadlineDays;
    let general = 0;
    let late = 0;
    let unarchived = 0;
    let unpublicised = 0;
    let unrecorded = 0;
    let major = 0;
    let majorUnreviewed = 0;
    let reviewed = 0;
    let passed = 0;
    let overturned = 0;
    const cases = facts.cases;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      const closedInWindow = window.has(c.closedOn);
      if (closedInWindow) {
        if (c.procedure === 'GENERAL') {
          general++;
          const base = c.decidedOn ?? c.closedOn;
          const entered = c.enteredOn;
          if (entered === null || entered === undefined || base === null || base === undefined || dayNumber(entered) > dayNumber(base) + deadline) late++;
          if (c.archived !== true) unarchived++;
          if (c.publicised !== true) unpublicised++;
          if (c.fullProcessRecorded !== true) unrecorded++;
          if (c.majorDecision === true) {
            major++;
            if (c.legalReviewed !== true) majorUnreviewed++;
          }
        }
        if (c.fileReview !== 'NOT_REVIEWED') {
          reviewed++;
          if (c.fileReview === 'PASSED') passed++;
        }
      }
      if (c.overturned === true && window.has(c.closedOn ?? c.decidedOn)) overturned++;
    }
    this.generalCases = general;
    this.lateEntries = late;
    this.unarchived = unarchived;
    this.unpublicised = unpublicised;
    this.unrecorded = unrecorded;
    this.majorDecisions = major;
    this.majorUnreviewed = majorUnreviewed;
    this.reviewedFiles = reviewed;
    this.passedFiles = passed;
    this.overturned = overturned;
  }

  private profile(facts: StationFacts): void {
    let duties = 0;
    const d = facts.profile.duties;
    for (let i = 0; i < d.length; i++) duties |= DUTY_BIT.get(d[i]) ?? 0;
    let rooms = 0;
    const r = facts.profile.premises.rooms;
    for (let i = 0; i < r.length; i++) rooms |= ROOM_BIT_MAP.get(r[i]) ?? 0;
    this.duties = duties;
    this.rooms = rooms;
  }

  private yearly(facts: StationFacts): void {
    const y1 = this.year - 1;
    const y2 = this.year - 2;
    this.complaintsLastYear = figuresOfYear(facts, y1);
    let average: number | null = null;
    const averages = facts.mediationAverages;
    for (let i = 0; i < averages.length; i++) {
      if (averages[i].year === y1) {
        average = Number.isFinite(averages[i].rate) ? averages[i].rate : null;
        break;
      }
    }
    this.mediationAverageLastYear = average;
    let excellent = 0;
    const reviews = facts.annualReviews;
    for (let i = 0; i < reviews.length; i++) {
      const r = reviews[i];
      if (r.subject === 'STATION' && r.result === 'EXCELLENT' && (r.year === y1 || r.year === y2) && r.year > excellent) excellent = r.year;
    }
    this.excellentYear = excellent;
  }
}

/**
 * Figures of one calendar year: the 'YYYY' row when there is one, else the sum of its
 * 'YYYY-MM' rows. A period pushed twice uses its first row in canonical order (the rows
 * are in canonical order, so a repeated period follows its first row).
 */
export function figuresOfYear(facts: StationFacts, year: number): YearFigures | null {
  const yearKey = String(year);
  const monthPrefix = `${yearKey}-`;
  let months = 0;
  let previous: string | null = null;
  let total: ComplaintCounts | null = null;
  const figures = facts.complaintFigures;
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i];
    if (f.period === yearKey) return { year, counts: pickCounts(f), months: 0 };
    if (f.period !== previous && f.period.startsWith(monthPrefix)) {
      months++;
      if (total === null) total = pickCounts(f);
      else addCounts(total, f);
    }
    previous = f.period;
  }
  return total === null ? null : { year, counts: total, months };
}

function pickCounts(f: ComplaintCounts): ComplaintCounts {
  return {
    complaintsReceived: f.complaintsReceived || 0,
    complaintsCheckedOnTime: f.complaintsCheckedOnTime || 0,
    complaintsClosed: f.complaintsClosed || 0,
    complaintsClosedOnTime: f.complaintsClosedOnTime || 0,
    mediationsAttempted: f.mediationsAttempted || 0,
    mediationsSucceeded: f.mediationsSucceeded || 0,
    reportsReceived: f.reportsReceived || 0,
    reportsVerifiedOnTime: f.reportsVerifiedOnTime || 0,
    realNameReports: f.realNameReports || 0,
    realNameReportersNotified: f.realNameReportersNotified || 0,
  };
}
function addCounts(a: ComplaintCounts, f: ComplaintCounts): void {
  a.complaintsReceived += f.complaintsReceived || 0;
  a.complaintsCheckedOnTime += f.complaintsCheckedOnTime || 0;
  a.complaintsClosed += f.complaintsClosed || 0;
  a.complaintsClosedOnTime += f.complaintsClosedOnTime || 0;
  a.mediationsAttempted += f.mediationsAttempted || 0;
  a.mediationsSucceeded += f.mediationsSucceeded || 0;
  a.reportsReceived += f.reportsReceived || 0;
  a.reportsVerifiedOnTime += f.reportsVerifiedOnTime || 0;
  a.realNameReports += f.realNameReports || 0;
  a.realNameReportersNotified += f.realNameReportersNotified || 0;
}
