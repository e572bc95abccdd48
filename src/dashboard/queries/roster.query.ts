// The roster (附件2) of stations: one statement for any number of stations, people with
// their trainings; the summary is counted from the same rows.
import { ESTABLISHED_STAFFING_TYPES, STAFFING_TYPES, EDUCATIONS, MAJOR_CATEGORIES, type StaffingType } from '../../domain/vocabulary.js';
import type { KeyCount } from '../types/common.types.js';
import type { RosterEntry, RosterSummary, TrainingYearView } from '../types/roster.types.js';
import type { Queryable } from '../../database/queryable.js';

/** A roster entry with the personal fields the resolver releases only to roles allowed to see them. */
export interface PersonView extends RosterEntry {
  stationCode: string;
  countyCode: string;
  personal: { name: string; birthMonth: string | null; enforcementCertNo: string | null; specialEquipmentCertNo: string | null };
}

interface PersonRow {
  station_code: string;
  county_code: string;
  external_id: string;
  name: string;
  position: string;
  birth_month: string | null;
  education: string;
  major: string | null;
  major_category: string;
  staffing_type: StaffingType;
  enforcement_cert_no: string | null;
  se_cert_number: string | null;
  se_cert_class: string | null;
  se_cert_expires_on: string | null;
  hired_on: string | null;
  seconded_months: number;
  last_health_check_on: string | null;
  information_administrator: boolean;
  left_on: string | null;
  trainings: { year: number; offlineDays: number; offlineHours: number; onlineHours: number; provincialTrainings: number }[] | null;
}

const ESTABLISHED = new Set<string>(ESTABLISHED_STAFFING_TYPES);
const BACHELOR_OR_HIGHER = new Set(['DOCTORATE', 'MASTER', 'BACHELOR']);

export async function loadPeople(db: Queryable, codes: readonly string[]): Promise<Map<string, PersonView[]>> {
  const rows = await db.query<PersonRow[]>(
    `SELECT p.station_code, s.county_code, p.external_id, p.name, p.position, p.birth_month, p.education, p.major, p.major_category, p.staffing_type,
            p.enforcement_cert_no, p.se_cert_number, p.se_cert_class, p.se_cert_expires_on, p.hired_on, p.seconded_months, p.last_health_check_on,
            p.information_administrator, p.left_on,
            (SELECT json_agg(json_build_object('year', t.year, 'offlineDays', t.offline_days, 'offlineHours', t.offline_hours, 'onlineHours', t.online_hours,
                                               'provincialTrainings', t.provincial_trainings) ORDER BY t.year)
             FROM person_training t WHERE t.person_id = p.id) AS trainings
     FROM person p JOIN station s ON s.code = p.station_code
     WHERE p.station_code = ANY($1::varchar[])
     ORDER BY p.station_code, p.external_id`,
    [codes],
  );
  const out = new Map<string, PersonView[]>(codes.map((c) => [c, []]));
  for (const r of rows) {
    out.get(r.station_code)?.push({
      stationCode: r.station_code,
      countyCode: r.county_code,
      externalId: r.external_id,
      position: r.position,
      staffingType: r.staffing_type,
      established: ESTABLISHED.has(r.staffing_type),
      education: r.education,
      major: r.major,
      majorCategory: r.major_category,
      hiredOn: r.hired_on,
      secondedMonths: r.seconded_months,
      hasEnforcementCert: r.enforcement_cert_no !== null,
      specialEquipmentCertClass: r.se_cert_class,
      specialEquipmentCertExpiresOn: r.se_cert_expires_on,
      lastHealthCheckOn: r.last_health_check_on,
      informationAdministrator: r.information_administrator,
      leftOn: r.left_on,
      trainings: (r.trainings ?? []).map(
        (t): TrainingYearView => ({ year: t.year, offlineDays: Number(t.offlineDays), offlineHours: Number(t.offlineHours), onlineHours: Number(t.onlineHours), provincialTrainings: t.provincialTrainings }),
      ),
      personal: { name: r.name, birthMonth: r.birth_month, enforcementCertNo: r.enforcement_cert_no, specialEquipmentCertNo: r.se_cert_number },
    });
  }
  return out;
}

/** On the roster on `day`: no leaving date, or one still to come. */
export function onRoster(person: { leftOn: string | null }, day: string): boolean {
  return person.leftOn === null || person.leftOn > day;
}

/** Counts of a roster; `today` (YYYY-MM-DD) dates certificate validity and the training year. People who have left are not counted. */
export function summariseRoster(everyone: readonly PersonView[], today: string): RosterSummary {
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
function countBy<T>(items: readonly T[], key: (item: T) => string, order: readonly string[]): KeyCount[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return order.filter((k) => counts.has(k)).map((k) => ({ key: k, count: counts.get(k)! }));
}
