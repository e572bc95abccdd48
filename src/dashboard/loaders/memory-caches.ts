// What the API keeps in memory between requests, in one place:
// - snapshots (SnapshotCache): immutable, by id;
// - what is read from one station's rows: its row (profile, region names, score headline),
//   its roster counts and its vetoes: kept until a committed change names the station
//   (StationScopedCache), so writes to other stations leave them in memory;
// - regions, province rankings and region summaries (read from region_score_aggregate):
//   valid for one generation of the change feed (dropped at the first committed change to
//   stations, scores or regions).
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { RankedStationRow, StationRow } from '../../scoring/current-scores.repository.js';
import type { RosterCounts } from '../../personnel/roster.js';
import type { StoredVeto } from '../../station-events/veto-events.repository.js';
import { RegionSummaryCache } from './region-summaries.js';
import type { Region } from '../types/region.types.js';
import { ChangeFeed, GenerationCache } from '../../database/change-feed.js';
import { ChangeScopes } from '../response-cache/change-scopes.js';
import { StationScopedCache } from './station-scoped-cache.js';

// A province of 40,000 stations fits in each (an entry is well under 1 KB), like the snapshot cache.
const STATIONS = 50_000;

@Injectable()
export class MemoryCaches implements OnModuleDestroy {
  readonly regions = new GenerationCache<Region | null>(5000);
  readonly stations: StationScopedCache<StationRow | null>;
  /** Roster counts (附件2) by station, under the day they were counted for (departures and the training year follow it). */
  readonly rosters: StationScopedCache<RosterCounts>;
  readonly vetoes: StationScopedCache<StoredVeto[]>;
  readonly rankings = new GenerationCache<RankedStationRow[]>(200);
  readonly summaries = new RegionSummaryCache();
  private readonly unsubscribe: () => void;

  constructor(readonly feed: ChangeFeed) {
    const listening = () => feed.dataGeneration() !== null;
    // One bookkeeping of which stations changed when, for the three caches (no region-wide answers here).
    const changes = new ChangeScopes(0, 4 * STATIONS);
    const scoped = [
      (this.stations = new StationScopedCache(changes, STATIONS, listening)),
      (this.rosters = new StationScopedCache(changes, STATIONS, listening)),
      (this.vetoes = new StationScopedCache(changes, STATIONS, listening)),
    ];
    this.unsubscribe = feed.onDataChange((change) => {
      if (changes.record(change)) scoped.forEach((cache) => cache.clear());
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** The change feed's generation now: read it before the statement whose result is cached. */
  generation(): number | null {
    return this.feed.generation();
  }
}
