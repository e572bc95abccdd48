// Values read from one station's rows (its row and score headline, its roster counts, its
// vetoes), kept in memory until the change feed reports a committed change naming that
// station. A write to one station drops only what was read from it, so a stream of pushes
// to other stations leaves the rest of the province in memory (a GenerationCache is emptied
// by any change). A table-wide change, a change naming too many stations to list, or the
// feed lost and back drops every entry; while the feed is down nothing is read or kept.
// Pure bookkeeping: the owner passes the feed's changes to record().
import type { DataChange } from './change-feed.js';

/** When a value was read: the cache's generation and change sequence, taken before the statement. */
export interface StationReadPoint {
  readonly generation: number;
  readonly seq: number;
}

interface Entry<V> {
  station: string;
  seq: number;
  generation: number;
  value: V;
}

export class StationScopedCache<V> {
  private generation = 0;
  private seq = 0;
  /** A change that named no stations (too many): values read before it are stale. */
  private allStationsAt = 0;
  private readonly stationAt = new Map<string, number>();
  private readonly entries = new Map<string, Entry<V>>();

  /**
   * @param capacity entries kept; past it the oldest stored goes first
   * @param listening whether the change feed listens now (nothing is read or kept while it does not)
   */
  constructor(
    private readonly capacity: number,
    private readonly listening: () => boolean,
  ) {}

  /** Takes in a change reported by the feed. */
  record(change: DataChange): void {
    this.seq++;
    if (change.tableWide) {
      this.generation++;
      this.entries.clear();
      this.stationAt.clear();
      this.allStationsAt = this.seq;
      return;
    }
    if (change.stations === null) {
      this.allStationsAt = this.seq;
      this.stationAt.clear();
      return;
    }
    for (const code of change.stations) this.stationAt.set(code, this.seq);
    // The bookkeeping stays bounded: forgetting which stations changed is safe when
    // everything read before counts as changed.
    if (this.stationAt.size > this.capacity * 4) {
      this.allStationsAt = this.seq;
      this.stationAt.clear();
    }
  }

  /** Where to read a value, or null when nothing may be kept (the feed is down). Take it before the statement. */
  readPoint(): StationReadPoint | null {
    return this.listening() ? { generation: this.generation, seq: this.seq } : null;
  }

  /** The value read from `station` (under `variant`, e.g. a date it depends on) if nothing of the station changed since. */
  get(station: string, variant = ''): V | undefined {
    if (!this.listening()) return undefined;
    const key = keyOf(station, variant);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.generation !== this.generation || this.changedSince(station, entry.seq)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps a value read from `station` at `at`, unless the station changed since (the value may be older than the change). */
  set(station: string, at: StationReadPoint | null, value: V, variant = ''): boolean {
    if (at === null || !this.listening() || at.generation !== this.generation || this.changedSince(station, at.seq)) return false;
    const key = keyOf(station, variant);
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { station, seq: at.seq, generation: at.generation, value });
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private changedSince(station: string, seq: number): boolean {
    return this.allStationsAt > seq || (this.stationAt.get(station) ?? 0) > seq;
  }
}

function keyOf(station: string, variant: string): string {
  return variant === '' ? station : `${station}\u0000${variant}`;
}
