import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Redis } from 'ioredis';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { ApiKeyRole } from '../../src/auth/api-key.entity.js';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { ENV } from './test-environment.js';
import { testLogs, type RecordingLogger } from './test-logger.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  dataSource: DataSource;
  /** The app's evidence file directory (FILES_DIR), removed with it: give it to other processes of the same service. */
  filesDir: string;
  /** Warnings and errors the app logged (recorded, not printed: assert the ones a test provokes). */
  logs: RecordingLogger;
  /** supertest against the running app. */
  http(): ReturnType<typeof request>;
  /** POST a GraphQL operation. */
  graphql(query: string, variables?: Record<string, unknown>, apiKey?: string): request.Test;
  /** A new API key (the region chain is created when missing). */
  apiKey(role: ApiKeyRole, regionCode: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run the recompute worker, relay and scheduler in the app (default false). */
  runWorker?: boolean;
  /** Extra environment for loadConfig. */
  env?: Record<string, string>;
}

/** Boots the whole application on a database and queue namespace of its own. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const redisUrl = process.env[ENV.redisUrl] ?? '';
  const prefix = `sst_${randomBytes(5).toString('hex')}`;
  // Evidence files of this app only, removed with it (never the repository's .data/files).
  const filesDir = mkdtempSync(path.join(tmpdir(), 'sst-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    WORKER: options.runWorker ? 'embedded' : 'off',
    DATABASE_POOL_SIZE: '5',
    FILES_DIR: filesDir,
    ...options.env,
  });
  const app = await createApp(
    { config, databaseUrl: database.url, databaseEmbedded: false, runWorker: options.runWorker ?? false, emitSchemaFile: false },
    { logger: testLogs },
  );
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  return {
    app,
    config,
    database,
    dataSource,
    filesDir,
    logs: testLogs,
    http: () => request(server),
    graphql: (query, variables, apiKey) => {
      const call = request(server).post('/graphql').set('content-type', 'application/json');
      if (apiKey) call.set('authorization', `Bearer ${apiKey}`);
      return call.send({ query, variables });
    },
    apiKey: async (role, regionCode) => {
      await ensureRegionChain(dataSource, regionCode);
      return (await app.get(ApiKeyService).create(role, regionCode, 'test')).key;
    },
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
      // Only the suite's own Redis holds keys of ours (a test may point the app elsewhere).
      if (redisUrl && config.queue.redisUrl === redisUrl) await deleteRedisKeys(redisUrl, prefix);
    },
  };
}

/** Inserts the province, city and county rows above a region code when missing. */
export async function ensureRegionChain(dataSource: Pick<DataSource, 'query'>, regionCode: string): Promise<void> {
  const province = `${regionCode.slice(0, 2)}0000`;
  const city = `${regionCode.slice(0, 4)}00`;
  const rows: [string, string, string | null][] = [[province, 'PROVINCE', null]];
  if (city !== province) rows.push([city, 'CITY', province]);
  if (regionCode !== city && regionCode !== province) rows.push([regionCode, 'COUNTY', city]);
  for (const [code, level, parent] of rows) {
    await dataSource.query(`INSERT INTO region (code, name, level, parent_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`, [code, `测试${code}`, level, parent]);
  }
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
