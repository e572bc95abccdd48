// Tells when data behind what the API keeps in memory may have changed. One connection
// LISTENs to two channels, both notified by statement-level triggers at commit:
// - scorecard_score_data (migration ScoreDataNotifications): station_score, station, region;
//   it moves the score generation, which province rankings, summaries, regions and station
//   rows are kept for;
// - scorecard_station_data (migration StationDataNotifications): every other table a
//   GraphQL query can read (people, cases, vetoes, assessments, snapshots…).
// The data generation moves on either channel; the GraphQL response cache keeps whole
// answers for it. Keeping two means a roster or case push does not drop the rankings.
// Entries cached under an older generation are never used. While the connection is down
// there is no generation and nothing is served from memory.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_RUNTIME, type AppRuntime } from '../../core/app-runtime.js';

export const SCORE_DATA_CHANNEL = 'scorecard_score_data';
export const STATION_DATA_CHANNEL = 'scorecard_station_data';

@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private client: pg.Client | null = null;
  private listening = false;
  // Both only grow: a notification, a reconnection or a loss moves them.
  private scoreCounter = 0;
  private dataCounter = 0;
  private stopped = false;
  private retryMs = 500;

  constructor(@Inject(APP_RUNTIME) private readonly runtime: AppRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  /** The score generation (stations, scores, regions), or null when changes cannot be seen (cache nothing then). */
  generation(): number | null {
    return this.listening ? this.scoreCounter : null;
  }

  /** The data generation (any table a GraphQL query can read), or null when changes cannot be seen. */
  dataGeneration(): number | null {
    return this.listening ? this.dataCounter : null;
  }

  /**
   * Resolves once every notification of a transaction committed before the call has been
   * received (one round trip on the listening connection). For tests and for callers that
   * need to read their own writes from memory.
   */
  sync(): Promise<void> {
    const client = this.client;
    if (!client || !this.listening) return Promise.resolve();
    // The client sends queries in order, so this one leaves after the call was made.
    return client.query('SELECT 1').then(
      () => undefined,
      () => undefined,
    );
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.runtime.databaseUrl, application_name: 'station-scorecard-change-feed', keepAlive: true });
    let gone = false;
    const lost = (error: Error | null) => {
      if (gone) return;
      gone = true;
      this.lost(client, error);
    };
    client.on('notification', (message) => {
      if (message.channel !== STATION_DATA_CHANNEL) this.scoreCounter++;
      this.dataCounter++;
    });
    client.on('error', (error) => lost(error));
    client.on('end', () => lost(null));
    try {
      await client.connect();
      await client.query(`LISTEN ${SCORE_DATA_CHANNEL}; LISTEN ${STATION_DATA_CHANNEL}`);
      this.client = client;
      // Anything may have changed while nobody listened.
      this.bump();
      this.listening = true;
      this.retryMs = 500;
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client === client) {
      this.client = null;
      this.listening = false;
    }
    this.bump();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`change feed lost (${error?.message ?? 'connection ended'}); nothing is cached (rankings, summaries, GraphQL answers) until it is back`);
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.connect(), delay).unref();
  }

  private bump(): void {
    this.scoreCounter++;
    this.dataCounter++;
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
