// `npm start`: the API (REST, GraphQL, OpenAPI) and, unless WORKER=off, the recompute
// worker in the same process. With no DATABASE_URL it runs on an embedded PostgreSQL.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BOOTSTRAP_OUTCOMES, BootstrapAdminKeyError, bootstrapAdminKey } from './auth/bootstrap-admin-key.js';
import { createApp, logLevelsUpTo } from './bootstrap.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { startDatabase, type DatabaseRuntime } from './database/database-runtime.js';
import { runMigrations } from './database/migrate.js';
import { seedDemoIfEmpty } from './demo/demo-seed.js';

const log = new Logger('Boot');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  Logger.overrideLogger(logLevelsUpTo(config.logLevel));
  let database: DatabaseRuntime | null = null;
  let app: NestFastifyApplication | null = null;
  let stopping: Promise<void> | null = null;
  // Close the app first (running jobs finish, connections drain), then the embedded database.
  const shutdown = (reason: string) => {
    stopping ??= (async () => {
      log.log(`shutting down (${reason})`);
      await app?.close().catch((error: unknown) => log.error(`closing the app failed: ${String(error)}`));
      await database?.stop().catch((error: unknown) => log.error(`stopping the embedded database failed: ${String(error)}`));
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal).then(() => process.exit(0)));
  }
  try {
    database = await startDatabase(config, (line) => log.debug(`[postgres] ${line}`));
    log.log(database.embedded ? `embedded PostgreSQL on port ${config.database.embedded.port}, data in ${config.database.embedded.dataDir}` : 'using DATABASE_URL');
    if (config.database.runMigrations) {
      const applied = await runMigrations(database.url);
      if (applied.length > 0) log.log(`applied migrations: ${applied.join(', ')}`);
    }
    app = await createApp({
      config,
      databaseUrl: database.url,
      databaseEmbedded: database.embedded,
      runWorker: config.worker.mode === 'embedded',
      emitSchemaFile: config.nodeEnv === 'development',
    });
    const bootstrapped = await bootstrapAdminKey(app, config.bootstrapAdmin);
    if (bootstrapped) log.log(BOOTSTRAP_OUTCOMES[bootstrapped]);
    // Only the embedded database is ever filled with demo data, and only when empty.
    if (database.embedded) await seedDemoIfEmpty(app, config);
    await app.listen({ port: config.port, host: config.host });
    log.log(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (GraphQL /graphql, REST /api/v1, OpenAPI /api/docs)`);
  } catch (error) {
    // A setting's mistake needs its message; anything else its stack.
    log.error(error instanceof BootstrapAdminKeyError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    await shutdown('start-up failed');
    process.exit(1);
  }
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

void main();
