import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { EnforcementCase } from '../domain/station-data.js';
import { sortedRowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CASE_RECORD } from './case.record.js';
import { CasesRepository } from './cases.repository.js';

/** A station's case ledger (执法办案台账), keyed by caseNumber. */
@Injectable()
export class CasesService {
  private readonly rows: StationRowsWriter<EnforcementCase>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<EnforcementCase>({ table: CASE_RECORD, reason: 'cases', digest: sortedRowDigest }, audit, outbox);
  }

  async replace(manager: EntityManager, ctx: WriteContext, stationCode: string, cases: readonly EnforcementCase[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'cases.replace', cases.map((row) => ({ stationCode, row })), [stationCode]);
  }

  async upsert(manager: EntityManager, ctx: WriteContext, stationCode: string, cases: readonly EnforcementCase[]): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'cases.upsert', cases.map((row) => ({ stationCode, row })));
  }

  /** Upsert (or, with replaceStations, replace) across stations the caller has locked and checked. */
  writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: EnforcementCase }[], action: string, replaceStations?: readonly string[]): Promise<WriteSummary> {
    return this.rows.write(manager, ctx, action, rows, replaceStations);
  }

  async remove(manager: EntityManager, ctx: WriteContext, stationCode: string, caseNumber: string): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.removeOne(manager, ctx, 'cases.delete', stationCode, caseNumber, `case ${caseNumber}`);
  }

  /** A page of the ledger ordered by caseNumber, starting after `after`. */
  async list(
    manager: EntityManager,
    principal: Principal,
    stationCode: string,
    page: { after?: string; limit: number },
  ): Promise<{ items: EnforcementCase[]; nextAfter: string | null }> {
    await this.access.checkRead(manager, principal, stationCode);
    return new CasesRepository(manager).page(stationCode, page.after ?? null, page.limit);
  }

  async get(manager: EntityManager, principal: Principal, stationCode: string, caseNumber: string): Promise<EnforcementCase> {
    await this.access.checkRead(manager, principal, stationCode);
    const found = await new CasesRepository(manager).get(stationCode, caseNumber);
    if (!found) throw DomainError.notFound(`case ${caseNumber} at station ${stationCode}`);
    return found;
  }
}
