// `npm run start:worker`: the recompute worker alone (outbox relay, recompute jobs, the
// nightly scheduler), for deployments that run it apart from the API (WORKER=off there).
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { logLevelsUpTo } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { runMigrations } from './database/migrate.js';
import { WorkerModule } from './worker.module.js';

const log = new Logger('Worker');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  Logger.overrideLogger(logLevelsUpTo(config.logLevel));
  if (config.database.mode !== 'external' || !config.database.url) {
    // The embedded database belongs to `npm start`, which runs the worker in-process.
    console.error('DATABASE_URL: a separate worker needs a shared database; without one, `npm start` runs the worker inside the API');
    process.exit(1);
  }
  if (config.database.runMigrations) await runMigrations(config.database.url);
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, databaseUrl: config.database.url, databaseEmbedded: false, runWorker: true, emitSchemaFile: false }, { serveHealth: true }),
    { logger: logLevelsUpTo(config.logLevel) },
  );
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish, then exit.
  app.enableShutdownHooks();
  await app.init();
  log.log('recompute worker started');
}

main().catch((error: unknown) => {
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
