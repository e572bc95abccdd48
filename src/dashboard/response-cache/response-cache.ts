// Whole answers of GraphQL queries, bounded in bytes (GRAPHQL_RESPONSE_CACHE_BYTES). Answers
// are stored as the JSON of their `data`: the bound counts what a string holds, no reader can
// alter a cached answer, and a hit is sent without serializing again (serialized-data.ts).
//
// Each answer records its scope (answer-scope.ts) and the change sequence it was read at.
// Changes come from the change feed (every process LISTENs, so several API processes stay
// coherent) and are dropped by what they touch (change-scopes.ts):
// - a write to station rows drops that station's answers at once, and region-wide answers
//   (lists, rankings, summaries) of its regions at most once per GRAPHQL_RESPONSE_CACHE_REFRESH_MS;
// - a table-wide change (regions, rubric and star policies, rounds, a TRUNCATE) or the feed
//   lost and back moves the generation: every answer goes (keys hold the generation too).
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { ChangeFeed } from '../../database/change-feed.js';
import type { AnswerScope } from './answer-scope.js';
import { ByteLru } from './byte-lru.js';
import { ChangeScopes } from './change-scopes.js';

export interface ResponseCacheStats {
  /** Answers served from the cache. */
  hits: number;
  /** Cacheable queries not found in the cache (most of them run; see `joined`). */
  misses: number;
  /** Misses answered by a concurrent miss of the same query (which ran once for all). */
  joined: number;
  /** Hits that were region-wide answers of the previous refresh, served while another request read them anew. */
  previous: number;
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

/** What a lookup reads an answer under: the generation (table-wide changes) and the change sequence. */
export interface ReadPoint {
  generation: number;
  seq: number;
}

interface Tag {
  seq: number;
  scope: AnswerScope;
}

@Injectable()
export class ResponseCache implements OnModuleDestroy {
  private readonly lru: ByteLru<Tag> | null;
  private readonly scopes: ChangeScopes;
  private readonly unsubscribe: () => void;
  private readonly counts = { hits: 0, misses: 0, joined: 0, previous: 0, stored: 0, refused: 0, bypassed: 0 };

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly feed: ChangeFeed,
  ) {
    this.lru = config.graphql.responseCacheBytes > 0 ? new ByteLru<Tag>(config.graphql.responseCacheBytes) : null;
    this.scopes = new ChangeScopes(config.graphql.responseCacheRefreshMs);
    this.unsubscribe = feed.onDataChange((change) => {
      if (this.scopes.record(change)) this.lru?.clear();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  get enabled(): boolean {
    return this.lru !== null;
  }

  /** Where to read an answer, or null when nothing may be cached now (the cache off or the feed down). */
  readPoint(): ReadPoint | null {
    if (this.lru === null || this.feed.dataGeneration() === null) return null;
    return { generation: this.scopes.generation, seq: this.scopes.seq };
  }

  /**
   * The JSON of a cached answer's data still valid at `now` (`fresh`), or a region-wide
   * answer of the previous refresh (`fresh` false), which the caller may serve while another
   * request reads the query anew. Call it before running a miss with the scope the answer
   * will be stored with: the regions it reads are watched from then on. Counts nothing
   * (countLookup() does).
   */
  lookup(key: string, scope: AnswerScope, now = Date.now()): { json: string; fresh: boolean } | undefined {
    this.scopes.watch(scope, now);
    const entry = this.lru?.entry(key);
    if (entry === undefined) return undefined;
    const validity = entry.tag === undefined ? 'stale' : this.scopes.validity(entry.tag.seq, entry.tag.scope, now);
    if (validity === 'stale') {
      this.lru!.delete(key);
      return undefined;
    }
    return { json: entry.value, fresh: validity === 'fresh' };
  }

  /** Counts a lookup: served from the cache (fresh, or the previous refresh while another request reads it anew) or not. */
  countLookup(served: 'hit' | 'previous' | 'joined' | 'miss'): void {
    // `previous` counts among the hits, `joined` among the misses.
    this.counts[served === 'hit' || served === 'previous' ? 'hits' : 'misses']++;
    if (served === 'previous' || served === 'joined') this.counts[served]++;
  }

  /** Stores the JSON of an error-free answer read at `at` with `scope`, unless what it read changed meanwhile. */
  set(key: string, at: ReadPoint, scope: AnswerScope, json: string, now = Date.now()): boolean {
    const current = this.lru !== null && this.feed.dataGeneration() !== null && at.generation === this.scopes.generation && this.scopes.valid(at.seq, scope, now);
    const kept = current && this.lru!.set(key, json, { seq: at.seq, scope });
    this.counts[kept ? 'stored' : 'refused']++;
    return kept;
  }

  /**
   * Region-wide answers read before now are not served any more, whatever the interval (a
   * client reading right after its own mutation sees it in lists and summaries too).
   */
  refreshRegionWide(): void {
    this.scopes.refreshAll();
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
}
