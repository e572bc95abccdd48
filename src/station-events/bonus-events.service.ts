import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { BonusEvent } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import { StationRowsWriter } from '../ingestion/station-rows.writer.js';
import type { WriteContext } from '../ingestion/write-context.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { BONUS_EVENT_RECORD } from './bonus-event.record.js';
import { BonusEventsRepository } from './bonus-events.repository.js';

/** Bonus events (加分项目), upserted by eventKey: the same event counts once. */
@Injectable()
export class BonusEventsService {
  private readonly rows: StationRowsWriter<BonusEvent>;

  constructor(
    private readonly access: StationAccess,
    audit: AuditService,
    outbox: OutboxService,
  ) {
    this.rows = new StationRowsWriter<BonusEvent>({ table: BONUS_EVENT_RECORD, reason: 'bonus_events', digest: rowDigest }, audit, outbox);
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
    return new BonusEventsRepository(manager).list(stationCode);
  }
}
