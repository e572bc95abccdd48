import type { EntityManager } from 'typeorm';
import type { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { OutboxService } from '../outbox/outbox.service.js';
import type { TableSpec } from '../database/record-kind.js';
import { TableWriter, type WrittenRow } from './table-writer.js';
import type { WriteContext } from './write-context.js';
import { emptySummary, type WriteSummary } from './write-summary.js';

export interface StationRowsOptions<R> {
  table: TableSpec<R>;
  /** Outbox reason, e.g. 'personnel'. */
  reason: string;
  digest: (row: R) => string;
  /** Runs after the upsert with the rows it inserted or updated (children tables). */
  afterWrite?: (manager: EntityManager, written: WrittenRow[], rowOf: (stationCode: string, key: string) => R) => Promise<void>;
}

/**
 * A keyed station table with its audit and outbox duties: the set-based TableWriter, one
 * audit row per created/updated/removed row and one outbox row per changed station, all in
 * the caller's transaction. The caller has locked the stations.
 */
export class StationRowsWriter<R> {
  private readonly writer: TableWriter<R>;

  constructor(
    private readonly options: StationRowsOptions<R>,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.writer = new TableWriter(options.table);
  }

  get spec(): TableSpec<R> {
    return this.options.table;
  }

  async write(
    manager: EntityManager,
    ctx: WriteContext,
    action: string,
    rows: readonly { stationCode: string; row: R }[],
    replaceStations?: readonly string[],
  ): Promise<WriteSummary> {
    const { digest, table, afterWrite, reason } = this.options;
    const result = await this.writer.write(
      manager,
      rows.map((r) => ({ stationCode: r.stationCode, row: r.row, digest: digest(r.row) })),
      { replaceStations },
    );
    if (afterWrite && result.written.length > 0) {
      const byKey = new Map(rows.map((r) => [`${r.stationCode}\u0000${table.keyOf(r.row)}`, r.row]));
      await afterWrite(manager, result.written, (stationCode, key) => byKey.get(`${stationCode}\u0000${key}`)!);
    }
    await this.audit.record(manager, ctx, action, result.audit);
    await this.outbox.stationsChanged(manager, result.changedStations, reason);
    return result.summary;
  }

  /** Removes one row by key; 404 when the station has no such row. */
  async removeOne(manager: EntityManager, ctx: WriteContext, action: string, stationCode: string, key: string, what: string): Promise<WriteSummary> {
    const removed = await this.writer.deleteKeys(manager, [{ stationCode, key }]);
    if (removed.length === 0) throw DomainError.notFound(`${what} at station ${stationCode}`);
    await this.audit.record(manager, ctx, action, removed);
    await this.outbox.stationsChanged(manager, [stationCode], this.options.reason);
    return { ...emptySummary(), removed: removed.length };
  }
}
