// The one mapping between a `person` row (with its training years and disciplinary records)
// and the domain's Person, used by the push interface's read-back and the facts loader.
import type { DisciplinaryRecord, Person, TrainingYear } from '../domain/station-data.js';

/** Select list (unqualified columns of person) that `personFromRow` reads. */
export const PERSON_COLUMNS = `id, station_code, external_id, name, position, birth_month, education, major, major_category, staffing_type,
  enforcement_cert_no, se_cert_number, se_cert_class, se_cert_expires_on, hired_on, seconded_months, last_health_check_on,
  information_administrator, left_on`;

/** Select list of person_training (numbers as float8) for `TrainingRow`. */
export const TRAINING_COLUMNS = `person_id, year, offline_days::float8 AS offline_days, offline_hours::float8 AS offline_hours,
  online_hours::float8 AS online_hours, provincial_trainings`;

export interface PersonRow {
  id: string;
  station_code: string;
  external_id: string;
  name: string;
  position: Person['position'];
  birth_month: string | null;
  education: Person['education'];
  major: string | null;
  major_category: Person['majorCategory'];
  staffing_type: Person['staffingType'];
  enforcement_cert_no: string | null;
  se_cert_number: string | null;
  se_cert_class: 'A' | 'B' | null;
  se_cert_expires_on: string | null;
  hired_on: string | null;
  seconded_months: number;
  last_health_check_on: string | null;
  information_administrator: boolean;
  left_on: string | null;
}

export interface TrainingRow {
  person_id: string;
  year: number;
  offline_days: number;
  offline_hours: number;
  online_hours: number;
  provincial_trainings: number;
}

export function trainingFromRow(t: TrainingRow): TrainingYear {
  return { year: t.year, offlineDays: t.offline_days, offlineHours: t.offline_hours, onlineHours: t.online_hours, provincialTrainings: t.provincial_trainings };
}

/** A person without children yet; the caller appends trainings and records in order. */
export function personFromRow(row: PersonRow, trainings: TrainingYear[] = [], disciplinaryRecords: DisciplinaryRecord[] = []): Person {
  return {
    externalId: row.external_id,
    name: row.name,
    position: row.position,
    birthMonth: row.birth_month,
    education: row.education,
    major: row.major,
    majorCategory: row.major_category,
    staffingType: row.staffing_type,
    enforcementCertNo: row.enforcement_cert_no,
    specialEquipmentCert:
      row.se_cert_number !== null && row.se_cert_class !== null && row.se_cert_expires_on !== null
        ? { number: row.se_cert_number, class: row.se_cert_class, expiresOn: row.se_cert_expires_on }
        : null,
    hiredOn: row.hired_on,
    secondedMonths: row.seconded_months,
    trainings,
    lastHealthCheckOn: row.last_health_check_on,
    informationAdministrator: row.information_administrator,
    disciplinaryRecords,
    leftOn: row.left_on,
  };
}
