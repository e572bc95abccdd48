// The station rows a write checks and locks (code and county only): one, or many in code order.
import type { Queryable } from '../database/queryable.js';

export interface StationScopeRow {
  code: string;
  county_code: string;
}

export class StationAccessRepository {
  constructor(private readonly db: Queryable) {}

  /** The station, locked FOR NO KEY UPDATE until the transaction ends (`lock`), or just read. */
  async find(code: string, lock: boolean): Promise<StationScopeRow | undefined> {
    const [station] = await this.db.query<StationScopeRow[]>(
      lock ? `SELECT code, county_code FROM station WHERE code = $1 FOR NO KEY UPDATE` : `SELECT code, county_code FROM station WHERE code = $1`,
      [code],
    );
    return station;
  }

  /** The stations that exist among `codes` (sorted and unique), locked in code order. */
  lockMany(codes: readonly string[]): Promise<StationScopeRow[]> {
    return this.db.query(`SELECT code, county_code FROM station WHERE code = ANY($1::varchar[]) ORDER BY code FOR NO KEY UPDATE`, [codes]);
  }
}
