import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { canReadPersonalData } from '../auth/personal-data.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { todayIn } from '../domain/dates.js';
import type { Person } from '../domain/station-data.js';
import { sortedRowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { TableSpec } from '../database/record-kind.js';
import type { WrittenRow } from '../ingestion/table-writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { PERSON_COLUMNS, personFromRow, type PersonRow } from './person-row.js';
import { normalizePerson, type StationPerson } from './person.dto.js';
import { withoutPersonalData, type PersonWithoutPersonalData } from './personal-data.js';

/** A person as a read answers it: whole, or without personal data (personal-data.ts). */
export type PersonRead = Person | PersonWithoutPersonalData;

export const PERSON_TABLE: TableSpec<Person> = {
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
};

/** A person row with its children aggregated as JSON (read-back of one station). */
interface PersonWithChildrenRow extends PersonRow {
  trainings: { year: number; offlineDays: number; offlineHours: number; onlineHours: number; provincialTrainings: number }[];
  records: { date: string; kind: string; description: string }[];
}

/**
 * A station's roster (附件2): replace, upsert, remove and read, set-based. People leave by
 * a date (leftOn), not by deletion: a replace marks those it no longer lists as departed
 * today, so their dated records (discipline) still count within their windows; DELETE
 * erases an entry made by mistake.
 */
@Injectable()
export class PersonnelService {
  private readonly rows: StationRowsWriter<Person>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rows = new StationRowsWriter<Person>(
      { table: PERSON_TABLE, reason: 'personnel', digest: sortedRowDigest, afterWrite: (manager, written, rowOf) => this.writeChildren(manager, written, rowOf) },
      audit,
      outbox,
    );
  }

  /** PUT: the roster becomes exactly `people`; those absent leave today (counted as removed). */
  async replace(manager: EntityManager, ctx: WriteContext, stationCode: string, people: readonly Person[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.replaceRosters(manager, ctx, 'personnel.replace', people.map((row) => ({ stationCode, row })), [stationCode]);
  }

  /** PATCH: upsert by externalId; people not in the batch stay. */
  async upsert(manager: EntityManager, ctx: WriteContext, stationCode: string, people: readonly Person[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'personnel.upsert', people.map((row) => ({ stationCode, row })));
  }

  /**
   * Upsert across stations the caller has already locked and checked (bulk endpoint, bundle
   * writer); with `replaceStations`, the rosters of those stations are replaced.
   */
  async writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly StationPerson[], action: string, replaceStations?: readonly string[]): Promise<WriteSummary> {
    return replaceStations ? this.replaceRosters(manager, ctx, action, rows, replaceStations) : this.rows.write(manager, ctx, action, rows);
  }

  /**
   * The rosters of `stations` become `rows`: everyone on them that `rows` does not list
   * (and who has no leaving date yet) is written back with leftOn = today. The summary
   * counts those departures as removed, as a PUT of a list always did.
   */
  private async replaceRosters(manager: EntityManager, ctx: WriteContext, action: string, rows: readonly StationPerson[], stations: readonly string[]): Promise<WriteSummary> {
    const listed = new Set(rows.map((r) => `${r.stationCode}\u0000${r.row.externalId}`));
    const leftOn = todayIn(this.config.timeZone);
    const leaving = (await this.select(manager, stations, null, { onRosterOnly: true }))
      .filter((row) => !listed.has(`${row.station_code}\u0000${row.external_id}`))
      .map((row): StationPerson => ({ stationCode: row.station_code, row: normalizePerson({ ...toPerson(row), leftOn }) }));
    const summary = await this.rows.write(manager, ctx, action, [...rows, ...leaving]);
    return { ...summary, updated: summary.updated - leaving.length, removed: summary.removed + leaving.length };
  }

  async remove(manager: EntityManager, ctx: WriteContext, stationCode: string, externalId: string): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.removeOne(manager, ctx, 'personnel.delete', stationCode, externalId, `person ${externalId}`);
  }

  /** The roster as of today as the key may read it (without personal data unless canReadPersonalData); people who have left only with `includeDeparted`. */
  async list(manager: EntityManager, principal: Principal, stationCode: string, includeDeparted = false): Promise<PersonRead[]> {
    const station = await this.access.checkRead(manager, principal, stationCode);
    const rows = await this.select(manager, [stationCode], null, { onRosterOnly: !includeDeparted });
    return canReadPersonalData(principal, station.countyCode) ? rows.map(toPerson) : rows.map((r) => withoutPersonalData(toPerson(r)));
  }

  /** One person, departed or not (asked for by id), as the key may read it. */
  async get(manager: EntityManager, principal: Principal, stationCode: string, externalId: string): Promise<PersonRead> {
    const station = await this.access.checkRead(manager, principal, stationCode);
    const [row] = await this.select(manager, [stationCode], externalId, { onRosterOnly: false });
    if (!row) throw DomainError.notFound(`person ${externalId} at station ${stationCode}`);
    return canReadPersonalData(principal, station.countyCode) ? toPerson(row) : withoutPersonalData(toPerson(row));
  }

  /** `onRosterOnly`: without the people whose leaving date has come (leftOn ≤ today). */
  private select(manager: EntityManager, stationCodes: readonly string[], externalId: string | null, { onRosterOnly }: { onRosterOnly: boolean }): Promise<PersonWithChildrenRow[]> {
    return manager.query<PersonWithChildrenRow[]>(
      `SELECT ${PERSON_COLUMNS},
         coalesce((SELECT json_agg(json_build_object('year', t.year, 'offlineDays', t.offline_days, 'offlineHours', t.offline_hours,
                     'onlineHours', t.online_hours, 'provincialTrainings', t.provincial_trainings) ORDER BY t.year)
                   FROM person_training t WHERE t.person_id = p.id), '[]') AS trainings,
         coalesce((SELECT json_agg(json_build_object('date', d.date, 'kind', d.kind, 'description', d.description) ORDER BY d.date, d.kind, d.description)
                   FROM person_disciplinary_record d WHERE d.person_id = p.id), '[]') AS records
       FROM person p WHERE p.station_code = ANY($1::varchar[]) AND ($2::varchar IS NULL OR p.external_id = $2)
         AND (NOT $3::boolean OR p.left_on IS NULL OR p.left_on > $4::date)
       ORDER BY p.station_code, p.external_id`,
      [stationCodes, externalId, onRosterOnly, todayIn(this.config.timeZone)],
    );
  }

  /**
   * Trainings and disciplinary records of the people just written, rewritten set-based:
   * the old children of updated people go, the new ones of every written person come.
   */
  private async writeChildren(manager: EntityManager, written: WrittenRow[], rowOf: (stationCode: string, key: string) => Person): Promise<void> {
    const updatedIds = written.filter((w) => !w.inserted).map((w) => w.id);
    if (updatedIds.length > 0) {
      await manager.query(`DELETE FROM person_training WHERE person_id = ANY($1::bigint[])`, [updatedIds]);
      await manager.query(`DELETE FROM person_disciplinary_record WHERE person_id = ANY($1::bigint[])`, [updatedIds]);
    }
    const trainings: { id: string; year: number; offlineDays: number; offlineHours: number; onlineHours: number; provincialTrainings: number }[] = [];
    const records: { id: string; date: string; kind: string; description: string }[] = [];
    for (const w of written) {
      const person = rowOf(w.stationCode, w.key);
      for (const t of person.trainings) trainings.push({ id: w.id!, ...t });
      for (const r of person.disciplinaryRecords) records.push({ id: w.id!, ...r });
    }
    if (trainings.length > 0) {
      await manager.query(
        `INSERT INTO person_training (person_id, year, offline_days, offline_hours, online_hours, provincial_trainings)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::numeric[], $4::numeric[], $5::numeric[], $6::int[])`,
        [
          trainings.map((t) => t.id),
          trainings.map((t) => t.year),
          trainings.map((t) => t.offlineDays),
          trainings.map((t) => t.offlineHours),
          trainings.map((t) => t.onlineHours),
          trainings.map((t) => t.provincialTrainings),
        ],
      );
    }
    if (records.length > 0) {
      await manager.query(
        `INSERT INTO person_disciplinary_record (person_id, date, kind, description)
         SELECT * FROM unnest($1::bigint[], $2::date[], $3::varchar[], $4::varchar[])`,
        [records.map((r) => r.id), records.map((r) => r.date), records.map((r) => r.kind), records.map((r) => r.description)],
      );
    }
  }
}

function toPerson(row: PersonWithChildrenRow): Person {
  const trainings = row.trainings.map((t) => ({
    year: t.year,
    offlineDays: Number(t.offlineDays),
    offlineHours: Number(t.offlineHours),
    onlineHours: Number(t.onlineHours),
    provincialTrainings: t.provincialTrainings,
  }));
  return personFromRow(row, trainings, row.records);
}
