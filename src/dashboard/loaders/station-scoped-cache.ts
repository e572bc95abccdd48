// Values read from one station's rows (its row and score headline, its roster counts, its
// vetoes), kept in memory until the change feed reports a committed change naming that
// station. A write to one station drops only what was read from it, so a stream of pushes
// to other stations leaves the rest of the province in memory (a GenerationCache is emptied
// by any change). Which changes concern a station is the response cache's bookkeeping
// (ChangeScopes), shared by the caches of MemoryCaches: a table-wide change, a change naming
// too many stations to list, or the feed lost and back leave nothing valid. While the feed
// is down nothing is read or kept.
import type { ChangeScopes } from '../response-cache/change-scopes.js';

/** When a value was read: the changes' generation and sequence, taken before the statement. */
export interface StationReadPoint {
  readonly generation: number;
  readonly seq: number;
}

interface Entry<V> {
  seq: number;
  generation: number;
  value: V;
}

export class StationScopedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  /**
   * @param changes the changes received from the feed (the owner records them, and empties
   *   the cache at a table-wide one)
   * @param capacity entries kept; past it the oldest stored goes first
   * @param listening whether the change feed listens now
   */
  constructor(
    private readonly changes: ChangeScopes,
    private readonly capacity: number,
    private readonly listening: () => boolean,
  ) {}

  /** Where to read a value, or null when nothing may be kept (the feed is down). Take it before the statement. */
  readPoint(): StationReadPoint | null {
    return this.listening() ? { generation: this.changes.generation, seq: this.changes.seq } : null;
  }

  /** The value read from `station` (under `variant`, e.g. a date it depends on) if nothing of the station changed since. */
  get(station: string, variant = ''): V | undefined {
    if (!this.listening()) return undefined;
    const key = keyOf(station, variant);
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (!this.valid(station, entry)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps a value read from `station` at `at`, unless the station changed since (the value may be older than the change). */
  set(station: string, at: StationReadPoint | null, value: V, variant = ''): boolean {
    if (at === null || !this.listening() || !this.valid(station, at)) return false;
    const key = keyOf(station, variant);
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { seq: at.seq, generation: at.generation, value });
    return true;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private valid(station: string, read: StationReadPoint): boolean {
    return read.generation === this.changes.generation && this.changes.stationFresh(station, read.seq);
  }
}

function keyOf(station: string, variant: string): string {
  return variant === '' ? station : `${station}\u0000${variant}`;
}
