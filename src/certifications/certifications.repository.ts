// The certification table's reads. Writes go through the set-based TableWriter with
// CERTIFICATION_RECORD.
import type { Queryable } from '../database/queryable.js';
import type { Certification } from '../domain/station-data.js';
import { CERTIFICATION_ITEM_KEYS } from './certification.dto.js';
import { CERTIFICATION_RECORD } from './certification.record.js';

export class CertificationsRepository {
  constructor(private readonly db: Queryable) {}

  /** A station's certifications in year order, or the one year asked for; every item stated, true or false. */
  async list(stationCode: string, year?: number): Promise<Certification[]> {
    const rows = await this.db.query<Parameters<typeof CERTIFICATION_RECORD.fromRow>[0][]>(
      `SELECT ${CERTIFICATION_RECORD.select} FROM certification WHERE station_code = $1 AND ($2::int IS NULL OR year = $2) ORDER BY ${CERTIFICATION_RECORD.order}`,
      [stationCode, year ?? null],
    );
    return rows.map((r) => {
      const c = CERTIFICATION_RECORD.fromRow(r);
      return { ...c, items: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k) => [k, c.items[k] === true])) };
    });
  }
}
