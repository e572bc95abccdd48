// The separate worker's own health endpoint (WORKER_HEALTH_PORT), asked the way the compose
// file asks it: `scorecard health --worker`.
import { freePort } from '../support/ports.js';
import { PassThrough } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { runScorecard } from '../../src/cli/scorecard.js';
import { loadConfig } from '../../src/config/app-config.js';
import { WorkerModule } from '../../src/worker.module.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { testLogs } from '../support/test-logger.js';

let database: TestDatabase;
let worker: INestApplicationContext | null = null;
let port: number;

beforeAll(async () => {
  database = await createTestDatabase();
  port = await freePort();
});

afterAll(async () => {
  await worker?.close();
  await database.drop();
});

async function startWorker(env: Record<string, string>): Promise<INestApplicationContext> {
  // The queue on PostgreSQL, in this file's own database.
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, QUEUE_PREFIX: 'worker_health', DATABASE_POOL_SIZE: '3', ...env });
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, databaseUrl: database.url, databaseEmbedded: false, runWorker: true, emitSchemaFile: false }, { serveHealth: true }),
    { logger: testLogs },
  );
  await app.init();
  return app;
}

async function health(...args: string[]): Promise<{ code: number; text: string }> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (c: Buffer) => (text += c.toString()));
  const code = await runScorecard(['health', '--worker', ...args], { stdout: out, stderr: out, env: { WORKER_HEALTH_PORT: String(port) } });
  return { code, text };
}

test('ready while the worker runs (database, queue, worker); refused once it has stopped', async () => {
  worker = await startWorker({ WORKER_HEALTH_PORT: String(port) });
  const ready = await health();
  expect(ready.code).toBe(0);
  const body = JSON.parse(ready.text.slice(ready.text.indexOf('{')));
  expect(body.details).toMatchObject({ database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' }, worker: { status: 'up' } });
  const live = await fetch(`http://127.0.0.1:${port}/health/live`);
  expect(await live.json()).toEqual({ status: 'ok' });
  expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);

  await worker.close();
  worker = null;
  const gone = await health('--timeout', '2000');
  expect(gone.code).toBe(1);
  // Refused, or (a keep-alive connection of this process's fetch) closed by the server.
  expect(gone.text).toMatch(/: (connect ECONNREFUSED|other side closed)/);
});

test('without WORKER_HEALTH_PORT the worker opens no port', async () => {
  worker = await startWorker({});
  expect((await health()).code).toBe(1);
  await worker.close();
  worker = null;
});
