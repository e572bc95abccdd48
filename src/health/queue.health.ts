import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';

const CHECK_TIMEOUT_MS = 2000;

/** The queue is ready when its datastore (Redis or PostgreSQL) answers within two seconds. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
    private readonly health: HealthIndicatorService,
  ) {}

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    try {
      await this.connection.ping(CHECK_TIMEOUT_MS);
      return indicator.up({ backend: this.connection.kind });
    } catch (error) {
      return indicator.down({ backend: this.connection.kind, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
