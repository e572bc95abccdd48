import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Equipment } from '../domain/station-data.js';
import { sortedRowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { EQUIPMENT_RECORD } from './equipment.record.js';
import { EquipmentRepository } from './equipment.repository.js';

/** A station's equipment register: replace, upsert, remove and read, set-based. */
@Injectable()
export class EquipmentService {
  private readonly rows: StationRowsWriter<Equipment>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<Equipment>({ table: EQUIPMENT_RECORD, reason: 'equipment', digest: sortedRowDigest }, audit, outbox);
  }

  async replace(manager: EntityManager, ctx: WriteContext, stationCode: string, items: readonly Equipment[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'equipment.replace', items.map((row) => ({ stationCode, row })), [stationCode]);
  }

  async upsert(manager: EntityManager, ctx: WriteContext, stationCode: string, items: readonly Equipment[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'equipment.upsert', items.map((row) => ({ stationCode, row })));
  }

  /** Upsert (or, with replaceStations, replace) across stations the caller has locked and checked. */
  writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: Equipment }[], action: string, replaceStations?: readonly string[]): Promise<WriteSummary> {
    return this.rows.write(manager, ctx, action, rows, replaceStations);
  }

  async remove(manager: EntityManager, ctx: WriteContext, stationCode: string, externalId: string): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.removeOne(manager, ctx, 'equipment.delete', stationCode, externalId, `equipment ${externalId}`);
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string, externalId?: string): Promise<Equipment[]> {
    await this.access.checkRead(manager, principal, stationCode);
    const rows = await new EquipmentRepository(manager).list(stationCode, externalId);
    if (externalId !== undefined && rows.length === 0) throw DomainError.notFound(`equipment ${externalId} at station ${stationCode}`);
    return rows;
  }
}
