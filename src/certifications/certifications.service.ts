import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { Certification } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CERTIFICATION_RECORD, itemArray } from './certification.record.js';
import { CertificationsRepository } from './certifications.repository.js';

/** The county certification (附件3) of a station per rating year, stored as 12 booleans. */
@Injectable()
export class CertificationsService {
  private readonly rows: StationRowsWriter<Certification>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<Certification>({ table: CERTIFICATION_RECORD, reason: 'certifications', digest: (c) => rowDigest({ ...c, items: itemArray(c) }) }, audit, outbox);
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
    const rows = await new CertificationsRepository(manager).list(stationCode, year);
    if (year !== undefined && rows.length === 0) throw DomainError.notFound(`certification of ${year} at station ${stationCode}`);
    return rows;
  }
}
