import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { STATION_CODE_PATTERN } from './validation/field-rules.js';

export interface StationRef {
  code: string;
  countyCode: string;
}

/** A station code taken from a path: malformed is a 400 on `code`, never a lookup. */
export function checkStationCode(code: string): string {
  if (!STATION_CODE_PATTERN.test(code)) {
    throw DomainError.badInput('malformed station code', [{ path: 'code', reason: 'a station code is 1 to 32 characters of A-Z, a-z, 0-9, _ and -' }]);
  }
  return code;
}

/**
 * Who may touch which station, and the per-station serialisation of writes. A station that
 * does not exist is a 404; one that exists outside the key's region is a 403.
 */
@Injectable()
export class StationAccess {
  /**
   * Locks one station row for the rest of the transaction (two pushes for one station
   * never interleave) after checking the caller may write it.
   */
  async lockForWrite(manager: EntityManager, principal: Principal, code: string): Promise<StationRef> {
    const [station] = await manager.query<{ code: string; county_code: string }[]>(
      `SELECT code, county_code FROM station WHERE code = $1 FOR NO KEY UPDATE`,
      [checkStationCode(code)],
    );
    return this.checked(principal, code, station);
  }

  /** Checks the caller may read one station. */
  async checkRead(manager: EntityManager, principal: Principal, code: string): Promise<StationRef> {
    const [station] = await manager.query<{ code: string; county_code: string }[]>(`SELECT code, county_code FROM station WHERE code = $1`, [checkStationCode(code)]);
    return this.checked(principal, code, station);
  }

  /**
   * Locks many stations in code order (so that concurrent batches cannot deadlock) and
   * answers those that exist; the caller decides what unknown or foreign ones mean.
   */
  async lockMany(manager: EntityManager, codes: readonly string[]): Promise<Map<string, StationRef>> {
    const unique = [...new Set(codes)].sort();
    if (unique.length === 0) return new Map();
    const rows = await manager.query<{ code: string; county_code: string }[]>(
      `SELECT code, county_code FROM station WHERE code = ANY($1::varchar[]) ORDER BY code FOR NO KEY UPDATE`,
      [unique],
    );
    return new Map(rows.map((r) => [r.code, { code: r.code, countyCode: r.county_code }]));
  }

  private checked(principal: Principal, code: string, station: { code: string; county_code: string } | undefined): StationRef {
    if (!station) throw DomainError.notFound(`station ${code}`);
    if (!coversRegion(principal, station.county_code)) {
      throw DomainError.forbidden(`station ${code} is outside this key's region (${principal.regionCode})`);
    }
    return { code: station.code, countyCode: station.county_code };
  }
}
