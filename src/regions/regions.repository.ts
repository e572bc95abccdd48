// The region tree's reads and writes (table region), and how many stations lie in a region.
// Services decide (scope, parents, audit); this class only queries, inside whatever
// transaction runs it.
import type { Queryable } from '../database/queryable.js';
import type { RegionLevel, StationRegionColumn } from './region.entity.js';

/** A region as stored: code, name, level and parent (null for a province). */
export interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** A region to upsert, its level and parent already derived from its code. */
export interface RegionShaped {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** One region of an upsert: whether it was created, renamed (changed) and its name before. */
export interface UpsertedRegion {
  code: string;
  name: string;
  before_name: string | null;
  inserted: boolean;
  changed: boolean;
}


interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

const REGION_COLUMNS = 'code, name, level, parent_code';
const toRegion = (r: RegionRow): RegionNode => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code });

export class RegionsRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts new regions and renames changed ones, in one statement; one answer row per input. */
  upsert(rows: readonly RegionShaped[]): Promise<UpsertedRegion[]> {
    return this.db.query<UpsertedRegion[]>(
      `WITH input AS (
         SELECT * FROM unnest($1::char(6)[], $2::varchar[], $3::varchar[], $4::char(6)[]) AS t(code, name, level, parent_code)
       ), before AS (
         SELECT r.code, r.name FROM region r JOIN input i USING (code)
       ), upserted AS (
         INSERT INTO region (code, name, level, parent_code) SELECT code, name, level, parent_code FROM input
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name WHERE region.name IS DISTINCT FROM EXCLUDED.name
         RETURNING code
       )
       SELECT i.code, i.name, b.name AS before_name, b.code IS NULL AS inserted, u.code IS NOT NULL AS changed
       FROM input i LEFT JOIN before b USING (code) LEFT JOIN upserted u USING (code)`,
      [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parentCode)],
    );
  }

  /** Which of the codes are loaded. */
  async loadedCodes(codes: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.query<{ code: string }[]>(`SELECT code FROM region WHERE code = ANY($1::char(6)[])`, [codes]);
    return new Set(rows.map((r) => r.code.trim()));
  }

  async exists(code: string): Promise<boolean> {
    const [row] = await this.db.query<{ code: string }[]>(`SELECT code FROM region WHERE code = $1`, [code]);
    return row !== undefined;
  }

  /** The region's level, or null when it is not loaded. */
  async levelOf(code: string): Promise<string | null> {
    const [row] = await this.db.query<{ level: string }[]>(`SELECT level FROM region WHERE code = $1`, [code]);
    return row?.level ?? null;
  }

  async byCodes(codes: readonly string[]): Promise<Map<string, RegionNode>> {
    const rows = await this.db.query<RegionRow[]>(`SELECT ${REGION_COLUMNS} FROM region WHERE code = ANY($1::char(6)[])`, [codes]);
    return new Map(rows.map((r) => [r.code, toRegion(r)]));
  }

  /** Children of each parent, by code (every parent asked for has an entry). */
  async childrenOf(parents: readonly string[]): Promise<Map<string, RegionNode[]>> {
    const rows = await this.db.query<RegionRow[]>(`SELECT ${REGION_COLUMNS} FROM region WHERE parent_code = ANY($1::char(6)[]) ORDER BY code`, [parents]);
    const out = new Map<string, RegionNode[]>(parents.map((p) => [p, []]));
    for (const r of rows) out.get(r.parent_code!)?.push(toRegion(r));
    return out;
  }

  /** The provinces, by code. */
  async provinces(): Promise<RegionNode[]> {
    return (await this.db.query<RegionRow[]>(`SELECT ${REGION_COLUMNS} FROM region WHERE parent_code IS NULL ORDER BY code`)).map(toRegion);
  }

  /** Stations per region code (any level), one statement. */
  async stationCounts(codes: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ code: string; n: number }[]>(
      `SELECT r.code, (SELECT count(*)::int FROM station s WHERE s.province_code = r.code OR s.city_code = r.code OR s.county_code = r.code) AS n
       FROM unnest($1::char(6)[]) AS r(code)`,
      [codes],
    );
    return new Map(rows.map((r) => [r.code, r.n]));
  }

  /** Stations per region, regions grouped by level: one index range per region, one statement. */
  async stationCountsByLevel(groups: ReadonlyMap<StationRegionColumn, readonly string[]>): Promise<Map<string, number>> {
    const parts = [...groups.keys()].map((column, i) => `SELECT c.code, (SELECT count(*)::int FROM station s WHERE s.${column} = c.code) AS n FROM unnest($${i + 1}::char(6)[]) AS c(code)`);
    const rows = await this.db.query<{ code: string; n: number }[]>(parts.join(' UNION ALL '), [...groups.values()]);
    return new Map(rows.map((r) => [r.code, r.n]));
  }
}
