// Where BullMQ keeps its queues: Redis through ioredis when REDIS_URL is set, otherwise
// BullMQ 6's PostgreSQL backend in a schema of the service's own database, so that the
// queue works with nothing installed. Every Queue and Worker is built through here with an
// explicit backend factory (no process-wide default), so tests can isolate their queues.
import { Queue, Worker, createPostgresBackend, createRedisBackend, type BackendFactory, type JobsOptions, type Processor, type WorkerOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import pg from 'pg';
import { redactUrl } from '../common/redact-url.js';

export type QueueKind = 'redis' | 'postgres';

const REDIS_RECONNECT_MAX_MS = 500;

export interface QueueConnectionSettings {
  redisUrl: string | null;
  databaseUrl: string;
  /** Redis key prefix, or PostgreSQL schema name. */
  prefix: string;
}

export class QueueConnection {
  readonly kind: QueueKind;
  private readonly factory: BackendFactory<never, unknown>;
  private readonly connection: unknown;

  constructor(readonly settings: QueueConnectionSettings) {
    if (settings.redisUrl) {
      this.kind = 'redis';
      this.factory = createRedisBackend as unknown as BackendFactory<never, unknown>;
      this.connection = redisOptionsFromUrl(settings.redisUrl);
    } else {
      this.kind = 'postgres';
      this.factory = createPostgresBackend as unknown as BackendFactory<never, unknown>;
      this.connection = { connectionString: settings.databaseUrl, schema: settings.prefix, migrate: true, max: 4 };
    }
  }

  /** Human-readable location, without credentials. */
  describe(): string {
    return this.kind === 'redis' ? `redis ${redactUrl(this.settings.redisUrl!)} prefix "${this.settings.prefix}"` : `postgres schema "${this.settings.prefix}"`;
  }

  /** Answers when the queue's datastore does; rejects after `timeoutMs` otherwise. */
  async ping(timeoutMs: number): Promise<void> {
    if (this.kind === 'redis') {
      const client = new Redis({
        ...redisOptionsFromUrl(this.settings.redisUrl!),
        lazyConnect: true,
        connectTimeout: timeoutMs,
        commandTimeout: timeoutMs,
        maxRetriesPerRequest: 0,
        enableOfflineQueue: false,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined); // reported through the rejected ping
      try {
        await client.connect();
        await client.ping();
      } finally {
        client.disconnect();
      }
      return;
    }
    const client = new pg.Client({ connectionString: this.settings.databaseUrl, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
    await client.connect();
    try {
      await client.query('SELECT 1');
    } finally {
      await client.end();
    }
  }

  /**
   * A producer. `failFast`: with Redis down, commands fail at once instead of waiting in
   * ioredis' offline queue (callers that have a durable fallback, like the outbox relay,
   * retry later).
   */
  createQueue<Data = unknown>(name: string, defaultJobOptions: JobsOptions = {}, { failFast = false } = {}): Queue<Data> {
    const connection = this.kind === 'redis' && failFast ? { ...(this.connection as RedisOptions), enableOfflineQueue: false } : this.connection;
    const options = { connection, prefix: this.settings.prefix, defaultJobOptions };
    return new Queue(name, options as never, this.factory as never) as unknown as Queue<Data>;
  }

  createWorker<Data = unknown>(name: string, processor: Processor<Data>, options: Omit<WorkerOptions, 'connection' | 'prefix'> = {}): Worker<Data> {
    const workerOptions = { ...options, connection: this.connection, prefix: this.settings.prefix };
    return new Worker(name, processor as never, workerOptions as never, this.factory as never) as unknown as Worker<Data>;
  }
}

export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must never give up a command on retry count.
    maxRetriesPerRequest: null,
    // Reconnect at least every half second while Redis is away (BullMQ's default backs off
    // to 20 s), so that the queue is used again within a second of its return.
    retryStrategy: (times: number) => Math.min(times * 100, REDIS_RECONNECT_MAX_MS),
  };
}

/** Nest injection token. */
export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');
