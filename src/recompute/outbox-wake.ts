// Wakes the outbox relay when an outbox row commits, instead of leaving the change to wait
// for the next poll: a trigger on outbox_event notifies OUTBOX_CHANNEL at commit (migration
// OutboxRelayWakeUp), and this LISTENs on a connection of its own. The poll stays as the
// safety net: a lost connection or notification only costs the poll interval.
import { Logger } from '@nestjs/common';
import pg from 'pg';

export const OUTBOX_CHANNEL = 'scorecard_outbox';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

export class OutboxWakeUp {
  private readonly logger = new Logger(OutboxWakeUp.name);
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;

  constructor(
    private readonly databaseUrl: string,
    private readonly wake: () => void,
  ) {}

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'station-scorecard-outbox-relay', keepAlive: true });
    let gone = false;
    const lost = (error: Error | null) => {
      if (gone) return;
      gone = true;
      this.lost(client, error);
    };
    client.on('notification', () => this.wake());
    client.on('error', (error) => lost(error));
    client.on('end', () => lost(null));
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
      this.retryMs = FIRST_RETRY_MS;
      // Rows may have committed while nobody listened.
      this.wake();
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client === client) this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn(`outbox wake-up lost (${error?.message ?? 'connection ended'}); relaying on the poll until it is back`);
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    setTimeout(() => void this.connect(), delay).unref();
  }
}
