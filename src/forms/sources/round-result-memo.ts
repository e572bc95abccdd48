// The computed round results the lists have already scored, kept in memory by what they
// depend on: the application (id and version: submitting, withdrawing and editing bump it,
// so its frozen facts, declared missing items and certification are those of the version)
// and its overlay (reviews, inspections, missing-item decisions and live vetoes, compared by
// a digest of their contents). The round's terms never change after opening. A second
// download of a round's result table or 公示名单 then scores only what changed since, and
// reads no frozen facts for the rest. Bounded: the oldest entries go first.
import { createHash } from 'node:crypto';
import type { RoundOverlay } from '../../rounds/round-scoring.js';
import type { ScoreResult } from '../../scoring/engine/index.js';

/** The parts of a ScoreResult the lists read. */
export type ResultHeadline = Pick<ScoreResult, 'raw' | 'applicable' | 'rebased' | 'bonus' | 'total' | 'stars' | 'eligible' | 'blockingVetoes' | 'pendingCriteria'>;

export interface MemoEntry {
  readonly headline: ResultHeadline;
  readonly digest: string;
}

/** ≈ 300 bytes an entry: 100,000 of them (two province-wide rounds) hold ≈ 30 MB. */
const MAX_ENTRIES = 100_000;

export class RoundResultMemo {
  private readonly entries = new Map<string, MemoEntry>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The key of an application's result: its id and version and its overlay's contents. */
  static key(applicationId: string, version: number, overlay: RoundOverlay): string {
    return `${applicationId}:${version}:${createHash('sha256').update(JSON.stringify(overlay)).digest('base64url')}`;
  }

  get(key: string): MemoEntry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      // Most recently used last, so that eviction takes the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Keeps the headline of a result (not its criteria) and answers the entry. */
  set(key: string, result: ScoreResult, digest: string): MemoEntry {
    const { raw, applicable, rebased, bonus, total, stars, eligible, blockingVetoes, pendingCriteria } = result;
    const entry: MemoEntry = { headline: { raw, applicable, rebased, bonus, total, stars, eligible, blockingVetoes, pendingCriteria }, digest };
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}
