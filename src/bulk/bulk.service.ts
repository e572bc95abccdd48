import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion } from '../auth/principal.js';
import { CasesService } from '../cases/cases.service.js';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';
import type { EnforcementCase, Equipment, Person } from '../domain/station-data.js';
import { EquipmentService } from '../equipment/equipment.service.js';
import { StationAccess, stationNotInRegionReason } from '../ingestion/station-access.js';
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

  /**
   * Locks every station of the batch; rows of stations that are unknown or outside the key's
   * region are one and the same 400 (a key cannot tell the two apart, see StationAccess).
   */
  private async lockAll<R>(manager: EntityManager, ctx: WriteContext, rows: readonly StationRows<R>[], keyOf: (row: R) => string): Promise<void> {
    const stations = await this.access.lockMany(
      manager,
      rows.map((r) => r.stationCode),
    );
    const unknown: FieldProblem[] = [];
    const covered = new Map<string, boolean>();
    rows.forEach((r, index) => {
      const station = stations.get(r.stationCode);
      let inside = station ? covered.get(station.code) : false;
      if (inside === undefined && station) covered.set(station.code, (inside = coversRegion(ctx.principal, station.countyCode)));
      if (!inside) unknown.push({ index, key: `${r.stationCode}/${keyOf(r.row)}`, path: 'stationCode', reason: stationNotInRegionReason(r.stationCode) });
    });
    if (unknown.length > 0) throw DomainError.badInput(`${unknown.length} row(s) name stations that are not in this key's region; nothing was stored`, unknown);
  }
}
