import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { BonusEvent } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { TableSpec } from '../database/record-kind.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';

export const BONUS_TABLE: TableSpec<BonusEvent> = {
  table: 'bonus_event',
  entity: 'bonus_event',
  keyColumn: 'event_key',
  keyType: 'varchar',
  keyOf: (b) => b.eventKey,
  returnsId: false,
  columns: [
    { name: 'category', type: 'varchar', value: (b) => b.category },
    { name: 'level', type: 'varchar', value: (b) => b.level },
    { name: 'date', type: 'date', value: (b) => b.date },
    { name: 'subject', type: 'varchar', value: (b) => b.subject },
    { name: 'description', type: 'varchar', value: (b) => b.description },
    { name: 'points', type: 'numeric', value: (b) => b.points },
  ],
};

/** Bonus events (加分项目), upserted by eventKey: the same event counts once. */
@Injectable()
export class BonusEventsService {
  private readonly rows: StationRowsWriter<BonusEvent>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<BonusEvent>({ table: BONUS_TABLE, reason: 'bonus_events', digest: rowDigest }, audit, outbox);
  }

  async post(manager: EntityManager, ctx: WriteContext, stationCode: string, event: BonusEvent): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.write(manager, ctx, 'bonus_events.post', [{ stationCode, row: event }]);
  }

  writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: BonusEvent }[]): Promise<WriteSummary> {
    return this.rows.write(manager, ctx, 'bonus_events.post', rows);
  }

  async remove(manager: EntityManager, ctx: WriteContext, stationCode: string, eventKey: string): Promise<WriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    return this.rows.removeOne(manager, ctx, 'bonus_events.delete', stationCode, eventKey, `bonus event ${eventKey}`);
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string): Promise<BonusEvent[]> {
    await this.access.checkRead(manager, principal, stationCode);
    const rows = await manager.query<{ event_key: string; category: BonusEvent['category']; level: BonusEvent['level']; date: string; subject: string; description: string; points: string | null }[]>(
      `SELECT event_key, category, level, date, subject, description, points FROM bonus_event WHERE station_code = $1 ORDER BY date, event_key`,
      [stationCode],
    );
    return rows.map((r) => ({
      eventKey: r.event_key,
      category: r.category,
      level: r.level,
      date: r.date,
      subject: r.subject,
      description: r.description,
      points: r.points === null ? null : Number(r.points),
    }));
  }
}
