import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';
import { RECOMPUTE_JOB_DEFAULTS, RECOMPUTE_QUEUE } from './recompute-jobs.js';

const ADD_TIMEOUT_MS = 5000;
const DISCONNECT_TIMEOUT_MS = 1000;

/** The producer side of the recompute queue; every add fails fast and within a timeout. */
@Injectable()
export class RecomputeQueue implements OnModuleDestroy {
  private readonly logger = new Logger(RecomputeQueue.name);
  private queue: Queue | null = null;
  private readonly readyListeners: (() => void)[] = [];

  constructor(@Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection) {}

  get instance(): Queue {
    if (!this.queue) {
      this.queue = this.connection.createQueue(RECOMPUTE_QUEUE, RECOMPUTE_JOB_DEFAULTS, { failFast: true });
      // Connection errors surface through the failing calls; do not let them crash the process.
      this.queue.on('error', (error) => this.logger.debug(`queue connection: ${error.message}`));
      this.queue.getBackend().on('ready', () => {
        for (const listener of this.readyListeners) listener();
      });
    }
    return this.queue;
  }

  /** Calls `listener` every time the producer's connection becomes ready (again, after an outage). */
  onReady(listener: () => void): void {
    this.readyListeners.push(listener);
    void this.instance;
  }

  async addBulk(jobs: { name: string; data: unknown; opts?: Record<string, unknown> }[]): Promise<Job[]> {
    if (jobs.length === 0) return [];
    return withTimeout(this.instance.addBulk(jobs as never), ADD_TIMEOUT_MS, 'adding recompute jobs');
  }

  /**
   * Closes cleanly when the queue answers. With Redis down, a fail-fast connection (no
   * offline queue) cannot send its QUIT, and ioredis would go on reconnecting after close(),
   * keeping the process alive: the connection is then cut.
   */
  async onModuleDestroy(): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    await queue.close().catch(() => undefined);
    await withTimeout(queue.disconnect(), DISCONNECT_TIMEOUT_MS, 'disconnecting the recompute queue').catch(() => undefined);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
