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
import type { WrittenRow } from '../ingestion/table-writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { PERSON_RECORD } from './person.record.js';
import { normalizePerson, type StationPerson } from './person.dto.js';
import { withoutPersonalData, type PersonWithoutPersonalData } from './personal-data.js';
import { PersonnelRepository, type StationPersonRecord } from './personnel.repository.js';

/** A person as a read answers it: whole, or without personal data (personal-data.ts). */
export type PersonRead = Person | PersonWithoutPersonalData;

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
      { table: PERSON_RECORD, reason: 'personnel', digest: sortedRowDigest, afterWrite: writeChildren },
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
      .filter(({ stationCode, person }) => !listed.has(`${stationCode}\u0000${person.externalId}`))
      .map(({ stationCode, person }): StationPerson => ({ stationCode, row: normalizePerson({ ...person, leftOn }) }));
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
    const people = (await this.select(manager, [stationCode], null, { onRosterOnly: !includeDeparted })).map((r) => r.person);
    return canReadPersonalData(principal, station.countyCode) ? people : people.map(withoutPersonalData);
  }

  /** One person, departed or not (asked for by id), as the key may read it. */
  async get(manager: EntityManager, principal: Principal, stationCode: string, externalId: string): Promise<PersonRead> {
    const station = await this.access.checkRead(manager, principal, stationCode);
    const [row] = await this.select(manager, [stationCode], externalId, { onRosterOnly: false });
    if (!row) throw DomainError.notFound(`person ${externalId} at station ${stationCode}`);
    return canReadPersonalData(principal, station.countyCode) ? row.person : withoutPersonalData(row.person);
  }

  /** `onRosterOnly`: without the people whose leaving date has come (leftOn ≤ today). */
  private select(manager: EntityManager, stationCodes: readonly string[], externalId: string | null, { onRosterOnly }: { onRosterOnly: boolean }): Promise<StationPersonRecord[]> {
    return new PersonnelRepository(manager).people(stationCodes, { externalId, onRosterOnly, today: todayIn(this.config.timeZone) });
  }
}

/**
 * Trainings and disciplinary records of the people just written: the old children of
 * updated people go, the new ones of every written person come.
 */
function writeChildren(manager: EntityManager, written: WrittenRow[], rowOf: (stationCode: string, key: string) => Person): Promise<void> {
  const updatedIds = written.filter((w) => !w.inserted).map((w) => w.id!);
  return new PersonnelRepository(manager).writeChildren(updatedIds, written.map((w) => ({ id: w.id!, person: rowOf(w.stationCode, w.key) })));
}
