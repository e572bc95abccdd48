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
import type { DataRuleId, DataRuleParameters } from '../../../rubric/model/data-rules.js';
import type { Rubric } from '../../../rubric/model/rubric.js';
import { DUTY_BIT } from '../bits.js';
import type { EvaluationContext, StationFacts } from '../facts.js';
import { dayNumber, hasText, ymd } from '../util.js';
import { caseSampleFrom, describeSample, windowFrom } from '../windows.js';

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

/** A data rule: compares the aggregates of `x` with its parameters `p` (rubric data) and explains. */
export type RuleFn<K extends DataRuleId = DataRuleId> = (x: RuleInput, max: number, out: RuleOutcome, p: Readonly<DataRuleParameters[K]>) => void;

/** The parameters of the rubric's data criteria, by rule (compile.ts builds it once per rubric). */
export type RuleParameterTable = { readonly [K in DataRuleId]?: Readonly<DataRuleParameters[K]> };

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

interface StaffingSets {
  established: ReadonlySet<StaffingType>;
  civilServants: ReadonlySet<StaffingType>;
}

const STAFFING_SETS = new WeakMap<Rubric, StaffingSets>();
function staffingSets(rubric: Rubric): StaffingSets {
  let sets = STAFFING_SETS.get(rubric);
  if (sets === undefined) {
    const { establishedStaffingTypes, civilServantStaffingTypes } = rubric.parameters;
    STAFFING_SETS.set(rubric, (sets = { established: new Set(establishedStaffingTypes), civilServants: new Set(civilServantStaffingTypes) }));
  }
  return sets;
}

/** The roster rules' thresholds for one evaluation. */
interface RosterTerms {
  trainingYear: number;
  /** 36①: trained enough with this many offline days or this many hours in all. */
  minDays: number;
  minHours: number;
  /** 36②: years looked at, and provincial-level trainings needed in each. */
  directorYears: number;
  minPerYear: number;
  /** 33: civil servants hired on or after this date are exempt. */
  exemptFrom: IsoDate;
  /** 36①: people hired after this date are not yet subject. */
  hiredBy: IsoDate;
}

