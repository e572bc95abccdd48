// What the API keeps in memory between requests, in one place:
// - snapshots (SnapshotCache): immutable, by id;
// - station rows (profile, region names, score headline), regions, province rankings and
//   region summaries (read from region_score_aggregate): valid for one generation of the
//   change feed (dropped at the first committed change to stations, scores or regions).
import { Injectable } from '@nestjs/common';
import type { RankedStationRow, StationRow } from '../../scoring/current-scores.repository.js';
import { RegionSummaryCache } from './region-summaries.js';
import type { Region } from '../types/region.types.js';
import { ChangeFeed, GenerationCache } from '../../database/change-feed.js';

@Injectable()
export class MemoryCaches {
  readonly regions = new GenerationCache<Region | null>(5000);
  // A province of 40,000 stations fits (a row is well under 1 KB), like the snapshot cache.
  readonly stations = new GenerationCache<StationRow | null>(50_000);
  readonly rankings = new GenerationCache<RankedStationRow[]>(200);
  readonly summaries = new RegionSummaryCache();

  constructor(readonly feed: ChangeFeed) {}

  /** The change feed's generation now: read it before the statement whose result is cached. */
  generation(): number | null {
    return this.feed.generation();
  }
}
