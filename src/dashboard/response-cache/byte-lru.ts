// A least-recently-used map of strings bounded by the memory they hold. A Map keeps
// insertion order, so a hit is moved to the young end by re-inserting it and eviction
// takes the oldest key first; both are O(1). Each value may carry a small tag (what the
// response cache needs to tell whether it is still valid), not counted in the bound.

// What an entry costs besides its value: the Map slot, the 64-character key, the string
// headers. An estimate, so that many tiny answers cannot exceed the bound by much.
export const ENTRY_OVERHEAD_BYTES = 256;

export class ByteLru<Tag = undefined> {
  private readonly entries = new Map<string, { value: string; tag: Tag | undefined }>();
  private total = 0;
  private evicted = 0;

  /**
   * `maxEntryBytes` keeps one huge answer from flushing most of the cache (an eighth of
   * the bound by default).
   */
  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number = Math.floor(maxBytes / 8),
  ) {}

  get(key: string): string | undefined {
    return this.entry(key)?.value;
  }

  /** The value and its tag, as a hit (made the most recently used). */
  entry(key: string): { value: string; tag: Tag | undefined } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Stores a value, evicting the least recently used; false when it is too large to keep. */
  set(key: string, value: string, tag?: Tag): boolean {
    const size = sizeOf(key, value);
    if (size > this.maxEntryBytes || size > this.maxBytes) return false;
    this.delete(key);
    for (const oldest of this.entries.keys()) {
      if (this.total + size <= this.maxBytes) break;
      this.delete(oldest);
      this.evicted++;
    }
    this.entries.set(key, { value, tag });
    this.total += size;
    return true;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Entries dropped to make room, since the start. */
  get evictions(): number {
    return this.evicted;
  }

  /** Drops an entry (no eviction counted). */
  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.total -= sizeOf(key, entry.value);
  }
}

// V8 keeps a string holding any character beyond Latin-1 (any Chinese text) at two bytes per
// UTF-16 unit, one byte otherwise: counting two keeps the bound an upper bound.
function sizeOf(key: string, value: string): number {
  return key.length + 2 * value.length + ENTRY_OVERHEAD_BYTES;
}
