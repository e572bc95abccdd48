// Closing the app while Redis is down must leave no Redis client behind: one that keeps
// reconnecting keeps the process alive after shutdown (a separate worker would then wait
// for its SIGKILL; Jest reported "a worker process has failed to exit gracefully").
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { RecomputeWorker } from '../../src/recompute/recompute.worker.js';
import { createTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    const probe = new Redis({ port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    probe.on('error', () => undefined);
    const up = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (up) return redis;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on port ${port} did not start`);
}

test('after closing with the queue unreachable, no Redis client reconnects', async () => {
  const port = 40000 + Math.floor(Math.random() * 20000);
  let redis = await startRedis(port);
  const t = await createTestApp({ runWorker: true, env: { REDIS_URL: `redis://127.0.0.1:${port}`, WORKER_LOCK_MS: '2000' } });
  try {
    await t.http().get('/health/ready').expect(200);
    redis.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.app.close();

    // The same address comes back: a client left over from the app would connect again
    // within its retry delay (1 to 3 s this early in an outage).
    redis = await startRedis(port);
    const before = await connectionsReceived(port);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect((await connectionsReceived(port)) - before).toBe(1);
    // BullMQ's fetch loop ends at its block timeout; leave no timer behind this file.
    await waitFor(async () => t.app.get(RecomputeWorker).fetching(), (running) => !running, { timeoutMs: 20_000, intervalMs: 200 });
  } finally {
    redis.kill('SIGKILL');
    await t.database.drop();
  }
});

/** Connections the server accepted so far, counting the one that asks. */
async function connectionsReceived(port: number): Promise<number> {
  const client = new Redis({ port, maxRetriesPerRequest: 1 });
  try {
    const info = await client.info('stats');
    return Number(/total_connections_received:(\d+)/.exec(info)![1]);
  } finally {
    client.disconnect();
  }
}
