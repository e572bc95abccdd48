import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ComplaintFigures, MediationAverage } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { TableSpec } from '../database/record-kind.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';

const COUNT_COLUMNS = [
  ['complaints_received', 'complaintsReceived'],
  ['complaints_checked_on_time', 'complaintsCheckedOnTime'],
  ['complaints_closed', 'complaintsClosed'],
  ['complaints_closed_on_time', 'complaintsClosedOnTime'],
  ['mediations_attempted', 'mediationsAttempted'],
  ['mediations_succeeded', 'mediationsSucceeded'],
  ['reports_received', 'reportsReceived'],
  ['reports_verified_on_time', 'reportsVerifiedOnTime'],
  ['real_name_reports', 'realNameReports'],
  ['real_name_reporters_notified', 'realNameReportersNotified'],
] as const;

export const COMPLAINT_TABLE: TableSpec<ComplaintFigures> = {
  table: 'complaint_figures',
  entity: 'complaint_figures',
  keyColumn: 'period',
  keyType: 'varchar',
  keyOf: (f) => f.period,
  returnsId: false,
  columns: [
    { name: 'year', type: 'int', value: (f) => Number(f.period.slice(0, 4)) },
    { name: 'month', type: 'int', value: (f) => (f.period.length === 7 ? Number(f.period.slice(5, 7)) : null) },
    ...COUNT_COLUMNS.map(([column, field]) => ({ name: column, type: 'int', value: (f: ComplaintFigures) => f[field] })),
  ],
};

/** 12315 complaint and report figures per station and period, and the national mediation averages. */
@Injectable()
export class ComplaintsService {
  private readonly rows: StationRowsWriter<ComplaintFigures>;

  constructor(
    private readonly access: StationAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<ComplaintFigures>({ table: COMPLAINT_TABLE, reason: 'complaints', digest: rowDigest }, audit, outbox);
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
    const rows = await manager.query<Record<string, number | string>[]>(
      `SELECT period, ${COUNT_COLUMNS.map(([c]) => c).join(', ')} FROM complaint_figures
       WHERE station_code = $1 AND ($2::varchar IS NULL OR period = $2) ORDER BY period`,
      [stationCode, period ?? null],
    );
    if (period !== undefined && rows.length === 0) throw DomainError.notFound(`complaint figures for ${period} at station ${stationCode}`);
    return rows.map((r) => ({ period: String(r.period), ...Object.fromEntries(COUNT_COLUMNS.map(([c, f]) => [f, Number(r[c])])) }) as ComplaintFigures);
  }

  /**
   * The national average mediation success rate of a year (national reference data, ADMIN keys only). A
   * change touches every station: one outbox row with no station and no region.
   */
  async putMediationAverage(manager: EntityManager, ctx: WriteContext, year: number, rate: number): Promise<WriteSummary> {
    const value = Math.round(rate * 10_000) / 10_000;
    const [before] = await manager.query<{ rate: string }[]>(`SELECT rate FROM mediation_average WHERE year = $1 FOR UPDATE`, [year]);
    if (before && Number(before.rate) === value) return { ...emptySummary(), unchanged: 1 };
    const updatedBy = ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId ? null : ctx.principal.keyId;
    await manager.query(
      `INSERT INTO mediation_average (year, rate, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [year, value, updatedBy],
    );
    await this.audit.record(manager, ctx, 'mediation_average.put', [
      {
        stationCode: null,
        entity: 'mediation_average',
        entityKey: String(year),
        beforeDigest: before ? rowDigest({ year, rate: Number(before.rate) }) : null,
        afterDigest: rowDigest({ year, rate: value }),
      },
    ]);
    await this.outbox.everyStationChanged(manager, 'mediation_average');
    return before ? { ...emptySummary(), updated: 1 } : { ...emptySummary(), created: 1 };
  }

  async mediationAverages(manager: EntityManager, year?: number): Promise<(MediationAverage & { updatedAt: string })[]> {
    const rows = await manager.query<{ year: number; rate: string; updated_at: Date }[]>(
      `SELECT year, rate, updated_at FROM mediation_average WHERE ($1::int IS NULL OR year = $1) ORDER BY year`,
      [year ?? null],
    );
    if (year !== undefined && rows.length === 0) throw DomainError.notFound(`mediation average of ${year}`);
    return rows.map((r) => ({ year: r.year, rate: Number(r.rate), updatedAt: r.updated_at.toISOString() }));
  }
}
