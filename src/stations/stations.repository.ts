// The station profile's own statements (table station): the write of a PUT, the profile with
// the counts of its records, the paged list, and the row locks a change to a station takes.
// StationsService decides (scope, county check, digests, audit, outbox); this class queries.
import { regionPrefix } from '../auth/principal.js';
import type { Queryable } from '../database/queryable.js';
import type { StationProfile } from '../domain/station-data.js';
import type { Duty, Room } from '../domain/vocabulary.js';

// Namespace of the advisory locks that serialise creating one station code.
const STATION_CREATE_LOCK = 7310;

/** A stored profile with the counts of the station's records (n_* columns). */
export interface StationWithCounts {
  code: string;
  name: string;
  county_code: string;
  city_code: string;
  province_code: string;
  approved_headcount: number;
  duties: Duty[];
  premises_independent: boolean;
  rooms: Room[];
  internet: boolean;
  private_network: boolean;
  created_at: Date;
  updated_at: Date;
  n_personnel: number;
  n_equipment: number;
  n_cases: number;
  n_complaints: number;
  n_certifications: number;
  n_bonus: number;
  n_veto_active: number;
  n_veto_lifted: number;
  n_reviews: number;
}

/** A line of the station list. */
export interface StationListed {
  code: string;
  name: string;
  county_code: string;
  updated_at: Date;
}

/** The station row locked for a reviewer's decision: where it lies. */
/** What a write checks of a station: it exists, and which county (hence region) holds it. */
export interface StationScopeRow {
  code: string;
  county_code: string;
}

export interface LockedStationRow {
  code: string;
  county_code: string;
  province_code: string;
}

export class StationsRepository {
  constructor(private readonly db: Queryable) {}

  /** Locks the stations that exist (in code order, so concurrent lockers cannot deadlock) for scoring; answers them with their province. */
  lockForScoring(codes: readonly string[]): Promise<{ code: string; province_code: string }[]> {
    return this.db.query(`SELECT code, province_code FROM station WHERE code = ANY($1) ORDER BY code FOR UPDATE`, [[...new Set(codes)]]);
  }

  /** A write's check of one station (code and county): locked FOR NO KEY UPDATE until the transaction ends (`lock`), or just read. */
  async scopeOf(code: string, lock: boolean): Promise<StationScopeRow | undefined> {
    const [station] = await this.db.query<StationScopeRow[]>(
      lock ? `SELECT code, county_code FROM station WHERE code = $1 FOR NO KEY UPDATE` : `SELECT code, county_code FROM station WHERE code = $1`,
      [code],
    );
    return station;
  }

  /** The stations that exist among `codes` (sorted and unique), locked in code order, with their county. */
  lockScopes(codes: readonly string[]): Promise<StationScopeRow[]> {
    return this.db.query(`SELECT code, county_code FROM station WHERE code = ANY($1::varchar[]) ORDER BY code FOR NO KEY UPDATE`, [codes]);
  }

  /** Serialises creating a code for the transaction: two first pushes of one code cannot both "create" it. */
  async lockCode(code: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [STATION_CREATE_LOCK, code]);
  }

  /** The stored station's county and profile digest, its row locked; undefined when absent. */
  async lockedDigest(code: string): Promise<{ county_code: string; row_digest: string } | undefined> {
    const [row] = await this.db.query<{ county_code: string; row_digest: string }[]>(`SELECT county_code, row_digest FROM station WHERE code = $1 FOR NO KEY UPDATE`, [code]);
    return row;
  }

  /** The station row locked for a reviewer's decision; undefined when absent. */
  async lockForDecision(code: string): Promise<LockedStationRow | undefined> {
    const [row] = await this.db.query<LockedStationRow[]>(`SELECT code, county_code, province_code FROM station WHERE code = $1 FOR NO KEY UPDATE`, [code]);
    return row;
  }

  /** Inserts the station or replaces a profile whose digest differs; whether it was inserted (none when unchanged). */
  async upsert(code: string, profile: StationProfile, digest: string): Promise<{ inserted: boolean } | undefined> {
    const { premises } = profile;
    const [written] = await this.db.query<{ inserted: boolean }[]>(
      `INSERT INTO station (code, name, county_code, city_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest)
       VALUES ($1, $2, $3::varchar, substr($3::varchar, 1, 4) || '00', substr($3::varchar, 1, 2) || '0000', $4, $5::text[], $6, $7::text[], $8, $9, $10)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, county_code = EXCLUDED.county_code, city_code = EXCLUDED.city_code,
         province_code = EXCLUDED.province_code, approved_headcount = EXCLUDED.approved_headcount, duties = EXCLUDED.duties,
         premises_independent = EXCLUDED.premises_independent, rooms = EXCLUDED.rooms, internet = EXCLUDED.internet,
         private_network = EXCLUDED.private_network, row_digest = EXCLUDED.row_digest, updated_at = now()
       WHERE station.row_digest IS DISTINCT FROM EXCLUDED.row_digest
       RETURNING (xmax = 0) AS inserted`,
      [code, profile.name, profile.countyCode, profile.approvedHeadcount, profile.duties, premises.independent, premises.rooms, premises.internet, premises.privateNetwork, digest],
    );
    return written;
  }

  async withCounts(code: string): Promise<StationWithCounts | undefined> {
    const [row] = await this.db.query<StationWithCounts[]>(
      `SELECT s.*,
         (SELECT count(*)::int FROM person WHERE station_code = s.code) AS n_personnel,
         (SELECT count(*)::int FROM equipment WHERE station_code = s.code) AS n_equipment,
         (SELECT count(*)::int FROM enforcement_case WHERE station_code = s.code) AS n_cases,
         (SELECT count(*)::int FROM complaint_figures WHERE station_code = s.code) AS n_complaints,
         (SELECT count(*)::int FROM certification WHERE station_code = s.code) AS n_certifications,
         (SELECT count(*)::int FROM bonus_event WHERE station_code = s.code) AS n_bonus,
         (SELECT count(*)::int FROM veto_event WHERE station_code = s.code AND lifted_at IS NULL) AS n_veto_active,
         (SELECT count(*)::int FROM veto_event WHERE station_code = s.code AND lifted_at IS NOT NULL) AS n_veto_lifted,
         (SELECT count(*)::int FROM annual_review WHERE station_code = s.code) AS n_reviews
       FROM station s WHERE s.code = $1`,
      [code],
    );
    return row;
  }

  /** Up to `limit` stations of a region (null: all) after a code, by code. */
  list(region: string | null, after: string | null, limit: number): Promise<StationListed[]> {
    // One indexed column per level (ix_station_province / _city / _county).
    const column = region === null ? null : { 2: 'province_code', 4: 'city_code', 6: 'county_code' }[regionPrefix(region).length];
    return this.db.query<StationListed[]>(
      `SELECT code, name, county_code, updated_at FROM station
       WHERE ${column ? `${column} = $1` : '$1::char(6) IS NULL'} AND ($2::varchar IS NULL OR code > $2)
       ORDER BY code LIMIT $3`,
      [region, after, limit],
    );
  }
}
