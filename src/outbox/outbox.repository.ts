// The outbox_event table: rows written beside every change, drained by the recompute relay,
// purged by the nightly job.
import type { Queryable } from '../database/queryable.js';

/** An unrelayed row of one station, or of a region or every station (station_code null). */
export interface OutboxRow {
  id: string;
  station_code: string;
  region_code: string | null;
}

export class OutboxRepository {
  constructor(private readonly db: Queryable) {}

  /** One row per station (codes as given: the caller dedupes and sorts). */
  async insertStations(codes: readonly string[], reason: string): Promise<void> {
    await this.db.query(`INSERT INTO outbox_event (station_code, reason) SELECT code, $2 FROM unnest($1::varchar[]) AS t(code)`, [codes, reason]);
  }

  /** A row that stands for every station (station and region both null). */
  async insertEveryStation(reason: string): Promise<void> {
    await this.db.query(`INSERT INTO outbox_event (station_code, region_code, reason) VALUES (NULL, NULL, $1)`, [reason]);
  }

  /** Up to `limit` unrelayed rows of regions or every station, locked (others' locked rows skipped). */
  lockWideChanges(limit: number): Promise<Pick<OutboxRow, 'id' | 'region_code'>[]> {
    return this.db.query(`SELECT id, region_code FROM outbox_event WHERE relayed_at IS NULL AND station_code IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  }

  /** Up to `limit` unrelayed rows of single stations, locked (others' locked rows skipped). */
  lockStationChanges(limit: number): Promise<Pick<OutboxRow, 'id' | 'station_code'>[]> {
    return this.db.query(`SELECT id, station_code FROM outbox_event WHERE relayed_at IS NULL AND station_code IS NOT NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`, [limit]);
  }

  async markRelayed(rows: readonly { id: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(`UPDATE outbox_event SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
  }

  /**
   * Queues again every station whose change was relayed within `relayedWithin` (an SQL
   * interval): their jobs may have been lost with the queue. Answers how many rows.
   */
  async requeueRelayedWithin(relayedWithin: string): Promise<number> {
    const [stations] = await this.db.query<{ n: number }[]>(
      `WITH again AS (
           INSERT INTO outbox_event (station_code, reason)
           SELECT DISTINCT station_code, 'queue-lost' FROM outbox_event
           WHERE station_code IS NOT NULL AND relayed_at > now() - ${relayedWithin}
           RETURNING 1)
         SELECT count(*)::int AS n FROM again`,
    );
    return stations.n;
  }

  async deleteRelayedBefore(days: number): Promise<void> {
    await this.db.query(`DELETE FROM outbox_event WHERE relayed_at < now() - make_interval(days => $1)`, [days]);
  }
}
