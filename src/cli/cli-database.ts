// The database of a CLI command: DATABASE_URL, or the embedded PostgreSQL (reused when `npm
// start` already runs it), migrated to the current schema. Connection problems become one
// line naming the database, not a driver stack.
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startDatabase, type DatabaseRuntime } from '../database/database-runtime.js';
import { runMigrations } from '../database/migrate.js';
import { redactUrl } from '../common/redact-url.js';
import { cliConfig } from './cli-config.js';
import { CliFailure, type Env } from './command.js';

/** Starts (or finds) the database and applies pending migrations when configured to. */
export async function openDatabase(config: AppConfig): Promise<DatabaseRuntime> {
  const database = await reachable(config, () => startDatabase(config));
  try {
    if (config.database.runMigrations) await reachable(config, () => runMigrations(database.url));
    return database;
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/**
 * Runs `fn` with a TypeORM DataSource on the command's database, and closes both. Pending
 * migrations are looked for on that data source, so that the usual case (none: `npm start`
 * applied them) costs one query instead of a second connection and lock.
 */
export async function withDataSource<T>(env: Env, fn: (dataSource: DataSource, config: AppConfig) => Promise<T>): Promise<T> {
  const config = cliConfig(env);
  const database = await reachable(config, () => startDatabase(config));
  try {
    // Errors are reported by the command, once, without the SQL.
    const dataSource = createDataSource({ url: database.url, poolSize: 2, logging: false, applicationName: 'station-scorecard-cli' });
    await reachable(config, () => dataSource.initialize());
    try {
      if (config.database.runMigrations && (await dataSource.showMigrations())) await runMigrations(database.url);
      return await fn(dataSource, config);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', '28P01', '28000', '3D000', '57P03']);

/** Turns "cannot connect" errors into a CliFailure naming the database (without its password). */
export async function reachable<T>(config: AppConfig, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) {
      const where = config.database.url ? redactUrl(config.database.url) : 'the embedded PostgreSQL';
      throw new CliFailure(`cannot connect to the database ${where}: ${(error as Error).message || code}`);
    }
    throw error;
  }
}
