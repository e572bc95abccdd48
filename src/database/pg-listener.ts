// One LISTEN connection that comes back by itself: connects, LISTENs to its channels, and
// after a loss tries again with a doubling delay. For the change feed (API processes) and the
// outbox relay's wake-up (workers), each on a connection of its own.
import pg from 'pg';

const FIRST_RETRY_MS = 500;

export interface PgListenerOptions {
  databaseUrl: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  channels: readonly string[];
  /** The longest wait between two connection attempts. */
  maxRetryMs: number;
}

export interface PgListenerEvents {
  notification(channel: string, payload: string): void;
  /** Listening; `again` after a loss. Notifications sent while nobody listened are gone. */
  listening(again: boolean): void;
  /** The connection was lost (or could not be made); the next attempt is `retryInMs` away. Not called once stopped. */
  lost(error: Error | null, retryInMs: number): void;
}

export class PgListener {
  private current: pg.Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;

  constructor(
    private readonly options: PgListenerOptions,
    private readonly events: PgListenerEvents,
  ) {}

  /** The listening connection, or null while there is none. */
  get client(): pg.Client | null {
    return this.current;
  }

  /** Resolves after the first attempt (listening, or a retry scheduled). */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: this.options.applicationName, keepAlive: true });
    let gone = false;
    const lost = (error: Error | null) => {
      if (gone) return;
      gone = true;
      this.lost(client, error);
    };
    client.on('notification', (message) => this.events.notification(message.channel, message.payload ?? ''));
    client.on('error', (error) => lost(error));
    client.on('end', () => lost(null));
    try {
      await client.connect();
      await client.query(this.options.channels.map((channel) => `LISTEN ${channel}`).join('; '));
      if (this.stopped) {
        await client.end();
        return;
      }
      const again = this.retryMs > FIRST_RETRY_MS;
      this.current = client;
      this.retryMs = FIRST_RETRY_MS;
      this.events.listening(again);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.current === client) this.current = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs);
    this.events.lost(error, delay);
    setTimeout(() => void this.connect(), delay).unref();
  }
}
