// Who is on a roster (附件2) on a day, and a roster's counts: pure rules over the roster as
// PersonnelRepository.roster() reads it (the dashboard and the live forms use both).
import { ESTABLISHED_STAFFING_TYPES, STAFFING_TYPES, EDUCATIONS, MAJOR_CATEGORIES } from '../domain/vocabulary.js';
import type { TrainingYear } from '../domain/station-data.js';

/** One person of a roster as shown, with the personal fields apart: they are released only to roles allowed to see them. */
export interface PersonView {
  stationCode: string;
  countyCode: string;
  externalId: string;
  position: string;
  staffingType: string;
  /** 在编: every staffing type but auxiliary. */
  established: boolean;
  education: string;
  major: string | null;
  majorCategory: string;
  hiredOn: string | null;
  secondedMonths: number;
  hasEnforcementCert: boolean;
  specialEquipmentCertClass: string | null;
  specialEquipmentCertExpiresOn: string | null;
  lastHealthCheckOn: string | null;
  informationAdministrator: boolean;
  leftOn: string | null;
  trainings: TrainingYear[];
  personal: { name: string; birthMonth: string | null; enforcementCertNo: string | null; specialEquipmentCertNo: string | null };
}

/** How many of a roster have a value (staffing type, education, …). */
interface ValueCount {
  key: string;
  count: number;
}

/** A roster counted (the dashboard's RosterSummary). */
export interface RosterCounts {
  total: number;
  established: number;
  auxiliary: number;
  byStaffingType: ValueCount[];
  byEducation: ValueCount[];
  byMajorCategory: ValueCount[];
  bachelorOrAbove: number;
  enforcementCertHolders: number;
  specialEquipmentCertHolders: number;
  classBSpecialEquipmentCertHolders: number;
  trainingYear: number;
  trainingCompliant: number;
  trainingComplianceRate: number | null;
  informationAdministrators: number;
  hasDirector: boolean;
}

const ESTABLISHED = new Set<string>(ESTABLISHED_STAFFING_TYPES);
const BACHELOR_OR_HIGHER = new Set(['DOCTORATE', 'MASTER', 'BACHELOR']);

/** Whether a staffing type is 在编 (established). */
export const isEstablished = (staffingType: string): boolean => ESTABLISHED.has(staffingType);

/** On the roster on `day`: no leaving date, or one still to come. */
export function onRoster(person: { leftOn: string | null }, day: string): boolean {
  return person.leftOn === null || person.leftOn > day;
}

/** Counts of a roster; `today` (YYYY-MM-DD) dates certificate validity and the training year. People who have left are not counted. */
export function summariseRoster(everyone: readonly PersonView[], today: string): RosterCounts {
  const people = everyone.filter((p) => onRoster(p, today));
  const established = people.filter((p) => p.established);
  const trainingYear = Number(today.slice(0, 4)) - 1;
  const trained = established.filter((p) => {
    const t = p.trainings.find((y) => y.year === trainingYear);
    return t !== undefined && (t.offlineDays >= 12 || t.offlineHours + t.onlineHours >= 90);
  }).length;
  const validSe = people.filter((p) => p.specialEquipmentCertClass !== null && (p.specialEquipmentCertExpiresOn ?? '') >= today);
  return {
    total: people.length,
    established: established.length,
    auxiliary: people.length - established.length,
    byStaffingType: countBy(people, (p) => p.staffingType, STAFFING_TYPES),
    byEducation: countBy(established, (p) => p.education, EDUCATIONS),
    byMajorCategory: countBy(established, (p) => p.majorCategory, MAJOR_CATEGORIES),
    bachelorOrAbove: established.filter((p) => BACHELOR_OR_HIGHER.has(p.education)).length,
    enforcementCertHolders: established.filter((p) => p.hasEnforcementCert).length,
    specialEquipmentCertHolders: validSe.length,
    classBSpecialEquipmentCertHolders: validSe.filter((p) => p.specialEquipmentCertClass === 'B').length,
    trainingYear,
    trainingCompliant: trained,
    trainingComplianceRate: established.length > 0 ? trained / established.length : null,
    informationAdministrators: people.filter((p) => p.informationAdministrator).length,
    hasDirector: people.some((p) => p.position === 'DIRECTOR'),
  };
}

/** Counts in vocabulary order, zero counts left out. */
function countBy<T>(items: readonly T[], key: (item: T) => string, order: readonly string[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return order.filter((k) => counts.has(k)).map((k) => ({ key: k, count: counts.get(k)! }));
}
