// Whole answers of GraphQL queries, kept for one data generation of the change feed and
// bounded in bytes (GRAPHQL_RESPONSE_CACHE_BYTES). Answers are stored as the JSON of their
// `data`: the bound counts what a string holds, no reader can alter a cached answer, and a
// hit is sent without serializing again (serialized-data.ts).
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ChangeFeed } from '../../database/change-feed.js';
import { ByteLru } from './byte-lru.js';

export interface ResponseCacheStats {
  /** Answers served from the cache. */
  hits: number;
  /** Cacheable queries that had to run. */
  misses: number;
  /** Answers stored after a miss. */
  stored: number;
  /** Answers of a miss left out: errors, a status other than 200, too large, or data changed while they ran. */
  refused: number;
  /** Operations the cache did not apply to: mutations, no valid key, the change feed down, the cache off. */
  bypassed: number;
  evictions: number;
  entries: number;
  bytes: number;
  maxBytes: number;
}

@Injectable()
export class ResponseCache {
  private readonly lru: ByteLru | null;
  // The generation of the entries held; a newer one empties the cache (keys hold it too).
  private held: number | null = null;
  private readonly counts = { hits: 0, misses: 0, stored: 0, refused: 0, bypassed: 0 };

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly feed: ChangeFeed,
  ) {
    this.lru = config.graphql.responseCacheBytes > 0 ? new ByteLru(config.graphql.responseCacheBytes) : null;
  }

  get enabled(): boolean {
    return this.lru !== null;
  }

  /** The data generation to read an answer under, or null when nothing may be cached now. */
  generation(): number | null {
    return this.lru === null ? null : this.feed.dataGeneration();
  }

  /** The JSON of a cached answer's data; `generation` as read from generation() for this request. */
  get(key: string, generation: number): string | undefined {
    const json = this.current(generation)?.get(key);
    this.counts[json === undefined ? 'misses' : 'hits']++;
    return json;
  }

  /** Stores the JSON of an error-free answer's data read under `generation`, unless the data changed meanwhile. */
  set(key: string, generation: number, json: string): boolean {
    const lru = generation === this.feed.dataGeneration() ? this.current(generation) : null;
    const kept = lru !== null && lru.set(key, json);
    this.counts[kept ? 'stored' : 'refused']++;
    return kept;
  }

  /** Counts an answer of a miss that is not stored (it carries errors). */
  refuse(): void {
    this.counts.refused++;
  }

  /** Counts an operation the cache does not apply to. */
  bypass(): void {
    this.counts.bypassed++;
  }

  stats(): ResponseCacheStats {
    return { ...this.counts, evictions: this.lru?.evictions ?? 0, entries: this.lru?.size ?? 0, bytes: this.lru?.bytes ?? 0, maxBytes: this.lru?.maxBytes ?? 0 };
  }

  /** The LRU for `generation`: emptied when it moved on, null for a reader of an older one. */
  private current(generation: number): ByteLru | null {
    if (this.lru === null) return null;
    if (this.held !== null && generation < this.held) return null;
    if (generation !== this.held) {
      this.lru.clear();
      this.held = generation;
    }
    return this.lru;
  }
}
