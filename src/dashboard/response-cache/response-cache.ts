// Whole answers of GraphQL queries, kept for one data generation of the change feed and
// bounded in bytes (GRAPHQL_RESPONSE_CACHE_BYTES). Answers are stored serialized: the
// bound counts real bytes, and no later reader can alter a cached answer.
import { Inject, Injectable } from '@nestjs/common';
import type { FormattedExecutionResult } from 'graphql';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ChangeFeed } from '../loaders/change-feed.js';
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

  /** A cached answer; `generation` as read from generation() for this request. */
  get(key: string, generation: number): FormattedExecutionResult | undefined {
    const bytes = this.current(generation)?.get(key);
    if (bytes === undefined) {
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    return JSON.parse(bytes.toString('utf8')) as FormattedExecutionResult;
  }

  /** Stores an error-free answer read under `generation`, unless the data changed meanwhile. */
  set(key: string, generation: number, result: FormattedExecutionResult): boolean {
    const lru = generation === this.feed.dataGeneration() ? this.current(generation) : null;
    const kept = lru !== null && lru.set(key, serialize(result));
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

function serialize(result: FormattedExecutionResult): Buffer {
  const json = JSON.stringify(result);
  // Memory of its own (not a slice of Buffer's shared pool), so the bound counts what is held.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json, 'utf8');
  return bytes;
}
