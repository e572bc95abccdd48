import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxRepository } from './outbox.repository.js';

/**
 * "These stations' inputs changed": one `outbox_event` row per station, written in the
 * same transaction as the change. The recompute relay drains the table into the queue.
 */
@Injectable()
export class OutboxService {
  async stationsChanged(manager: EntityManager, stationCodes: Iterable<string>, reason: string): Promise<void> {
    const codes = [...new Set(stationCodes)].sort();
    if (codes.length === 0) return;
    await new OutboxRepository(manager).insertStations(codes, reason);
  }

  /** A change that touches every station (reference data): station and region both null. */
  async everyStationChanged(manager: EntityManager, reason: string): Promise<void> {
    await new OutboxRepository(manager).insertEveryStation(reason);
  }
}
