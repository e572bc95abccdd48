// Stations with their current score (station_score): the one way a station is read for a list
// or a page — its profile, the names of its regions and the headline of its current score, so
// a page of stations with scores, stars and region names is a single statement. Filters,
// keyset pages, counts and rankings are built here; who may see what is the caller's decision.
import { cursorPages } from '../database/cursor-pages.js';
import type { Queryable } from '../database/queryable.js';
import type { DataSource } from 'typeorm';
import type { StationRegionColumn } from '../regions/region.entity.js';

const STATION_COLUMNS = `s.code, s.name, s.county_code, s.city_code, s.province_code, rc.name AS county_name, ry.name AS city_name, rp.name AS province_name,
  s.approved_headcount, to_json(s.duties) AS duties, s.premises_independent, to_json(s.rooms) AS rooms, s.internet, s.private_network, s.updated_at,
  ss.snapshot_id::text AS snapshot_id, ss.total::float8 AS total, ss.stars, ss.eligible, ss.pending_count, ss.evaluated_at`;

/** Joins of STATION_COLUMNS onto a station row `s`: its current score headline and the names of its regions. */
const STATION_JOINS = `LEFT JOIN station_score ss ON ss.station_code = s.code
  LEFT JOIN region rc ON rc.code = s.county_code LEFT JOIN region ry ON ry.code = s.city_code LEFT JOIN region rp ON rp.code = s.province_code`;

export interface StationRow {
  code: string;
  name: string;
  county_code: string;
  city_code: string;
  province_code: string;
  county_name: string | null;
  city_name: string | null;
  province_name: string | null;
  approved_headcount: number;
  duties: string[];
  premises_independent: boolean;
  rooms: string[];
  internet: boolean;
  private_network: boolean;
  updated_at: Date;
  snapshot_id: string | null;
  total: number;
  stars: number;
  eligible: boolean;
  pending_count: number;
  evaluated_at: Date;
}

export type RankedStationRow = StationRow & { rank: number };

/** A row of the ranking export: the ranked station with the rest of its score headline. */
export type RankingExportRow = RankedStationRow & { rebased: number; bonus: number; cut_off: string };

/** The station column of one region level (ix_station_province / _city / _county) and the region's code. */
export interface RegionScope {
  column: StationRegionColumn;
  code: string;
}

export type StationListOrder = 'TOTAL_DESC' | 'TOTAL_ASC' | 'NAME' | 'CODE';

/** What a station list's scores and names are narrowed to; absent (null) parts do not narrow it. */
export interface StationScoreFilter {
  stars?: number[] | null;
  minTotal?: number | null;
  maxTotal?: number | null;
  hasVeto?: boolean | null;
  hasPendingAssessments?: boolean | null;
  nameContains?: string | null;
}

/** A station list's filter: the key's region (null: everything), a region in it, scores and names. */
export interface StationListFilter extends StationScoreFilter {
  scope: RegionScope | null;
  region: RegionScope | null;
}

/** The sort key of the last row seen: [code], [name, code] or [total or null, code]. */
export type StationListKey = readonly (string | number | null)[];

/** WHERE clauses and parameters built together so the numbering cannot drift. */
class Where {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(clause: (p: (value: unknown) => string) => string): void {
    this.clauses.push(clause((value) => `$${this.params.push(value)}`));
  }

