// Tells when data behind what a process keeps in memory may have changed. One connection
// LISTENs to three channels, each notified by triggers at commit:
// - scorecard_score_data (migration ScoreDataNotifications): station_score, station, region;
//   it moves the score generation, which province rankings, summaries, regions and station
//   rows are kept for;
// - scorecard_station_data (migration StationDataNotifications): every other table a
//   GraphQL query can read (people, cases, vetoes, assessments, snapshots…);
// - scorecard_api_key (migration ApiKeyNotifications): a key revoked, deleted or changed;
//   it moves the key generation, which verified API keys are kept for.
// The data generation moves on the first two channels. Tables whose rows belong to a station
// (migration ScopedChangeNotifications) name the stations and regions a statement touched;
// subscribers (the GraphQL response cache) get every change as a DataChange and drop only
// what it concerns. Entries cached under an older generation are never used. While the
// connection is down there is no generation and nothing is served from memory.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type pg from 'pg';
import { APP_RUNTIME, type AppRuntime } from '../core/app-runtime.js';
import { PgListener } from './pg-listener.js';

export const SCORE_DATA_CHANNEL = 'scorecard_score_data';
export const STATION_DATA_CHANNEL = 'scorecard_station_data';
export const API_KEY_CHANNEL = 'scorecard_api_key';

// Reconnecting is cheap and nothing is cached meanwhile: try often.
const MAX_RETRY_MS = 5000;
// A barrier that takes longer than this reports the feed as behind.
const BARRIER_TIMEOUT_MS = 2000;

/**
 * A committed change to data a GraphQL query can read. `stations` and `regions` null: any
 * (a table-wide change, or more than a payload can name); `table` null: the feed itself was
 * lost or re-established, so anything may have changed.
 */
export interface DataChange {
  table: string | null;
  /** True for a table without station rows (reference data, policies, rounds…) or a TRUNCATE: everything may have changed. */
  tableWide: boolean;
  stations: readonly string[] | null;
  regions: readonly string[] | null;
}

type DataChangeListener = (change: DataChange) => void;

/** The DataChange of a notification payload: a table name (table-wide) or the JSON of ScopedChangeNotifications. */
export function parseDataChange(payload: string): DataChange {
  if (!payload.startsWith('{')) return { table: payload || null, tableWide: true, stations: null, regions: null };
  try {
    const parsed = JSON.parse(payload) as { t?: unknown; s?: unknown; r?: unknown };
    const list = (value: unknown) => (Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : null);
    return { table: typeof parsed.t === 'string' ? parsed.t : null, tableWide: false, stations: list(parsed.s), regions: list(parsed.r) };
  } catch {
    // Never expected; the safe reading of what cannot be read is "anything changed".
    return { table: null, tableWide: true, stations: null, regions: null };
  }
}