function rosterTerms(params: RuleParameterTable, cutOff: IsoDate, trainingYear: number): RosterTerms {
  const training = params.ANNUAL_TRAINING;
  return {
    trainingYear,
    minDays: training?.minOfflineDays ?? Infinity,
    minHours: training?.minTotalHours ?? Infinity,
    directorYears: Math.max(1, params.DIRECTOR_PROVINCIAL_TRAINING?.years ?? 1),
    minPerYear: params.DIRECTOR_PROVINCIAL_TRAINING?.minPerYear ?? 1,
    exemptFrom: windowFrom(cutOff, params.ENFORCEMENT_CERT_COVERAGE?.newHireExemptYears ?? 0),
    hiredBy: `${trainingYear}-12-31`,
  };
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

/** A year of per-year facts used by a rule, and whether it stands in for a year not reported yet. */
export interface YearUsed {
  /** The year read. */
  year: number;
  /** The year the rule asks for (Y−1) when `year` stands in for it, else 0. */
  missing: number;
}

export class RuleInput {
  /** Canonical facts (see prepareFacts: some collections in input order where order cannot matter). */
  facts!: StationFacts;
  /** R */
  cutOff = '';
  /** Y, the cut-off's year. */
  year = 0;
  /** A round's evaluation (no fallback to an earlier year), or the rolling one. */
  inRound = false;
  /** The rolling evaluation may still use Y−2 for figures of Y−1 not reported yet (until 31 March of Y). */
  canFallBack = false;
  /** "3月31日" */
  fallbackUntilText = '';
  /** 近2年 (the default window, note 10): [recent2From, R]; its length in years. */
  recent2From = '';
  recent2Years = 0;
  /** 近1年 */
  recent1From = '';
  recent1Years = 0;
  caseEntryDeadlineDays = 0;
  private readonly window2 = new Window();
  private readonly window1 = new Window();
  /** The case sample of 7④ and 8 (closing dates), and its description ("2026年9月至12月"). */
  private readonly sample = new Window();
  sampleText = '';

  // ---- roster at R (established = 在编, note 11; people who left by R are in no count but discipline) ----
  established = 0;
  /** Everyone on the roster whose position is DIRECTOR (any staffing type). */
  directors = 0;
  firstDirector: Person | null = null;
  /** The first director (canonical order) with a bachelor's degree or higher and an enforcement certificate. */
  firstQualifiedDirector: Person | null = null;
  /** 36①② read the training figures of this year (and the years before it for 36②). */
  trainingYear: YearUsed = { year: 0, missing: 0 };
  /** Some training was reported for trainingYear (by anyone on the roster). */
  trainingReported = false;
  /** Some director attended provincial-level training in each of 36②'s years. */
  directorTrainedEveryYear = false;
  /** The first director's provincial-level trainings in each of 36②'s years (index 0 = trainingYear). */
  firstDirectorProvincial: number[] = [];
  /** Established staff seconded out (months > 0), and their months. */
  seconded = 0;
  secondedMonths = 0;
  bachelors = 0;
  relevantMajors = 0;
  /** Established staff's special equipment certificates: class B valid on R, class B expired, other classes. */
  seValid = 0;
  seExpired = 0;
  seOtherClass = 0;
  /** 33: civil servants (公务员), those hired before the exemption window or undated, and those of them with a certificate. */
  civilServants = 0;
  certSubject = 0;
  certCertified = 0;
  /** 36①: established staff hired by 31 Dec of trainingYear (or undated), and those trained enough that year. */
  trainingSubject = 0;
  trainingOk = 0;
  /** 37①: established staff with a health check in 近1年. */
  healthOk = 0;
  /** Established staff holding an enforcement certificate (执法人员). */
  officers = 0;
  /** Anyone on the roster flagged information administrator. */
  informationAdministrators = 0;
  /** 18②: disciplinary records of established staff (also those who have left) dated in 近2年, and the people they concern. */
  disciplinaryRecords = 0;
  disciplinedPeople = 0;

  // ---- equipment: in-service quantity by type (EQUIPMENT_INDEX) ----
  readonly inService = new Float64Array(EQUIPMENT_TYPES.length);

  // ---- case ledger ----
  /** GENERAL procedure cases closed in the case sample (the set of 7④ and 8). */
  generalCases = 0;
  lateEntries = 0;
  unarchived = 0;
  unpublicised = 0;
  unrecorded = 0;
  majorDecisions = 0;
  majorUnreviewed = 0;
  /** 9①: the latest case-file review in 近2年 (its date, '' for none), its files and those that passed. */
  latestReviewOn = '';
  reviewedFiles = 0;
  passedFiles = 0;
  /** 9②: cases overturned (overturnedOn, else the closing date) in 近2年. */
  overturned = 0;
  /** "2026年9月至12月办结一般程序案件 N 件", built once for the rules that share it. */
  private generalCasesText: string | null = null;

  // ---- profile ----
  /** Duty bits (compile.ts DUTY_BIT). */
  duties = 0;
  /** Room bits (ROOM_BIT). */
  rooms = 0;

  // ---- 12315 and annual reviews ----
  /** 12315 figures of complaintsYear, or null when none were pushed. */
  complaintsLastYear: YearFigures | null = null;
  complaintsYear: YearUsed = { year: 0, missing: 0 };
  /** National average mediation success rate of complaintsYear (fraction), or null. */
  mediationAverageLastYear: number | null = null;
  /** 29③ looks at reviews of reviewYears years ending with reviewYear. */
  reviewYear: YearUsed = { year: 0, missing: 0 };
  reviewYears = 0;
  /** Some station review was reported for those years. */
  reviewsReported = false;
  /** The latest of those years in which the station was rated EXCELLENT, or 0. */
  excellentYear = 0;

  /** "2026年9月至12月办结一般程序案件 N 件" */
  generalCasesWindowText(): string {
    return (this.generalCasesText ??= `${this.sampleText}办结一般程序案件 ${this.generalCases} 件`);
  }

  /** Fills every aggregate from canonical facts (the object is reused between evaluations). */
  derive(facts: StationFacts, ctx: EvaluationContext, params: RuleParameterTable): this {
    this.setContext(ctx);
    this.facts = facts;
    this.generalCasesText = null;
    this.roster(facts.personnel, staffingSets(ctx.rubric), params);
    this.equipment(facts);
    this.cases(facts);
    this.profile(facts);
    this.yearly(facts, params);
    return this;
  }

  private ctxCutOff = '';
  private ctxRubric: Rubric | null = null;
  private ctxPolicy: EvaluationContext['policy'] | null = null;
  private ctxRound: EvaluationContext['round'] | null = null;

  /** Windows and texts that follow from the context alone: computed when it changes, not per station. */
  private setContext(ctx: EvaluationContext): void {
    const { cutOff, rubric, policy, round } = ctx;
    const sameRound = round === this.ctxRound || (round !== undefined && this.ctxRound !== null && this.ctxRound !== undefined && round.caseSampleFrom === this.ctxRound.caseSampleFrom && round.caseSampleTo === this.ctxRound.caseSampleTo);
    if (cutOff === this.ctxCutOff && rubric === this.ctxRubric && policy === this.ctxPolicy && sameRound) return;
    this.ctxCutOff = cutOff;
    this.ctxRubric = rubric;
    this.ctxPolicy = policy;
    this.ctxRound = round === undefined ? undefined : { caseSampleFrom: round.caseSampleFrom, caseSampleTo: round.caseSampleTo };
    const parameters = rubric.parameters;
    this.cutOff = cutOff;
    this.year = Number(cutOff.slice(0, 4));
    this.inRound = round !== undefined;
    const until = parameters.previousYearFallbackUntil;
    this.canFallBack = !this.inRound && cutOff <= `${this.year}-${String(until.month).padStart(2, '0')}-${String(until.day).padStart(2, '0')}`;
    this.fallbackUntilText = `${until.month}月${until.day}日`;
    this.recent2Years = parameters.defaultWindowYears;
    this.recent2From = windowFrom(cutOff, this.recent2Years);
    this.recent1Years = parameters.windowYears.recent1;
    this.recent1From = windowFrom(cutOff, this.recent1Years);
    this.caseEntryDeadlineDays = policy.caseEntryDeadlineDays;
    this.window2.set(this.recent2From, cutOff);
    this.window1.set(this.recent1From, cutOff);
    const sampleFrom = round?.caseSampleFrom ?? caseSampleFrom(cutOff, parameters.caseSampleMonths);
    const sampleTo = round?.caseSampleTo ?? cutOff;
    this.sample.set(sampleFrom, sampleTo);
    this.sampleText = describeSample(sampleFrom, sampleTo);
  }

  /** Y−1, or Y−2 standing in for it while the rolling evaluation may fall back and Y−1 has nothing. */
  private lastYear(reported: (year: number) => boolean): YearUsed {
    const y1 = this.year - 1;
    if (this.canFallBack && !reported(y1)) return { year: y1 - 1, missing: y1 };
    return { year: y1, missing: 0 };
  }

  private roster(personnel: readonly Person[], staffing: StaffingSets, params: RuleParameterTable): void {
    const cutOff = this.cutOff;
    const onRoster = (p: Person) => p.leftOn === null || p.leftOn === undefined || p.leftOn > cutOff;
    const ty = (this.trainingYear = this.lastYear((year) => personnel.some((p) => onRoster(p) && p.trainings?.some((t) => t.year === year) === true)));
    const terms = rosterTerms(params, cutOff, ty.year);
    this.resetRoster();
    for (let i = 0; i < personnel.length; i++) {
      const p = personnel[i];
      const isEstablished = staffing.established.has(p.staffingType);
      // 18② 党员干部: established staff, including those who have left since
      if (isEstablished) this.countDiscipline(p);
      if (!onRoster(p)) continue;
      if (p.informationAdministrator === true) this.informationAdministrators++;
      const isDirector = p.position === 'DIRECTOR';
      if (!isDirector && !isEstablished) continue;
      const trained = this.training(p, isDirector, terms);
      if (isDirector) this.countDirector(p, terms);
      if (isEstablished) this.countEstablished(p, staffing, terms, trained);
    }
  }

  private resetRoster(): void {
    this.established = this.directors = this.seconded = this.secondedMonths = this.bachelors = this.relevantMajors = 0;
    this.seValid = this.seExpired = this.seOtherClass = this.civilServants = this.certSubject = this.certCertified = 0;
    this.trainingSubject = this.trainingOk = this.healthOk = this.officers = this.informationAdministrators = 0;
    this.disciplinaryRecords = this.disciplinedPeople = 0;
    this.firstDirector = this.firstQualifiedDirector = null;
    this.trainingReported = this.directorTrainedEveryYear = false;
    this.firstDirectorProvincial = [];
  }

  /** 18②: a person's disciplinary records in 近2年. */
  private countDiscipline(p: Person): void {
    const recs = p.disciplinaryRecords;
    if (recs === undefined || recs === null || recs.length === 0) return;
    let mine = 0;
    for (let j = 0; j < recs.length; j++) if (this.window2.has(recs[j].date)) mine++;
    if (mine > 0) this.disciplinedPeople++;
    this.disciplinaryRecords += mine;
  }

  /** A director's provincial-level trainings per year back from trainingYear (36②); scratch, see training(). */
  private provincial: number[] = [];

  /**
   * Training of trainingYear (36①): whether the person was trained enough; for a director,
   * also their provincial-level trainings of 36②'s years (in `provincial`). Rows of one
   * year add up.
   */
  private training(p: Person, isDirector: boolean, terms: RosterTerms): boolean {
    const year = terms.trainingYear;
    let days = 0;
    let hours = 0;
    const provincial = isDirector ? (this.provincial = new Array<number>(terms.directorYears).fill(0)) : null;
    const trainings = p.trainings;
    if (trainings !== undefined && trainings !== null) {
      for (let j = 0; j < trainings.length; j++) {
        const t = trainings[j];
        if (t.year === year) {
          this.trainingReported = true;
          days += t.offlineDays || 0;
          hours += (t.offlineHours || 0) + (t.onlineHours || 0);
        }
        const back = year - t.year;
        if (provincial !== null && back >= 0 && back < terms.directorYears) provincial[back] += t.provincialTrainings || 0;
      }
    }
    return days >= terms.minDays || hours >= terms.minHours;
  }

  private countDirector(p: Person, terms: RosterTerms): void {
    const provincial = this.provincial;
    this.directors++;
    if (this.firstDirector === null) {
      this.firstDirector = p;
      this.firstDirectorProvincial = provincial;
    }
    if (this.firstQualifiedDirector === null && hasText(p.enforcementCertNo) && BACHELOR_OR_HIGHER.has(p.education)) this.firstQualifiedDirector = p;
    if (provincial.every((n) => n >= terms.minPerYear)) this.directorTrainedEveryYear = true;
  }

  private countEstablished(p: Person, staffing: StaffingSets, terms: RosterTerms, trained: boolean): void {
    const certified = hasText(p.enforcementCertNo);
    this.established++;
    if (p.secondedMonths > 0) {
      this.seconded++;
      this.secondedMonths += p.secondedMonths;
    }
    if (BACHELOR_OR_HIGHER.has(p.education)) this.bachelors++;
    if (RELEVANT_MAJORS.has(p.majorCategory)) this.relevantMajors++;
    const cert = p.specialEquipmentCert;
    if (cert) {
      if (cert.class !== 'B') this.seOtherClass++;
      else if (cert.expiresOn >= this.cutOff) this.seValid++;
      else this.seExpired++;
    }
    const hiredOn = p.hiredOn;
    if (staffing.civilServants.has(p.staffingType)) {
      this.civilServants++;
      if (hiredOn === null || hiredOn === undefined || hiredOn < terms.exemptFrom) {
        this.certSubject++;
        if (certified) this.certCertified++;
      }
    }
    if (hiredOn === null || hiredOn === undefined || !(hiredOn > terms.hiredBy)) {
      this.trainingSubject++;
      if (trained) this.trainingOk++;
    }
    if (this.window1.has(p.lastHealthCheckOn)) this.healthOk++;
    if (certified) this.officers++;
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
    const sample = this.sample;
    const deadline = this.caseEntryDeadlineDays;
    let general = 0;
    let late = 0;
    let unarchived = 0;
    let unpublicised = 0;
    let unrecorded = 0;
    let major = 0;
    let majorUnreviewed = 0;
    let latest = '';
    let reviewed = 0;
    let passed = 0;
    let overturned = 0;
    const cases = facts.cases;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i];
      if (c.procedure === 'GENERAL' && sample.has(c.closedOn)) {
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
      // 9①: only the latest review counts (最近一次案卷评查); a file without a review date was reviewed when closed
      if (c.fileReview !== 'NOT_REVIEWED') {
        const reviewedOn = c.fileReviewedOn ?? c.closedOn;
        if (window.has(reviewedOn)) {
          if (reviewedOn! > latest) {
            latest = reviewedOn!;
            reviewed = 0;
            passed = 0;
          }
          if (reviewedOn === latest) {
            reviewed++;
            if (c.fileReview === 'PASSED') passed++;
          }
        }
      }
      if (c.overturned === true && window.has(c.overturnedOn ?? c.closedOn ?? c.decidedOn)) overturned++;
    }
    this.generalCases = general;
    this.lateEntries = late;
    this.unarchived = unarchived;
    this.unpublicised = unpublicised;
    this.unrecorded = unrecorded;
    this.majorDecisions = major;
    this.majorUnreviewed = majorUnreviewed;
    this.latestReviewOn = latest;
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

  private yearly(facts: StationFacts, params: RuleParameterTable): void {
    const cy = (this.complaintsYear = this.lastYear((year) => figuresOfYear(facts, year) !== null));
    this.complaintsLastYear = figuresOfYear(facts, cy.year);
    let average: number | null = null;
    const averages = facts.mediationAverages;
    for (let i = 0; i < averages.length; i++) {
      if (averages[i].year === cy.year) {
        average = Number.isFinite(averages[i].rate) ? averages[i].rate : null;
        break;
      }
    }
    this.mediationAverageLastYear = average;
    const reviews = facts.annualReviews;
    const stationReviewed = (year: number) => reviews.some((r) => r.subject === 'STATION' && r.year === year);
    const ry = (this.reviewYear = this.lastYear(stationReviewed));
    const years = (this.reviewYears = Math.max(1, params.STATION_RATED_EXCELLENT?.years ?? 1));
    let excellent = 0;
    let reported = false;
    for (let i = 0; i < reviews.length; i++) {
      const r = reviews[i];
      if (r.subject !== 'STATION' || r.year > ry.year || r.year <= ry.year - years) continue;
      reported = true;
      if (r.result === 'EXCELLENT' && r.year > excellent) excellent = r.year;
    }
    this.reviewsReported = reported;
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
