// Jest global setup: one PostgreSQL server (DATABASE_URL, or an embedded one), one migrated
// template database that every test file clones, and one Redis (REDIS_URL, or a
// redis-server from the PATH, or none: then queues run on the PostgreSQL backend).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import type { EmbeddedDatabase } from '../../src/database/embedded-postgres.js';

// Jest loads this file through its CommonJS transform, which does not map the `.js`
// suffixes of the project's ESM imports; `require` with the source path does. For the same
// reason the template is migrated by the first test file that needs it (test-database.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { EmbeddedDatabase: EmbeddedDatabaseClass } = require('../../src/database/embedded-postgres.ts') as typeof import('../../src/database/embedded-postgres.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ENV } = require('./test-environment.ts') as typeof import('./test-environment.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { canConnect, freePort } = require('./ports.ts') as typeof import('./ports.js');

interface TestServices {
  embedded: EmbeddedDatabase | null;
  redis: ChildProcess | null;
  adminUrl: string;
  template: string;
}

declare global {
  var __scorecardTestServices: TestServices | undefined;
}

export default async function globalSetup(): Promise<void> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let embedded: EmbeddedDatabase | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // A free port, so that test runs of several checkouts on one machine do not collide.
    const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? (await freePort()));
    embedded = new EmbeddedDatabaseClass({ dataDir: '.data/test-pg', port, database: 'scorecard_test_admin' });
    adminUrl = await embedded.start();
    console.log(`\n[tests] DATABASE_URL unset: embedded PostgreSQL on port ${port}`);
  }
  await dropAbandonedDatabases(adminUrl);
  const template = `ss_tpl_${runId}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);

  let redis: ChildProcess | null = null;
  let redisUrl = process.env.REDIS_URL ?? '';
  if (!redisUrl) {
    const started = await startRedisServer();
    redis = started?.process ?? null;
    redisUrl = started?.url ?? '';
    console.log(started ? `[tests] REDIS_URL unset: redis-server on port ${new URL(started.url).port}` : '[tests] no REDIS_URL and no redis-server on the PATH: queue tests use the PostgreSQL backend');
  }

  process.env[ENV.adminUrl] = adminUrl;
  process.env[ENV.template] = template;
  process.env[ENV.redisUrl] = redisUrl;
  process.env[ENV.runId] = runId;
  globalThis.__scorecardTestServices = { embedded, redis, adminUrl, template };
}

export async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Databases left by test runs that were killed: their owning Jest process is gone. */
async function dropAbandonedDatabases(adminUrl: string): Promise<void> {
  const { rows } = await adminQuery(adminUrl, `SELECT datname FROM pg_database WHERE datname ~ '^ss_(t|tpl)_[0-9]+_'`);
  for (const { datname } of rows as { datname: string }[]) {
    const pid = Number(datname.split('_')[2]);
    if (isAlive(pid)) continue;
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startRedisServer(): Promise<{ process: ChildProcess; url: string } | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await canConnect(port)) return { process: child, url };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  return null;
}
