import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../src/database/migrate.js';
import { ENV, requireEnv, withDatabase } from './test-environment.js';

// Serialises the template's one-time migration across the parallel Jest workers.
const TEMPLATE_LOCK = 7_310_442_002;
let templateReady: Promise<void> | null = null;

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: each test file gets its own. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requireEnv(ENV.adminUrl);
  const template = requireEnv(ENV.template);
  const name = `ss_t_${requireEnv(ENV.runId)}_${randomBytes(4).toString('hex')}`;
  templateReady ??= migrateTemplateOnce(adminUrl, template);
  await templateReady;
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      // Another clone of the template may be starting at the same moment.
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The first worker to get here migrates the template; the others find it done. */
async function migrateTemplateOnce(adminUrl: string, template: string): Promise<void> {
  const lock = new pg.Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const templateUrl = withDatabase(adminUrl, template);
    const check = new pg.Client({ connectionString: templateUrl });
    await check.connect();
    const { rows } = await check.query(`SELECT to_regclass('public.typeorm_migrations') IS NOT NULL AS migrated`);
    await check.end();
    if (!rows[0].migrated) await runMigrations(templateUrl);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
