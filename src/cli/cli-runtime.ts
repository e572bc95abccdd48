import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startDatabase } from '../database/database-runtime.js';
import { runMigrations } from '../database/migrate.js';

/**
 * Runs a CLI command against the configured database (DATABASE_URL), or the embedded one
 * (reusing it when `npm start` already runs it), migrated to the current schema.
 */
export async function withDataSource<T>(fn: (dataSource: DataSource, config: AppConfig, databaseUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await startDatabase(config);
  try {
    if (config.database.runMigrations) await runMigrations(database.url);
    const dataSource = createDataSource({ url: database.url, poolSize: 4, logging: ['error'] });
    await dataSource.initialize();
    try {
      return await fn(dataSource, config, database.url);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.stop();
  }
}

/** Minimal `--name value` / `--flag` parser; unknown options are errors. */
export function parseOptions(argv: string[], known: Record<string, 'string' | 'boolean'>): { options: Record<string, string | boolean>; positional: string[] } {
  const options: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    const kind = known[name];
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      options[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positional };
}

export class UsageError extends Error {}

/** Runs `main` as a process: exit code 2 for usage errors, 1 for failures. */
export function runCli(main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n${usage}`);
        process.exit(2);
      }
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
