// Station lists: the keyset-paged, filtered connection and the rankings. Each page is one
// statement (profile, region names and current score together); every other relation
// comes through the request's loaders, batched.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { MemoryCaches } from '../loaders/memory-caches.js';
import { checkFirst, decodeCursor, encodeCursor, type CursorKey } from '../cursor.js';
import type { StationOrder } from '../enums.js';
import { assertCovers, regionColumn, scopeFilter } from '../permissions.js';
import type { Edge } from '../types/common.types.js';
import type { RankedStation, Station } from '../types/station.types.js';
import { STATION_COLUMNS, STATION_JOINS, toStation, type SnapshotSource, type StationRow } from './station-rows.js';

export const MAX_PAGE = 100;
export const MAX_RANKING = 500;

export interface StationFilterValues {
  regionCode?: string | null;
  stars?: number[] | null;
  minTotal?: number | null;
  maxTotal?: number | null;
  hasVeto?: boolean | null;
  hasPendingAssessments?: boolean | null;
  nameContains?: string | null;
}

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

const ORDER_SQL: Record<StationOrder, string> = {
  TOTAL_DESC: 'ss.total DESC NULLS LAST, s.code',
  TOTAL_ASC: 'ss.total ASC NULLS LAST, s.code',
  NAME: 's.name, s.code',
  CODE: 's.code',
};

/** The same order over the `page` CTE's columns. */
const PAGE_ORDER_SQL: Record<StationOrder, string> = {
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
 * The rankings query and the ranking export (src/forms) both read it.
 */
export function rankedStationsSql(regionCode: string, limit: string | null): string {
  return `SELECT s.code, ss.total, rank() OVER (ORDER BY ss.total DESC)::int AS rank
    FROM ${NARROW_FROM} WHERE s.${regionColumn(regionCode)} = $1 AND ss.eligible
    ORDER BY ss.total DESC, s.code${limit === null ? '' : ` LIMIT ${limit}`}`;
}

export interface StationPage {
  edges: Edge<Station>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Evaluated only when totalCount is asked for. */
  count: () => Promise<number>;
}

@Injectable()
export class StationsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caches: MemoryCaches,
  ) {}

  async page(principal: Principal, filter: StationFilterValues, first: number, after: string | null, order: StationOrder, source: SnapshotSource): Promise<StationPage> {
    checkFirst(first, MAX_PAGE);
    const where = this.filter(principal, filter);
    const countWhere = where.sql;
    const countParams = [...where.params];
    if (after != null) this.keyset(where, order, decodeCursor(order, after, order === 'CODE' ? 1 : 2));
    // The page is chosen on narrow rows, then only its stations are read whole.
    const rows = await this.dataSource.query<StationRow[]>(
      `WITH p AS (SELECT s.code, s.name, ss.total FROM ${NARROW_FROM} ${where.sql} ORDER BY ${ORDER_SQL[order]} LIMIT ${first + 1})
       SELECT ${STATION_COLUMNS} FROM p JOIN station s ON s.code = p.code ${STATION_JOINS} ORDER BY ${PAGE_ORDER_SQL[order]}`,
      where.params,
    );
    const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(order, cursorKey(order, row)), node: toStation(row, source) }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      count: async () => {
        const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${NARROW_FROM} ${countWhere}`, countParams);
        return n;
      },
    };
  }

  /**
   * Eligible stations of a region by total (desc) then code, with competition ranks; kept in
   * memory until the change feed reports a committed change to stations, scores or regions.
   */
  async rankings(principal: Principal, regionCode: string, first: number, source: SnapshotSource): Promise<RankedStation[]> {
    checkFirst(first, MAX_RANKING);
    assertCovers(principal, regionCode, `region ${regionCode}`);
    const key = `${regionCode}:${first}`;
    const generation = this.caches.generation();
    let rows = this.caches.rankings.get(key, generation);
    if (rows === undefined) {
      rows = await this.rankingRows(regionCode, first);
      this.caches.rankings.set(key, generation, rows);
    }
    return rows.map((row) => ({ rank: row.rank, station: toStation(row, source) }));
  }

  private rankingRows(regionCode: string, first: number): Promise<(StationRow & { rank: number })[]> {
    return this.dataSource.query<(StationRow & { rank: number })[]>(
      `WITH p AS (${rankedStationsSql(regionCode, '$2')})
       SELECT p.rank, ${STATION_COLUMNS} FROM p JOIN station s ON s.code = p.code ${STATION_JOINS} ORDER BY p.total DESC, p.code`,
      [regionCode, first],
    );
  }

  private filter(principal: Principal, f: StationFilterValues): Where {
    const where = new Where();
    const scope = scopeFilter(principal);
    if (scope) where.add((p) => `s.${scope.column} = ${p(scope.code)}`);
    if (f.regionCode != null) {
      assertCovers(principal, f.regionCode, `region ${f.regionCode}`);
      const code = f.regionCode;
      where.add((p) => `s.${regionColumn(code)} = ${p(code)}`);
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

  /** Rows strictly after the cursor in the given order (stations without a score last). */
  private keyset(where: Where, order: StationOrder, key: CursorKey): void {
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
}

function cursorKey(order: StationOrder, row: StationRow): CursorKey {
  switch (order) {
    case 'CODE':
      return [row.code];
    case 'NAME':
      return [row.name, row.code];
    default:
      return [row.snapshot_id === null ? null : row.total, row.code];
  }
}