@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private readonly listener: PgListener;
  // They only grow: a notification, a reconnection or a loss moves them.
  private scoreCounter = 0;
  private dataCounter = 0;
  private keyCounter = 0;
  private inFlight: Promise<boolean> | null = null;
  private nextBarrier: Promise<boolean> | null = null;
  private overdue = false;
  private readonly listeners = new Set<DataChangeListener>();

  constructor(@Inject(APP_RUNTIME) runtime: AppRuntime) {
    this.listener = new PgListener(
      { databaseUrl: runtime.databaseUrl, applicationName: 'station-scorecard-change-feed', channels: [SCORE_DATA_CHANNEL, STATION_DATA_CHANNEL, API_KEY_CHANNEL], maxRetryMs: MAX_RETRY_MS },
      {
        notification: (channel, payload) => this.notified(channel, payload),
        listening: (again) => {
          // Anything may have changed while nobody listened.
          this.bump();
          if (again) this.logger.log('change feed listening again');
        },
        lost: (error) => {
          this.bump();
          this.logger.warn(`change feed lost (${error?.message ?? 'connection ended'}); nothing is cached (API keys, rankings, summaries, GraphQL answers) until it is back`);
        },
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /** Changes are seen (and so may be cached) only while the connection listens. */
  private get listening(): boolean {
    return this.listener.client !== null;
  }

  /** The score generation (stations, scores, regions), or null when changes cannot be seen (cache nothing then). */
  generation(): number | null {
    return this.listening ? this.scoreCounter : null;
  }

  /** The data generation (any table a GraphQL query can read), or null when changes cannot be seen. */
  dataGeneration(): number | null {
    return this.listening ? this.dataCounter : null;
  }

  /** The API key generation (a key revoked or changed anywhere), or null when changes cannot be seen. */
  keyGeneration(): number | null {
    return this.listening ? this.keyCounter : null;
  }

  /**
   * Calls `listener` with every data change as it is received (before the generations are
   * read anew), and with a table-wide change whenever the connection is lost or re-established.
   * Returns the unsubscribe function.
   */
  onDataChange(listener: DataChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves once every notification of a transaction committed before the call has been
   * received (one round trip on the listening connection). For tests and for callers that
   * need to read their own writes from memory.
   */
  async sync(): Promise<void> {
    await this.barrier();
  }

  /**
   * Like sync(), and says whether it holds: true once every notification committed before
   * the call has been received; false when the feed is down or does not answer in time
   * (then nothing cached may be trusted). Concurrent callers share round trips: at most one
   * is on its way, and a caller that arrives while it is joins the next one (the one on its
   * way may have left before the caller's commit).
   */
  barrier(): Promise<boolean> {
    // A round trip that outlived its timeout and has not come back: the feed is behind.
    const client = this.listener.client;
    if (client === null || this.overdue) return Promise.resolve(false);
    if (!this.inFlight) {
      const trip = this.roundTrip(client).finally(() => {
        if (this.inFlight === trip) this.inFlight = null;
      });
      this.inFlight = trip;
      return trip;
    }
    this.nextBarrier ??= this.inFlight.then(() => {
      this.nextBarrier = null;
      return this.barrier();
    });
    return this.nextBarrier;
  }

  private roundTrip(client: pg.Client): Promise<boolean> {
    // The client sends queries in order, so this one leaves after the call was made.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => {
        this.overdue = true;
        resolve(false);
      }, BARRIER_TIMEOUT_MS);
    });
    const answered = client.query('SELECT 1').then(
      () => this.listener.client === client,
      () => false,
    );
    void answered.finally(() => (this.overdue = false));
    return Promise.race([answered, timeout]).finally(() => clearTimeout(timer));
  }

  private notified(channel: string, payload: string): void {
    switch (channel) {
      case API_KEY_CHANNEL:
        this.keyCounter++;
        return;
      case SCORE_DATA_CHANNEL:
        this.scoreCounter++;
        this.dataCounter++;
        break;
      case STATION_DATA_CHANNEL:
      default:
        this.dataCounter++;
    }
    this.emit(parseDataChange(payload));
  }

  private emit(change: DataChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(`data change listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  private bump(): void {
    this.scoreCounter++;
    this.dataCounter++;
    this.keyCounter++;
    this.emit({ table: null, tableWide: true, stations: null, regions: null });
  }
}

/** A small map of values valid for one generation of the change feed. */
export class GenerationCache<V> {
  private readonly entries = new Map<string, { generation: number; value: V }>();

  constructor(private readonly capacity = 500) {}

  get(key: string, generation: number | null): V | undefined {
    if (generation === null) return undefined;
    const entry = this.entries.get(key);
    return entry?.generation === generation ? entry.value : undefined;
  }

  /** Stores a value read while `generation` was current (read it before the query). */
  set(key: string, generation: number | null, value: V): void {
    if (generation === null) return;
    if (this.entries.size >= this.capacity && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, { generation, value });
  }
}
