// The station data that county systems push, in the county interface's own shape
// (camelCase, dates 'YYYY-MM-DD', months 'YYYY-MM', money as decimal strings).
// The REST DTOs implement these, the generator produces them, the recompute loader
// rebuilds them from the database and the scoring engine reads them.
import type {
  AnnualReviewResult,
  BonusCategory,
  BonusLevel,
  CaseProcedure,
  Duty,
  Education,
  EquipmentStatus,
  EquipmentType,
  FileReviewResult,
  MajorCategory,
  Position,
  Room,
  SpecialEquipmentCertClass,
  StaffingType,
  VetoKind,
} from './vocabulary.js';

/** 'YYYY-MM-DD' */
export type IsoDate = string;
/** 'YYYY-MM' */
export type IsoMonth = string;

export interface Premises {
  independent: boolean;
  rooms: Room[];
  internet: boolean;
  privateNetwork: boolean;
}

export interface StationProfile {
  name: string;
  countyCode: string;
  approvedHeadcount: number;
  duties: Duty[];
  premises: Premises;
}

export interface SpecialEquipmentCert {
  number: string;
  class: SpecialEquipmentCertClass;
  expiresOn: IsoDate;
}

/** One calendar year of training (附件2 columns 脱产培训 / 线上培训). */
export interface TrainingYear {
  year: number;
  offlineDays: number;
  offlineHours: number;
  onlineHours: number;
  /** Provincial-level (or higher) demonstration trainings or cross-region exchanges attended. */
  provincialTrainings: number;
}

export interface DisciplinaryRecord {
  date: IsoDate;
  kind: string;
  description: string;
}

export interface Person {
  externalId: string;
  name: string;
  position: Position;
  birthMonth: IsoMonth | null;
  education: Education;
  major: string | null;
  majorCategory: MajorCategory;
  staffingType: StaffingType;
  enforcementCertNo: string | null;
  specialEquipmentCert: SpecialEquipmentCert | null;
  hiredOn: IsoDate | null;
  /** Months seconded out (借出) in the last 2 years. */
  secondedMonths: number;
  trainings: TrainingYear[];
  lastHealthCheckOn: IsoDate | null;
  informationAdministrator: boolean;
  disciplinaryRecords: DisciplinaryRecord[];
  /**
   * The day the person left the station (absent or null: still there). From that day on
   * they are in no ratio and not on 附件2, but their dated records (discipline) still count
   * within their windows.
   */
  leftOn?: IsoDate | null;
}

export interface Equipment {
  externalId: string;
  type: EquipmentType;
  quantity: number;
  status: EquipmentStatus;
  acquiredOn: IsoDate | null;
}

export interface EnforcementCase {
  caseNumber: string;
  procedure: CaseProcedure;
  target: string;
  violation: string | null;
  filedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  closedOn: IsoDate | null;
  /** Date the case was entered into the case-handling system. */
  enteredOn: IsoDate | null;
  archived: boolean;
  publicised: boolean;
  fullProcessRecorded: boolean;
  majorDecision: boolean;
  legalReviewed: boolean;
  fileReview: FileReviewResult;
  /** When the county's case-file review (案卷评查) judged this file; absent: unknown (the closing date stands in). */
  fileReviewedOn?: IsoDate | null;
  overturned: boolean;
  /** When the decision was overturned on reconsideration or litigation; absent: unknown (the closing date stands in). */
  overturnedOn?: IsoDate | null;
  /** Yuan, decimal string such as "2000.00". */
  fineAmount: string;
  confiscationAmount: string;
  minorViolationExempted: boolean;
}

export interface ComplaintCounts {
  complaintsReceived: number;
  complaintsCheckedOnTime: number;
  complaintsClosed: number;
  complaintsClosedOnTime: number;
  mediationsAttempted: number;
  mediationsSucceeded: number;
  reportsReceived: number;
  reportsVerifiedOnTime: number;
  realNameReports: number;
  realNameReportersNotified: number;
}

/** 12315 figures for one period: 'YYYY' (a whole year) or 'YYYY-MM' (a month). */
export interface ComplaintFigures extends ComplaintCounts {
  period: string;
}

/** Parts that may never exceed their wholes, as [part, whole]. */
export const COMPLAINT_PART_WHOLE: ReadonlyArray<readonly [keyof ComplaintCounts, keyof ComplaintCounts]> = [
  ['complaintsCheckedOnTime', 'complaintsReceived'],
  ['complaintsClosed', 'complaintsReceived'],
  ['complaintsClosedOnTime', 'complaintsClosed'],
  ['mediationsAttempted', 'complaintsReceived'],
  ['mediationsSucceeded', 'mediationsAttempted'],
  ['reportsVerifiedOnTime', 'reportsReceived'],
  ['realNameReports', 'reportsReceived'],
  ['realNameReportersNotified', 'realNameReports'],
];

/** 附件3 item numbers 1..12 → yes/no; an absent item counts as no. */
export type CertificationItems = Partial<Record<`${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12}`, boolean>>;

export interface Certification {
  year: number;
  items: CertificationItems;
  certifiedBy: string | null;
  certifiedOn: IsoDate | null;
}

export interface BonusEvent {
  eventKey: string;
  category: BonusCategory;
  level: BonusLevel;
  date: IsoDate;
  /** 'COLLECTIVE' or a person's externalId. */
  subject: string;
  description: string;
  /** Only for category OTHER. */
  points: number | null;
}

/** A veto event as a county pushes it. */
export interface VetoEventInput {
  kind: VetoKind;
  date: IsoDate;
  description: string;
  personExternalId: string | null;
}

/** A stored veto event. */
export interface VetoEvent extends VetoEventInput {
  /** Stable id assigned by the service. */
  id: string;
  /** A lifted veto no longer blocks; only a province role may lift one. */
  lifted: boolean;
}

export interface AnnualReview {
  year: number;
  /** 'STATION' or a person's externalId. */
  subject: string;
  result: AnnualReviewResult;
}

/** National average mediation success rate of one year (province reference data), a fraction 0..1. */
export interface MediationAverage {
  year: number;
  rate: number;
}

/** Everything a county pushes about one station, in push order. */
export interface StationBundle {
  code: string;
  profile: StationProfile;
  personnel: Person[];
  equipment: Equipment[];
  cases: EnforcementCase[];
  complaintFigures: ComplaintFigures[];
  certifications: Certification[];
  bonusEvents: BonusEvent[];
  vetoEvents: VetoEventInput[];
  annualReviews: AnnualReview[];
}
