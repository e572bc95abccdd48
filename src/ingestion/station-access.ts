import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { coversRegion, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { StationsRepository, type StationScopeRow } from '../stations/stations.repository.js';
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

/** The one answer for a station that is missing or outside the key's region. */
export function stationNotInRegion(code: string): DomainError {
  return DomainError.notFound(`station ${code} (in this key's region)`);
}

/** The problem of a bulk row whose station is missing or outside the key's region (one reason for both). */
export function stationNotInRegionReason(code: string): string {
  return `no station ${code} in this key's region: push its profile first (PUT /api/v1/stations/${code})`;
}

/**
 * Who may touch which station, and the per-station serialisation of writes. A station that
 * does not exist and one that exists outside the key's region answer the same 404, so that
 * a key cannot learn which codes other counties use (issue 9).
 */
@Injectable()
export class StationAccess {
  /**
   * Locks one station row for the rest of the transaction (two pushes for one station
   * never interleave) after checking the caller may write it.
   */
  async lockForWrite(manager: EntityManager, principal: Principal, code: string): Promise<StationRef> {
    const station = await new StationsRepository(manager).scopeOf(checkStationCode(code), true);
    return this.checked(principal, code, station);
  }

  /** Checks the caller may read one station. */
  async checkRead(manager: EntityManager, principal: Principal, code: string): Promise<StationRef> {
    const station = await new StationsRepository(manager).scopeOf(checkStationCode(code), false);
    return this.checked(principal, code, station);
  }

  /**
   * Locks many stations in code order (so that concurrent batches cannot deadlock) and
   * answers those that exist; the caller decides what unknown or foreign ones mean.
   */
  async lockMany(manager: EntityManager, codes: readonly string[]): Promise<Map<string, StationRef>> {
    const unique = [...new Set(codes)].sort();
    if (unique.length === 0) return new Map();
    const rows = await new StationsRepository(manager).lockScopes(unique);
    return new Map(rows.map((r) => [r.code, { code: r.code, countyCode: r.county_code }]));
  }

  private checked(principal: Principal, code: string, station: StationScopeRow | undefined): StationRef {
    if (!station || !coversRegion(principal, station.county_code)) throw stationNotInRegion(code);
    return { code: station.code, countyCode: station.county_code };
  }
}
