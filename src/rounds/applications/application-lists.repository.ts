// Lists over many applications: a round's counts per status and region, pages of it (REST
// and GraphQL), awards of stations and provinces, and the forms' stream of a round's
// results. One statement each; the key's scope is a condition on the station.
import type { DataSource } from 'typeorm';
import { cursorPages, type CursorPage } from '../../database/cursor-pages.js';
import type { Queryable } from '../../database/queryable.js';
import type { ApplicationStatus } from '../round-status.js';

/** The stations a key may see: those whose region column is its region (structurally the dashboard's scope filter). */
export interface StationScope {
  column: string;
  code: string;
}

/** The scope condition on station `s`, its parameter numbered after the others. */
function scoped(scope: StationScope | null, params: unknown[]): string {
  if (scope === null) return '';
  params.push(scope.code);
  return `AND s.${scope.column} = $${params.length}`;
}

export class ApplicationListsRepository {
  constructor(private readonly db: Queryable) {}

  /** Counts per round and status of the applications in scope. */
  statusCounts(roundIds: readonly string[], scope: StationScope | null): Promise<{ round_id: string; status: string; count: number }[]> {
    const params: unknown[] = [roundIds];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.round_id, a.status, count(*)::int AS count FROM round_application a JOIN station s ON s.code = a.station_code
       WHERE a.round_id = ANY($1::uuid[]) ${where} GROUP BY a.round_id, a.status ORDER BY a.round_id, a.status`,
      params,
    );
  }

  /** Per region (the station's `column`) and status, the round's applications in scope, by region then status. */
  regionCounts(roundId: string, column: string, scope: StationScope | null): Promise<{ region_code: string; region_name: string; status: string; count: number }[]> {
    const params: unknown[] = [roundId];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT s.${column} AS region_code, coalesce(g.name, s.${column}) AS region_name, a.status, count(*)::int AS count
       FROM round_application a JOIN station s ON s.code = a.station_code LEFT JOIN region g ON g.code = s.${column}
       WHERE a.round_id = $1 ${where}
       GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      params,
    );
  }

  /** AWARDED stations of the round in scope, by code. */
  awardedStations(roundId: string, scope: StationScope | null): Promise<{ station_code: string }[]> {
    const params: unknown[] = [roundId];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.station_code FROM round_application a JOIN station s ON s.code = a.station_code WHERE a.round_id = $1 AND a.status = 'AWARDED' ${where} ORDER BY a.station_code`,
      params,
    );
  }

  /** AWARDED stations of the province's rounds in scope, by station code then newest cut-off. */
  awardedInProvince(provinceCode: string, scope: StationScope | null): Promise<{ station_code: string; round_id: string; round_name: string }[]> {
    const params: unknown[] = [provinceCode];
    const where = scoped(scope, params);
    return this.db.query(
      `SELECT a.station_code, r.id AS round_id, r.name AS round_name
       FROM round_application a JOIN rating_round r ON r.id = a.round_id JOIN station s ON s.code = a.station_code
       WHERE r.province_code = $1 AND a.status = 'AWARDED' ${where}
       ORDER BY a.station_code, r.cut_off DESC`,
      params,
    );
  }

  /** The stations' awards (AWARDED or REVOKED) in confirmed rounds, by station, newest round first. */
  awardsOf(codes: readonly string[]): Promise<{ stationCode: string; roundId: string; roundName: string; level: string; status: string; confirmedAt: Date | null }[]> {
    return this.db.query(
      `SELECT a.station_code AS "stationCode", r.id AS "roundId", r.name AS "roundName", r.level, a.status, r.confirmed_at AS "confirmedAt"
       FROM round_application a JOIN rating_round r ON r.id = a.round_id
       WHERE a.station_code = ANY($1::varchar[]) AND a.status IN ('AWARDED', 'REVOKED')
       ORDER BY a.station_code, r.cut_off DESC, r.opened_at DESC`,
      [codes],
    );
  }

  /**
   * A page of the round's applications with the status, in the region (a station column and
   * its code) and in scope, after station `afterCode`, by station code: up to `limit` + 1
   * ids, and how many match in all.
   */
  async filteredPage(roundId: string, filter: { status: string | null; region: StationScope | null; scope: StationScope | null }, afterCode: string | number | null, limit: number): Promise<{ ids: string[]; count: number }> {
    const where: string[] = ['a.round_id = $1'];
    const params: unknown[] = [roundId];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.status !== null) add((n) => `a.status = $${n}`, filter.status);
    const { region, scope } = filter;
    if (region !== null) add((n) => `s.${region.column} = $${n}`, region.code);
    if (scope !== null) add((n) => `s.${scope.column} = $${n}`, scope.code);
    const countParams = [...params];
    const countWhere = [...where];
    if (afterCode !== null) add((n) => `a.station_code > $${n}`, afterCode);
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT a.id FROM round_application a JOIN station s ON s.code = a.station_code WHERE ${where.join(' AND ')} ORDER BY a.station_code LIMIT ${limit + 1}`,
      params,
    );
    const [{ count }] = await this.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM round_application a JOIN station s ON s.code = a.station_code WHERE ${countWhere.join(' AND ')}`, countParams);
    return { ids: rows.map((r) => r.id), count };
  }

  /** Up to `limit` applications of stations in counties starting with `countyPrefix`, after station `after`, by station code. */
  page(roundId: string, countyPrefix: string, after: string | null, limit: number): Promise<{ station_code: string; status: string; submitted_at: Date | null; frozen_input_hash: string | null; updated_at: Date }[]> {
    return this.db.query(
      `SELECT a.station_code, a.status, a.submitted_at, a.frozen_input_hash, a.updated_at
       FROM round_application a JOIN station s ON s.code = a.station_code
       WHERE a.round_id = $1 AND s.county_code LIKE $2 || '%' AND ($3::varchar IS NULL OR a.station_code > $3)
       ORDER BY a.station_code LIMIT $4`,
      [roundId, countyPrefix, after, limit],
    );
  }
}

/**
 * The round's applications with frozen facts (of the given statuses, or all) with their
 * station and its region names, by city, county and station code, through one server-side
 * cursor in one read-only snapshot. The rows are narrow (sorting would otherwise move every
 * row's ≈ 30 KB of frozen facts); stored_digest is set when the round is confirmed and the
 * application has a round_result.
 */
export function applicationResultPages<T>(db: DataSource, roundId: string, confirmed: boolean, statuses: readonly ApplicationStatus[] | null, pageSize: number): AsyncGenerator<CursorPage<T>> {
  return cursorPages<T>(
    db,
    `SELECT a.id::text AS application_id, a.version, a.status, a.station_code, rr.result_digest AS stored_digest,
              s.code, s.name, s.county_code, s.city_code, s.province_code, rc.name AS county_name, ry.name AS city_name, rp.name AS province_name
       FROM round_application a JOIN station s ON s.code = a.station_code
       LEFT JOIN region rc ON rc.code = s.county_code LEFT JOIN region ry ON ry.code = s.city_code LEFT JOIN region rp ON rp.code = s.province_code
       LEFT JOIN round_result rr ON rr.application_id = a.id AND $2::boolean
       WHERE a.round_id = $1 AND a.frozen_facts IS NOT NULL AND ($3::text[] IS NULL OR a.status = ANY($3::text[]))
       ORDER BY s.city_code, s.county_code, s.code`,
    [roundId, confirmed, statuses],
    pageSize,
  );
}

