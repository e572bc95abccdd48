// The roster's rows (附件2): a person per station and external id, and the person's training
// years and disciplinary records in two child tables keyed by the person's id.
import type { ColumnSpec, RecordKind, RecordRead } from '../database/record-kind.js';
import type { DisciplinaryRecord, Person, TrainingYear } from '../domain/station-data.js';

/** A stored person; `id` ties the children to them. */
export interface PersonRow {
  id: string;
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

const PERSON_SELECT = [
  'id',
  'external_id',
  'name',
  'position',
  'birth_month',
  'education',
  'major',
  'major_category',
  'staffing_type',
  'enforcement_cert_no',
  'se_cert_number',
  'se_cert_class',
  'se_cert_expires_on',
  'hired_on',
  'seconded_months',
  'last_health_check_on',
  'information_administrator',
  'left_on',
] as const;

/** PERSON_RECORD.select over a table alias, for reads that join person to another table. */
export const personColumnsOf = (alias: string): string => PERSON_SELECT.map((c) => `${alias}.${c}`).join(', ');

export const PERSON_RECORD: RecordKind<Person, PersonRow> = {
  table: 'person',
  entity: 'person',
  keyColumn: 'external_id',
  keyType: 'varchar',
  keyOf: (p) => p.externalId,
  returnsId: true,
  columns: [
    { name: 'name', type: 'varchar', value: (p) => p.name },
    { name: 'position', type: 'varchar', value: (p) => p.position },
    { name: 'birth_month', type: 'varchar', value: (p) => p.birthMonth },
    { name: 'education', type: 'varchar', value: (p) => p.education },
    { name: 'major', type: 'varchar', value: (p) => p.major },
    { name: 'major_category', type: 'varchar', value: (p) => p.majorCategory },
    { name: 'staffing_type', type: 'varchar', value: (p) => p.staffingType },
    { name: 'enforcement_cert_no', type: 'varchar', value: (p) => p.enforcementCertNo },
    { name: 'se_cert_number', type: 'varchar', value: (p) => p.specialEquipmentCert?.number ?? null },
    { name: 'se_cert_class', type: 'varchar', value: (p) => p.specialEquipmentCert?.class ?? null },
    { name: 'se_cert_expires_on', type: 'date', value: (p) => p.specialEquipmentCert?.expiresOn ?? null },
    { name: 'hired_on', type: 'date', value: (p) => p.hiredOn },
    { name: 'seconded_months', type: 'int', value: (p) => p.secondedMonths },
    { name: 'last_health_check_on', type: 'date', value: (p) => p.lastHealthCheckOn },
    { name: 'information_administrator', type: 'boolean', value: (p) => p.informationAdministrator },
    { name: 'left_on', type: 'date', value: (p) => p.leftOn ?? null },
  ],
  select: PERSON_SELECT.join(', '),
  order: 'external_id',
  // Children come later (their own reads), appended in order.
  fromRow: (r) => personFromRow(r, [], []),
};

export function personFromRow(row: PersonRow, trainings: TrainingYear[], disciplinaryRecords: DisciplinaryRecord[]): Person {
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

/**
 * A child table of person: no key of its own (its rows are rewritten whole with their
 * person's), read person by person. `select` and `order` are over the alias `c` (the
 * child; a person's children are read by the people's ids); `columns` are written beside
 * `person_id`. The person's row digest covers them, so they have no fact digest of their own.
 */
export interface PersonChildKind<D, R extends object> extends Omit<RecordRead<D, R>, 'factDigest'> {
  columns: ColumnSpec<D>[];
}

/** A child row as read: the person it belongs to beside its own columns. */
export type PersonChildRowOf<R> = R & { person_id: string };

interface TrainingRow {
  year: number;
  offline_days: number;
  offline_hours: number;
  online_hours: number;
  provincial_trainings: number;
}

export const TRAINING_RECORD: PersonChildKind<TrainingYear, TrainingRow> = {
  table: 'person_training',
  columns: [
    { name: 'year', type: 'int', value: (t) => t.year },
    { name: 'offline_days', type: 'numeric', value: (t) => t.offlineDays },
    { name: 'offline_hours', type: 'numeric', value: (t) => t.offlineHours },
    { name: 'online_hours', type: 'numeric', value: (t) => t.onlineHours },
    { name: 'provincial_trainings', type: 'int', value: (t) => t.provincialTrainings },
  ],
  // Numbers as float8: numeric would come back as text.
  select: `c.person_id, c.year, c.offline_days::float8 AS offline_days, c.offline_hours::float8 AS offline_hours,
  c.online_hours::float8 AS online_hours, c.provincial_trainings`,
  order: 'c.person_id, c.year',
  fromRow: (t) => ({ year: t.year, offlineDays: t.offline_days, offlineHours: t.offline_hours, onlineHours: t.online_hours, provincialTrainings: t.provincial_trainings }),
};

export const DISCIPLINARY_RECORD: PersonChildKind<DisciplinaryRecord, DisciplinaryRecord> = {
  table: 'person_disciplinary_record',
  columns: [
    { name: 'date', type: 'date', value: (d) => d.date },
    { name: 'kind', type: 'varchar', value: (d) => d.kind },
    { name: 'description', type: 'varchar', value: (d) => d.description },
  ],
  select: 'c.person_id, c.date, c.kind, c.description',
  // Same-day records in the order they were written.
  order: 'c.person_id, c.date, c.id',
  fromRow: (d) => ({ date: d.date, kind: d.kind, description: d.description }),
};

/**
 * Every child row of the people of the given stations ($1), person by person in the child's
 * order. The people's ids are an array computed once (not a join): planned as a join, a
 * chunk of 250 stations read the whole child table (a parallel sequential scan, 140 ms on
 * 40,000 stations); as `= ANY(array)` it is one index scan (12 ms).
 */
export function personChildrenSql(child: Pick<PersonChildKind<unknown, object>, 'table' | 'select' | 'order'>): string {
  return `SELECT ${child.select} FROM ${child.table} c
          WHERE c.person_id = ANY(ARRAY(SELECT id FROM person WHERE station_code = ANY($1))) ORDER BY ${child.order}`;
}
