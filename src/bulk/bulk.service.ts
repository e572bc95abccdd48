import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';
import type { EnforcementCase, Equipment, Person } from '../domain/station-data.js';
import { EquipmentService } from '../equipment/equipment.service.js';
import { StationAccess } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { PersonnelService } from '../personnel/personnel.service.js';

export interface StationRows<R> {
  stationCode: string;
  row: R;
}

/**
 * Multi-station batches for county systems that sync thousands of rows at once: the rows of
 * many stations of the caller's region upserted in one transaction, with the same row
 * semantics as PATCH on each station. Every station is locked (in code order) first.
 */
@Injectable()
export class BulkService {
  constructor(
    private readonly access: StationAccess,
    private readonly personnel: PersonnelService,
    private readonly equipment: EquipmentService,
    private readonly cases: CasesService,
  ) {}

  async personnelUpsert(manager: EntityManager, ctx: WriteContext, rows: readonly StationRows<Person>[]): Promise<WriteSummary> {
    await this.lockAll(manager, ctx, rows, (r) => r.externalId);
    return this.personnel.writeLocked(manager, ctx, rows, 'personnel.bulk_upsert');
  }

  async equipmentUpsert(manager: EntityManager, ctx: WriteContext, rows: readonly StationRows<Equipment>[]): Promise<WriteSummary> {
    await this.lockAll(manager, ctx, rows, (r) => r.externalId);
    return this.equipment.writeLocked(manager, ctx, rows, 'equipment.bulk_upsert');
  }

  async casesUpsert(manager: EntityManager, ctx: WriteContext, rows: readonly StationRows<EnforcementCase>[]): Promise<WriteSummary> {
    await this.lockAll(manager, ctx, rows, (r) => r.caseNumber);
    return this.cases.writeLocked(manager, ctx, rows, 'cases.bulk_upsert');
  }

  /** Locks every station of the batch; rows of unknown stations are a 400, of foreign ones a 403. */
  private async lockAll<R>(manager: EntityManager, ctx: WriteContext, rows: readonly StationRows<R>[], keyOf: (row: R) => string): Promise<void> {
    const stations = await this.access.lockMany(
      manager,
      rows.map((r) => r.stationCode),
    );
    const unknown: FieldProblem[] = [];
    const foreign: FieldProblem[] = [];
    const covered = new Map<string, boolean>();
    rows.forEach((r, index) => {
      const station = stations.get(r.stationCode);
      if (!station) {
        unknown.push({ index, key: `${r.stationCode}/${keyOf(r.row)}`, path: 'stationCode', reason: `no station ${r.stationCode}: push its profile first (PUT /api/v1/stations/${r.stationCode})` });
        return;
      }
      let inside = covered.get(station.code);
      if (inside === undefined) covered.set(station.code, (inside = coversRegion(ctx.principal, station.countyCode)));
      if (!inside) foreign.push({ index, key: `${r.stationCode}/${keyOf(r.row)}`, path: 'stationCode', reason: `station ${r.stationCode} is outside this key's region (${ctx.principal.regionCode})` });
    });
    if (foreign.length > 0) throw new DomainError('FORBIDDEN', `${foreign.length} row(s) belong to stations outside this key's region; nothing was stored`, foreign);
    if (unknown.length > 0) throw DomainError.badInput(`${unknown.length} row(s) name unknown stations; nothing was stored`, unknown);
  }
}
