// The whole API (REST and GraphQL) in the benchmark's process, on a free local port, with
// the recompute worker off: for benchmarks that measure it over HTTP.
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';

/** `env` is read like the process environment (DATABASE_URL is required); LOG_LEVEL defaults to warn. */
export async function startBenchApi(env: Record<string, string | undefined>): Promise<{ app: NestFastifyApplication; port: number }> {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env, WORKER: 'off' });
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const app = await createApp(
    { config, databaseUrl: config.database.url, databaseEmbedded: false, runWorker: false, emitSchemaFile: false },
    { logger: ['error', 'warn'] },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, port: (app.getHttpServer().address() as AddressInfo).port };
}
