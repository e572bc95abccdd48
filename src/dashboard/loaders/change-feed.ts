// Tells when data behind the in-memory province rankings and summaries may have changed:
// one connection LISTENs to scorecard_score_data (migration ScoreDataNotifications: every
// statement on station_score, station or region notifies at commit) and bumps a
// generation per notification. Entries cached under an older generation are never used.
// While the connection is down there is no generation and nothing is served from memory.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_RUNTIME, type AppRuntime } from '../../core/app-runtime.js';

export const SCORE_DATA_CHANNEL = 'scorecard_score_data';

@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChangeFeed.name);
  private client: pg.Client | null = null;
  private listening = false;
  private counter = 0;
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

  /** The current generation, or null when changes cannot be seen (cache nothing then). */
  generation(): number | null {
    return this.listening ? this.counter : null;
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
    client.on('notification', () => {
      this.counter++;
    });
    client.on('error', (error) => lost(error));
    client.on('end', () => lost(null));
    try {
      await client.connect();
      await client.query(`LISTEN ${SCORE_DATA_CHANNEL}`);
      this.client = client;
      // Anything may have changed while nobody listened.
      this.counter++;
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
    this.counter++;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`change feed lost (${error?.message ?? 'connection ended'}); rankings and summaries are read from the database until it is back`);
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
    setTimeout(() => void this.connect(), delay).unref();
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
