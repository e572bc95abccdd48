// A deployment may stop the service while Redis is down: shutting down must not hang.
import { spawn } from 'node:child_process';
import { startOwnRedis } from '../support/redis-server.js';
import { RecomputeWorker } from '../../src/recompute/recompute.worker.js';
import { createTestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

test('the app closes within the worker lock time while the queue is unreachable', async () => {
  const port = 40000 + Math.floor(Math.random() * 20000);
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const t = await createTestApp({ runWorker: true, env: { REDIS_URL: `redis://127.0.0.1:${port}`, WORKER_LOCK_MS: '2000' } });
  try {
    await t.http().get('/health/ready').expect(200);
    redis.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(8000);
    // BullMQ's fetch loop ends at its block timeout; leave no timer behind this file.
    await waitFor(async () => t.app.get(RecomputeWorker).fetching(), (running) => !running, { timeoutMs: 20_000, intervalMs: 200 });
  } finally {
    redis.kill('SIGKILL');
    await t.database.drop();
  }
});

test('the app closes promptly when stopped just as the queue comes back', async () => {
  // BullMQ's graceful close used to wait for ever on a connection still reconnecting.
  const redis = await startOwnRedis();
  const t = await createTestApp({ runWorker: true, env: { REDIS_URL: redis.url, WORKER_LOCK_MS: '2000' } });
  try {
    await t.http().get('/health/ready').expect(200);
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await redis.start();
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    // As above: the fetch loop's last blocking call ends on its own; leave no timer behind this file.
    await waitFor(async () => t.app.get(RecomputeWorker).fetching(), (running) => !running, { timeoutMs: 20_000, intervalMs: 200 });
  } finally {
    await redis.kill();
    await t.database.drop();
  }
});
