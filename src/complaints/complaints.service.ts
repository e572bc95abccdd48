import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ComplaintFigures, MediationAverage } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { COMPLAINT_FIGURES_RECORD } from './complaint-figures.record.js';
import { ComplaintsRepository } from './complaints.repository.js';

/** 12315 complaint and report figures per station and period, and the national mediation averages. */
@Injectable()
export class ComplaintsService {
  private readonly rows: StationRowsWriter<ComplaintFigures>;

  constructor(
    private readonly access: StationAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<ComplaintFigures>({ table: COMPLAINT_FIGURES_RECORD, reason: 'complaints', digest: rowDigest }, audit, outbox);
  }

  /** PUT of one period: the figures of that year or month, replaced. */
  async put(manager: EntityManager, ctx: WriteContext, stationCode: string, figures: ComplaintFigures): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'complaints.put', [{ stationCode, row: figures }]);
  }

  /** Upsert of many periods of stations the caller has locked and checked (bundle writer). */
  writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: ComplaintFigures }[]): Promise<WriteSummary> {
    return this.rows.write(manager, ctx, 'complaints.put', rows);
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string, period?: string): Promise<ComplaintFigures[]> {
    await this.access.checkRead(manager, principal, stationCode);
    const rows = await new ComplaintsRepository(manager).list(stationCode, period);
    if (period !== undefined && rows.length === 0) throw DomainError.notFound(`complaint figures for ${period} at station ${stationCode}`);
    return rows;
  }

  /**
   * The national average mediation success rate of a year (national reference data, ADMIN keys only). A
   * change touches every station: one outbox row with no station and no region.
   */
  async putMediationAverage(manager: EntityManager, ctx: WriteContext, year: number, rate: number): Promise<WriteSummary> {
    const value = Math.round(rate * 10_000) / 10_000;
    const averages = new ComplaintsRepository(manager);
    const before = await averages.lockMediationAverage(year);
    if (before === value) return { ...emptySummary(), unchanged: 1 };
    const updatedBy = ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId ? null : ctx.principal.keyId;
    await averages.putMediationAverage(year, value, updatedBy);
    await this.audit.record(manager, ctx, 'mediation_average.put', [
      {
        stationCode: null,
        entity: 'mediation_average',
        entityKey: String(year),
        beforeDigest: before !== null ? rowDigest({ year, rate: before }) : null,
        afterDigest: rowDigest({ year, rate: value }),
      },
    ]);
    await this.outbox.everyStationChanged(manager, 'mediation_average');
    return before !== null ? { ...emptySummary(), updated: 1 } : { ...emptySummary(), created: 1 };
  }

  async mediationAverages(manager: EntityManager, year?: number): Promise<(MediationAverage & { updatedAt: string })[]> {
    const rows = await new ComplaintsRepository(manager).mediationAverages(year);
    if (year !== undefined && rows.length === 0) throw DomainError.notFound(`mediation average of ${year}`);
    return rows;
  }
}
