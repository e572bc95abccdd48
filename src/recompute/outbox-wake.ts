// Wakes the outbox relay when an outbox row commits, instead of leaving the change to wait
// for the next poll: a trigger on outbox_event notifies OUTBOX_CHANNEL at commit (migration
// OutboxRelayWakeUp), and this LISTENs on a connection of its own. The poll stays as the
// safety net: a lost connection or notification only costs the poll interval.
import { Logger } from '@nestjs/common';
import { PgListener } from '../database/pg-listener.js';

export const OUTBOX_CHANNEL = 'scorecard_outbox';

export class OutboxWakeUp {
  private readonly logger = new Logger(OutboxWakeUp.name);
  private readonly listener: PgListener;

  constructor(databaseUrl: string, wake: () => void) {
    this.listener = new PgListener(
      { databaseUrl, applicationName: 'station-scorecard-outbox-relay', channels: [OUTBOX_CHANNEL], maxRetryMs: 30_000 },
      {
        notification: () => wake(),
        // Rows may have committed while nobody listened.
        listening: () => wake(),
        lost: (error) => this.logger.warn(`outbox wake-up lost (${error?.message ?? 'connection ended'}); relaying on the poll until it is back`),
      },
    );
  }

  start(): void {
    void this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
