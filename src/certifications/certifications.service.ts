import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Certification } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { TableSpec } from '../database/record-kind.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CERTIFICATION_ITEM_KEYS } from './certification.dto.js';

const itemArray = (c: Certification): boolean[] => CERTIFICATION_ITEM_KEYS.map((k) => c.items[k] === true);

export const CERTIFICATION_TABLE: TableSpec<Certification> = {
  table: 'certification',
  entity: 'certification',
  keyColumn: 'year',
  keyType: 'smallint',
  keyOf: (c) => String(c.year),
  keyValue: (c) => c.year,
  returnsId: false,
  columns: [
    // Each row's 12 items travel as one array literal: unnest() would flatten a 2-D array.
    { name: 'items', type: 'text', cast: 'boolean[]', value: (c) => `{${itemArray(c).join(',')}}` },
    { name: 'certified_by', type: 'varchar', value: (c) => c.certifiedBy },
    { name: 'certified_on', type: 'date', value: (c) => c.certifiedOn },
  ],
};

/** The county certification (附件3) of a station per rating year, stored as 12 booleans. */
@Injectable()
export class CertificationsService {
  private readonly rows: StationRowsWriter<Certification>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<Certification>({ table: CERTIFICATION_TABLE, reason: 'certifications', digest: (c) => rowDigest({ ...c, items: itemArray(c) }) }, audit, outbox);
  }

  async put(manager: EntityManager, ctx: WriteContext, stationCode: string, certification: Certification): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'certifications.put', [{ stationCode, row: certification }]);
  }

  writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: Certification }[]): Promise<WriteSummary> {
    return this.rows.write(manager, ctx, 'certifications.put', rows);
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string, year?: number): Promise<Certification[]> {
    await this.access.checkRead(manager, principal, stationCode);
    const rows = await manager.query<{ year: number; items: boolean[]; certified_by: string | null; certified_on: string | null }[]>(
      `SELECT year, items, certified_by, certified_on FROM certification WHERE station_code = $1 AND ($2::int IS NULL OR year = $2) ORDER BY year`,
      [stationCode, year ?? null],
    );
    if (year !== undefined && rows.length === 0) throw DomainError.notFound(`certification of ${year} at station ${stationCode}`);
    return rows.map((r) => ({
      year: r.year,
      items: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k, i) => [k, r.items[i] === true])),
      certifiedBy: r.certified_by,
      certifiedOn: r.certified_on,
    }));
  }
}
