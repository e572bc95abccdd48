// The roster's SQL: a station's people read back with their children, the children rewritten
// after a person upsert, and the rosters the dashboard and the live forms show. The person
// rows themselves are written by the set-based TableWriter with PERSON_RECORD.
import type { Queryable } from '../database/queryable.js';
import type { StationRowOf } from '../database/record-kind.js';
import type { DisciplinaryRecord, Person, TrainingYear } from '../domain/station-data.js';
import { DISCIPLINARY_RECORD, PERSON_RECORD, personColumnsOf, personFromRow, TRAINING_RECORD, type PersonChildKind, type PersonRow } from './person.record.js';
import { isEstablished, type PersonView } from './roster.js';

/** A person with the station whose roster they are on. */
export interface StationPersonRecord {
  stationCode: string;
  person: Person;
}

/** Which people to read back: one by external id, and whether those who have left are left out. */
export interface PeopleFilter {
  externalId: string | null;
  /** Leave out the people whose leaving date has come (leftOn ≤ today). */
  onRosterOnly: boolean;
  today: string;
}

/** A training year as json_build_object() gives it (numeric may come as text). */
type TrainingJson = Omit<TrainingYear, 'offlineDays' | 'offlineHours' | 'onlineHours'> & { offlineDays: number | string; offlineHours: number | string; onlineHours: number | string };

/** A person's training years, in year order, as a JSON array ([] without any). */
const TRAININGS_JSON = `coalesce((SELECT json_agg(json_build_object('year', t.year, 'offlineDays', t.offline_days, 'offlineHours', t.offline_hours,
                     'onlineHours', t.online_hours, 'provincialTrainings', t.provincial_trainings) ORDER BY t.year)
                   FROM person_training t WHERE t.person_id = p.id), '[]')`;

const trainingFromJson = (t: TrainingJson): TrainingYear => ({
  year: t.year,
  offlineDays: Number(t.offlineDays),
  offlineHours: Number(t.offlineHours),
  onlineHours: Number(t.onlineHours),
  provincialTrainings: t.provincialTrainings,
});

type PersonWithChildrenRow = StationRowOf<PersonRow> & { trainings: TrainingJson[]; records: DisciplinaryRecord[] };
type RosterRow = StationRowOf<PersonRow> & { county_code: string; trainings: TrainingJson[] };

export class PersonnelRepository {
  constructor(private readonly db: Queryable) {}

  /** People of the given stations with their trainings and disciplinary records, station by station in external-id order. */
  async people(stationCodes: readonly string[], { externalId, onRosterOnly, today }: PeopleFilter): Promise<StationPersonRecord[]> {
    const rows = await this.db.query<PersonWithChildrenRow[]>(
      `SELECT p.station_code, ${PERSON_RECORD.select},
         ${TRAININGS_JSON} AS trainings,
         coalesce((SELECT json_agg(json_build_object('date', d.date, 'kind', d.kind, 'description', d.description) ORDER BY d.date, d.kind, d.description)
                   FROM person_disciplinary_record d WHERE d.person_id = p.id), '[]') AS records
       FROM person p WHERE p.station_code = ANY($1::varchar[]) AND ($2::varchar IS NULL OR p.external_id = $2)
         AND (NOT $3::boolean OR p.left_on IS NULL OR p.left_on > $4::date)
       ORDER BY p.station_code, p.${PERSON_RECORD.order}`,
      [stationCodes, externalId, onRosterOnly, today],
    );
    return rows.map((r) => ({ stationCode: r.station_code, person: personFromRow(r, r.trainings.map(trainingFromJson), r.records) }));
  }

  /**
   * The trainings and disciplinary records of people just written, set-based: the old
   * children of `replacedIds` go, `people`'s (by person id) come.
   */
  async writeChildren(replacedIds: readonly string[], people: readonly { id: string; person: Person }[]): Promise<void> {
    if (replacedIds.length > 0) {
      await this.deleteChildren(TRAINING_RECORD, replacedIds);
      await this.deleteChildren(DISCIPLINARY_RECORD, replacedIds);
    }
    await this.insertChildren(TRAINING_RECORD, people.flatMap(({ id, person }) => person.trainings.map((row) => ({ id, row }))));
    await this.insertChildren(DISCIPLINARY_RECORD, people.flatMap(({ id, person }) => person.disciplinaryRecords.map((row) => ({ id, row }))));
  }

  /** The rosters (everyone, departed too) of the given stations, each code with an entry, one statement. */
  async roster(codes: readonly string[]): Promise<Map<string, PersonView[]>> {
    const rows = await this.db.query<RosterRow[]>(
      `SELECT p.station_code, s.county_code, ${personColumnsOf('p')}, ${TRAININGS_JSON} AS trainings
       FROM person p JOIN station s ON s.code = p.station_code
       WHERE p.station_code = ANY($1::varchar[])
       ORDER BY p.station_code, p.${PERSON_RECORD.order}`,
      [codes],
    );
    const out = new Map<string, PersonView[]>(codes.map((c) => [c, []]));
    for (const r of rows) out.get(r.station_code)?.push(personView(r));
    return out;
  }

  private async deleteChildren(child: Pick<PersonChildKind<unknown, object>, 'table'>, personIds: readonly string[]): Promise<void> {
    await this.db.query(`DELETE FROM ${child.table} WHERE person_id = ANY($1::bigint[])`, [personIds]);
  }

  /** One INSERT … SELECT unnest() of every row, typed by the child's columns. */
  private async insertChildren<D>(child: Pick<PersonChildKind<D, object>, 'table' | 'columns'>, rows: readonly { id: string; row: D }[]): Promise<void> {
    if (rows.length === 0) return;
    const { table, columns } = child;
    await this.db.query(
      `INSERT INTO ${table} (person_id, ${columns.map((c) => c.name).join(', ')})
       SELECT * FROM unnest($1::bigint[], ${columns.map((c, i) => `$${i + 2}::${c.type}[]`).join(', ')})`,
      [rows.map((r) => r.id), ...columns.map((c) => rows.map((r) => c.value(r.row)))],
    );
  }
}

function personView(r: RosterRow): PersonView {
  return {
    stationCode: r.station_code,
    countyCode: r.county_code,
    externalId: r.external_id,
    position: r.position,
    staffingType: r.staffing_type,
    established: isEstablished(r.staffing_type),
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
    trainings: r.trainings.map(trainingFromJson),
    personal: { name: r.name, birthMonth: r.birth_month, enforcementCertNo: r.enforcement_cert_no, specialEquipmentCertNo: r.se_cert_number },
  };
}
