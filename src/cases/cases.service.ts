import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { EnforcementCase } from '../domain/station-data.js';
import { sortedRowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { TableSpec } from '../database/record-kind.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { CASE_COLUMNS, caseFromRow, type CaseRow } from './case-row.js';

export const CASE_TABLE: TableSpec<EnforcementCase> = {
  table: 'enforcement_case',
  entity: 'enforcement_case',
  keyColumn: 'case_number',
  keyType: 'varchar',
  keyOf: (c) => c.caseNumber,
  returnsId: false,
  columns: [
    { name: 'procedure', type: 'varchar', value: (c) => c.procedure },
    { name: 'target', type: 'varchar', value: (c) => c.target },
    { name: 'violation', type: 'varchar', value: (c) => c.violation },
    { name: 'filed_on', type: 'date', value: (c) => c.filedOn },
    { name: 'decided_on', type: 'date', value: (c) => c.decidedOn },
    { name: 'closed_on', type: 'date', value: (c) => c.closedOn },
    { name: 'entered_on', type: 'date', value: (c) => c.enteredOn },
    { name: 'archived', type: 'boolean', value: (c) => c.archived },
    { name: 'publicised', type: 'boolean', value: (c) => c.publicised },
    { name: 'full_process_recorded', type: 'boolean', value: (c) => c.fullProcessRecorded },
    { name: 'major_decision', type: 'boolean', value: (c) => c.majorDecision },
    { name: 'legal_reviewed', type: 'boolean', value: (c) => c.legalReviewed },
    { name: 'file_review', type: 'varchar', value: (c) => c.fileReview },
    { name: 'file_reviewed_on', type: 'date', value: (c) => c.fileReviewedOn ?? null },
    { name: 'overturned', type: 'boolean', value: (c) => c.overturned },
    { name: 'overturned_on', type: 'date', value: (c) => c.overturnedOn ?? null },
    { name: 'fine_amount', type: 'numeric', value: (c) => c.fineAmount },
    { name: 'confiscation_amount', type: 'numeric', value: (c) => c.confiscationAmount },
    { name: 'minor_violation_exempted', type: 'boolean', value: (c) => c.minorViolationExempted },
  ],
};


/** A station's case ledger (执法办案台账), keyed by caseNumber. */
@Injectable()
export class CasesService {
  private readonly rows: StationRowsWriter<EnforcementCase>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<EnforcementCase>({ table: CASE_TABLE, reason: 'cases', digest: sortedRowDigest }, audit, outbox);
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
    const rows = await this.select(manager, stationCode, `AND ($2::varchar IS NULL OR case_number > $2) ORDER BY case_number LIMIT $3`, [page.after ?? null, page.limit + 1]);
    const items = rows.slice(0, page.limit);
    return { items: items.map(caseFromRow), nextAfter: rows.length > page.limit ? items[items.length - 1].case_number : null };
  }

  async get(manager: EntityManager, principal: Principal, stationCode: string, caseNumber: string): Promise<EnforcementCase> {
    await this.access.checkRead(manager, principal, stationCode);
    const [row] = await this.select(manager, stationCode, `AND case_number = $2`, [caseNumber]);
    if (!row) throw DomainError.notFound(`case ${caseNumber} at station ${stationCode}`);
    return caseFromRow(row);
  }

  private select(manager: EntityManager, stationCode: string, tail: string, params: unknown[]): Promise<CaseRow[]> {
    return manager.query<CaseRow[]>(
      `SELECT ${CASE_COLUMNS} FROM enforcement_case WHERE station_code = $1 ${tail}`,
      [stationCode, ...params],
    );
  }
}
