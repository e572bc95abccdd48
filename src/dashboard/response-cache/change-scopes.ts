// The bookkeeping behind the response cache's validity: every change received ticks a
// sequence; an answer read at sequence n is valid while nothing in its scope changed after n.
// - stations: the last sequence each station changed at (and the last "many stations");
// - regions: region-wide answers are not dropped at each change but "refreshed" at most once
//   per interval: a change marks its regions pending, and the first lookup after the interval
//   since the region's last refresh moves the region's refresh point to now. So an answer
//   served is never older than the last refresh, and a change is seen within one interval;
//   While the first reader after a refresh reads a region-wide answer anew, the others may be
//   served the answer of the previous refresh (never older): "refreshing";
// - a table-wide change moves the generation: every answer goes.
// The in-memory loader caches of one station's data (StationScopedCache) keep their entries
// on the same terms. Pure (no Nest, no I/O): times are passed in.
import type { DataChange } from '../../database/change-feed.js';
import { ALL_REGIONS, type AnswerScope } from './answer-scope.js';

/** fresh: serve it; refreshing: only region-wide changes of the last refresh are missing; stale: drop it. */
export type Validity = 'fresh' | 'refreshing' | 'stale';

interface RegionState {
  /** Answers read before this sequence are stale. */
  refreshedAt: number;
  /** The refresh before: answers read since are at most one refresh old. */
  previousAt: number;
  /** When it was last refreshed (ms), for the interval. */
  refreshedMs: number;
  /** A change not yet taken in. */
  pending: boolean;
}

export class ChangeScopes {
  /** Moves at every table-wide change. */
  generation = 0;
  /** Moves at every change. */
  seq = 0;
  private anyChangeAt = 0;
  private allStationsAt = 0;
  private readonly stationAt = new Map<string, number>();
  /** Regions some answer read (others need no bookkeeping: nothing cached depends on them). */
  private readonly regions = new Map<string, RegionState>();

  /**
   * @param intervalMs how often region-wide answers are refreshed at most under writes
   * @param maxStations stations whose last change is remembered; past it, everything read
   *   before counts as changed (safe: the bookkeeping stays bounded, answers are only read anew)
   */
  constructor(
    private readonly intervalMs: number,
    private readonly maxStations = 200_000,
  ) {}

  /** Takes a change in; true when it is table-wide (the caller empties the cache). */
  record(change: DataChange): boolean {
    this.seq++;
    this.anyChangeAt = this.seq;
    if (change.tableWide) {
      this.generation++;
      this.stationAt.clear();
      this.allStationsAt = this.seq;
      for (const state of this.regions.values()) Object.assign(state, { refreshedAt: this.seq, previousAt: this.seq, pending: false });
      return true;
    }
    if (change.stations !== null) for (const code of change.stations) this.stationAt.set(code, this.seq);
    if (change.stations === null || this.stationAt.size > this.maxStations) {
      this.allStationsAt = this.seq;
      this.stationAt.clear();
    }
    if (change.regions === null) for (const state of this.regions.values()) state.pending = true;
    else {
      for (const code of change.regions) {
        const state = this.regions.get(code);
        if (state) state.pending = true;
      }
      const all = this.regions.get(ALL_REGIONS);
      if (all && (change.regions.length > 0 || change.stations === null || change.stations.length > 0)) all.pending = true;
    }
    return false;
  }

  /** Whether an answer read at `seq` with `scope` is still valid at `nowMs`. */
  valid(seq: number, scope: AnswerScope, nowMs: number): boolean {
    return this.validity(seq, scope, nowMs) === 'fresh';
  }

  validity(seq: number, scope: AnswerScope, nowMs: number): Validity {
    if (scope.any) return this.anyChangeAt <= seq ? 'fresh' : 'stale';
    for (const code of scope.stations) if (!this.stationFresh(code, seq)) return 'stale';
    let validity: Validity = 'fresh';
    for (const code of scope.regions) {
      const state = this.region(code, nowMs);
      if (state.previousAt > seq) return 'stale';
      if (state.refreshedAt > seq) validity = 'refreshing';
    }
    return validity;
  }

  /** Whether nothing of the station changed after `seq` (table-wide changes aside: they move the generation). */
  stationFresh(code: string, seq: number): boolean {
    return this.allStationsAt <= seq && (this.stationAt.get(code) ?? 0) <= seq;
  }

  /** Starts the bookkeeping of the scope's regions (before an answer reading them runs). */
  watch(scope: AnswerScope, nowMs: number): void {
    for (const code of scope.regions) this.region(code, nowMs);
  }

  /** Takes every pending region change in now, whatever the interval. */
  refreshAll(nowMs = Date.now()): void {
    for (const state of this.regions.values()) if (state.pending) this.refresh(state, nowMs);
  }

  /** The region's state, refreshed first when a change is pending and the interval has passed. */
  private region(code: string, nowMs: number): RegionState {
    let state = this.regions.get(code);
    if (!state) {
      // First seen now: answers read before had no bookkeeping, so they count as stale.
      state = { refreshedAt: this.seq, previousAt: this.seq, refreshedMs: -Infinity, pending: false };
      this.regions.set(code, state);
    } else if (state.pending && nowMs - state.refreshedMs >= this.intervalMs) {
      this.refresh(state, nowMs);
    }
    return state;
  }

  private refresh(state: RegionState, nowMs: number): void {
    Object.assign(state, { previousAt: state.refreshedAt, refreshedAt: this.seq, refreshedMs: nowMs, pending: false });
  }
}