  get sql(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

const ORDER_SQL: Record<StationListOrder, string> = {
  TOTAL_DESC: 'ss.total DESC NULLS LAST, s.code',
  TOTAL_ASC: 'ss.total ASC NULLS LAST, s.code',
  NAME: 's.name, s.code',
  CODE: 's.code',
};

/** The same order over the `page` CTE's columns. */
const PAGE_ORDER_SQL: Record<StationListOrder, string> = {
  TOTAL_DESC: 'p.total DESC NULLS LAST, p.code',
  TOTAL_ASC: 'p.total ASC NULLS LAST, p.code',
  NAME: 'p.name, p.code',
  CODE: 'p.code',
};

/** The narrow part of a station list: station and current score headline, no snapshot. */
const NARROW_FROM = 'station s LEFT JOIN station_score ss ON ss.station_code = s.code';

/**
 * The ranking of a region (`$1`): its eligible stations by total (desc), then code, with
 * competition ranks (code, total, rank); `limit` is a parameter placeholder or null for all.
 */
function rankedStationsSql(region: RegionScope, limit: string | null): string {
  return `SELECT s.code, ss.total, rank() OVER (ORDER BY ss.total DESC)::int AS rank
    FROM ${NARROW_FROM} WHERE s.${region.column} = $1 AND ss.eligible
    ORDER BY ss.total DESC, s.code${limit === null ? '' : ` LIMIT ${limit}`}`;
}

/** Every ranked station of a region with its score headline, through a server-side cursor (cursorPages). */
export function rankingExportPages(db: DataSource, region: RegionScope, pageSize: number): AsyncGenerator<{ rows: RankingExportRow[] }> {
  return cursorPages<RankingExportRow>(
    db,
    `WITH p AS (${rankedStationsSql(region, null)})
     SELECT p.rank, ${STATION_COLUMNS}, ss.rebased::float8 AS rebased, ss.bonus::float8 AS bonus, ss.cut_off
     FROM p JOIN station s ON s.code = p.code ${STATION_JOINS} ORDER BY p.total DESC, p.code`,
    [region.code],
    pageSize,
  );
}

/** A station's current score as last evaluated: its snapshot, and the evaluation's own cut-off and input hash. */
export interface CurrentEvaluation {
  snapshot_id: string;
  input_hash: string;
  cut_off: string;
  evaluated_at: Date;
  result_digest: string;
}

export class CurrentScoresRepository {
  constructor(private readonly db: Queryable) {}

  /** The station's current evaluation, or undefined when it has never been scored. */
  async evaluation(stationCode: string): Promise<CurrentEvaluation | undefined> {
    const [row] = await this.db.query<CurrentEvaluation[]>(
      `SELECT ss.snapshot_id::text AS snapshot_id, ss.input_hash, ss.cut_off, ss.evaluated_at, sn.result_digest
       FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id WHERE ss.station_code = $1`,
      [stationCode],
    );
    return row;
  }

  /** The stations asked for that exist, by code. */
  async rows(codes: readonly string[]): Promise<Map<string, StationRow>> {
    const rows = await this.db.query<StationRow[]>(`SELECT ${STATION_COLUMNS} FROM station s ${STATION_JOINS} WHERE s.code = ANY($1::varchar[])`, [codes]);
    return new Map(rows.map((row) => [row.code, row]));
  }

  /**
   * Up to `limit` stations of the filter after `after` in the order, whole; and the count of
   * the filter (evaluated only when called).
   */
  async page(filter: StationListFilter, order: StationListOrder, limit: number, after: StationListKey | null): Promise<{ rows: StationRow[]; count: () => Promise<number> }> {
    const where = filterWhere(filter);
    const countWhere = where.sql;
    const countParams = [...where.params];
    if (after !== null) keyset(where, order, after);
    // The page is chosen on narrow rows, then only its stations are read whole.
    const rows = await this.db.query<StationRow[]>(
      `WITH p AS (SELECT s.code, s.name, ss.total FROM ${NARROW_FROM} ${where.sql} ORDER BY ${ORDER_SQL[order]} LIMIT ${limit})
       SELECT ${STATION_COLUMNS} FROM p JOIN station s ON s.code = p.code ${STATION_JOINS} ORDER BY ${PAGE_ORDER_SQL[order]}`,
      where.params,
    );
    const count = async () => {
      const [{ n }] = await this.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${NARROW_FROM} ${countWhere}`, countParams);
      return n;
    };
    return { rows, count };
  }

  /** The first `limit` eligible stations of a region by total (desc) then code, with competition ranks. */
  ranking(region: RegionScope, limit: number): Promise<RankedStationRow[]> {
    return this.db.query<RankedStationRow[]>(
      `WITH p AS (${rankedStationsSql(region, '$2')})
       SELECT p.rank, ${STATION_COLUMNS} FROM p JOIN station s ON s.code = p.code ${STATION_JOINS} ORDER BY p.total DESC, p.code`,
      [region.code, limit],
    );
  }
}

function filterWhere(f: StationListFilter): Where {
  const where = new Where();
  for (const region of [f.scope, f.region]) {
    if (region) where.add((p) => `s.${region.column} = ${p(region.code)}`);
  }
  if (f.stars != null) {
    const stars = f.stars;
    where.add((p) => `ss.stars = ANY(${p(stars)}::smallint[])`);
  }
  if (f.minTotal != null) {
    const min = f.minTotal;
    where.add((p) => `ss.total >= ${p(min)}`);
  }
  if (f.maxTotal != null) {
    const max = f.maxTotal;
    where.add((p) => `ss.total <= ${p(max)}`);
  }
  if (f.hasVeto != null) where.add(() => (f.hasVeto ? 'ss.has_veto' : 'NOT ss.has_veto'));
  if (f.hasPendingAssessments != null) where.add(() => (f.hasPendingAssessments ? 'ss.pending_count > 0' : 'ss.pending_count = 0'));
  if (f.nameContains != null && f.nameContains !== '') {
    const pattern = `%${f.nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.add((p) => `s.name ILIKE ${p(pattern)}`);
  }
  return where;
}

/** Rows strictly after the key in the given order (stations without a score last). */
function keyset(where: Where, order: StationListOrder, key: StationListKey): void {
  const [first, second] = key;
  switch (order) {
    case 'CODE':
      where.add((p) => `s.code > ${p(String(first))}`);
      return;
    case 'NAME':
      where.add((p) => `(s.name, s.code) > (${p(String(first))}, ${p(String(second))})`);
      return;
    case 'TOTAL_DESC':
    case 'TOTAL_ASC': {
      const code = String(second);
      if (first === null) {
        where.add((p) => `(ss.total IS NULL AND s.code > ${p(code)})`);
        return;
      }
      const cmp = order === 'TOTAL_DESC' ? '<' : '>';
      const total = Number(first);
      where.add((p) => {
        const t = p(total);
        return `(ss.total ${cmp} ${t} OR (ss.total = ${t} AND s.code > ${p(code)}) OR ss.total IS NULL)`;
      });
    }
  }
}
