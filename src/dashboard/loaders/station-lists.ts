// Station lists: the keyset-paged, filtered connection and the rankings, read through
// CurrentScoresRepository (each page one statement: profile, region names and current score
// together); every other relation comes through the request's loaders, batched. Here: who
// may see which region, page sizes, cursors and the rankings' memory cache.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { CurrentScoresRepository, type StationRow, type StationScoreFilter } from '../../scoring/current-scores.repository.js';
import { MemoryCaches } from './memory-caches.js';
import { checkFirst, decodeCursor, encodeCursor, type CursorKey } from '../cursor.js';
import type { StationOrder } from '../enums.js';
import { assertCovers, regionColumn, scopeFilter } from '../permissions.js';
import type { Edge } from '../types/common.types.js';
import type { RankedStation, Station } from '../types/station.types.js';
import { toStation, type SnapshotSource } from './station-view.js';

export const MAX_PAGE = 100;
export const MAX_RANKING = 500;

export interface StationFilterValues extends StationScoreFilter {
  regionCode?: string | null;
}

export interface StationPage {
  edges: Edge<Station>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Evaluated only when totalCount is asked for. */
  count: () => Promise<number>;
}

@Injectable()
export class StationLists {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caches: MemoryCaches,
  ) {}

  async page(principal: Principal, filter: StationFilterValues, first: number, after: string | null, order: StationOrder, source: SnapshotSource): Promise<StationPage> {
    checkFirst(first, MAX_PAGE);
    const { regionCode, ...rest } = filter;
    if (regionCode != null) assertCovers(principal, regionCode, `region ${regionCode}`);
    const region = regionCode != null ? { column: regionColumn(regionCode), code: regionCode } : null;
    const key = after != null ? decodeCursor(order, after, order === 'CODE' ? 1 : 2) : null;
    const { rows, count } = await new CurrentScoresRepository(this.dataSource).page({ ...rest, scope: scopeFilter(principal), region }, order, first + 1, key);
    const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(order, cursorKey(order, row)), node: toStation(row, source) }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null }, count };
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
      rows = await new CurrentScoresRepository(this.dataSource).ranking({ column: regionColumn(regionCode), code: regionCode }, first);
      this.caches.rankings.set(key, generation, rows);
    }
    return rows.map((row) => ({ rank: row.rank, station: toStation(row, source) }));
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
