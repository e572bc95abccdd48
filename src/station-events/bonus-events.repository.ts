// The bonus_event table's reads. Writes go through the set-based TableWriter with BONUS_EVENT_RECORD.
import type { Queryable } from '../database/queryable.js';
import type { BonusEvent } from '../domain/station-data.js';
import { BONUS_EVENT_RECORD } from './bonus-event.record.js';

export class BonusEventsRepository {
  constructor(private readonly db: Queryable) {}

  /** A station's bonus events by date (then key), as the push interface reads them back. */
  async list(stationCode: string): Promise<BonusEvent[]> {
    const rows = await this.db.query<Parameters<typeof BONUS_EVENT_RECORD.fromRow>[0][]>(
      `SELECT ${BONUS_EVENT_RECORD.select} FROM bonus_event WHERE station_code = $1 ORDER BY date, event_key`,
      [stationCode],
    );
    return rows.map(BONUS_EVENT_RECORD.fromRow);
  }
}
