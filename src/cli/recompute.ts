// npm run recompute -- [--region CODE] [--cut-off YYYY-MM-DD] [--enqueue]
// npm run recompute -- runs [--limit N]
// Without --enqueue the command also works on the run itself (a worker in this process,
// beside any other running worker) and shows its progress until it ends.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { isIsoDate } from '../domain/dates.js';
import { startDatabase } from '../database/database-runtime.js';
import { runMigrations } from '../database/migrate.js';
import type { RecomputeRunRecord } from '../recompute/recompute-run.entity.js';
import { RecomputeRunsService } from '../recompute/recompute-runs.service.js';
import { regionShape } from '../regions/regions.service.js';
import { WorkerModule } from '../worker.module.js';
import { parseOptions, runCli, UsageError } from './cli-runtime.js';
import { isEntryPoint } from './entry-point.js';
import { ProgressReporter } from './progress.js';

const USAGE = `usage:
  recompute [--region CODE] [--cut-off YYYY-MM-DD] [--enqueue]   recompute every station (or a region's)
  recompute runs [--limit N]                                       list recent runs
--enqueue only records the run for a running worker; otherwise this process works on it too
and shows its progress.`;

export async function main(argv: string[]): Promise<number> {
  const listing = argv[0] === 'runs';
  const { options, positional } = parseOptions(listing ? argv.slice(1) : argv, { region: 'string', 'cut-off': 'string', enqueue: 'boolean', limit: 'string' });
  if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
  const region = options.region === undefined ? null : String(options.region);
  if (region !== null) {
    try {
      regionShape(region);
    } catch {
      throw new UsageError('--region must be a 6-digit region code');
    }
  }
  const cutOff = options['cut-off'] === undefined ? undefined : String(options['cut-off']);
  if (cutOff !== undefined && !isIsoDate(cutOff)) throw new UsageError('--cut-off must be a date YYYY-MM-DD');
  const limit = options.limit === undefined ? 20 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be an integer 1..1000');

  const config = loadConfig();
  Logger.overrideLogger(['error', 'warn']);
  const database = await startDatabase(config);
  try {
    if (config.database.runMigrations) await runMigrations(database.url);
    return await withContext(config, database.url, database.embedded, listing ? { list: limit } : { region, cutOff, work: !options.enqueue });
  } finally {
    await database.stop();
  }
}

type Command = { list: number } | { region: string | null; cutOff: string | undefined; work: boolean };

async function withContext(config: AppConfig, databaseUrl: string, databaseEmbedded: boolean, command: Command): Promise<number> {
  const working = 'work' in command && command.work;
  const app = await NestFactory.createApplicationContext(
    WorkerModule.register({ config, databaseUrl, databaseEmbedded, runWorker: working, emitSchemaFile: false }),
    { logger: ['error', 'warn'] },
  );
  try {
    await app.init();
    const runs = app.get(RecomputeRunsService);
    if ('list' in command) {
      for (const run of await runs.list(command.list)) console.log(describe(run));
      return 0;
    }
    const run = await runs.request({ scopeRegionCode: command.region, trigger: 'MANUAL', requestedBy: null, cutOff: command.cutOff });
    console.log(`run ${run.id}: ${command.region ? `region ${command.region}` : 'every station'}, cut-off ${run.cutOff}`);
    if (!working) {
      console.log('queued; a running worker will pick it up (follow it with `npm run recompute -- runs`)');
      return 0;
    }
    const finished = await follow(runs, run.id, config);
    return finished.status === 'SUCCEEDED' ? 0 : 1;
  } finally {
    await app.close();
  }
}

async function follow(runs: RecomputeRunsService, id: string, config: AppConfig): Promise<RecomputeRunRecord> {
  const progress = new ProgressReporter(process.stdout);
  const started = Date.now();
  for (;;) {
    const run = (await runs.get(id))!;
    progress.update({ done: run.done + run.failed, total: run.total, detail: `changed ${run.changed} failed ${run.failed}`, elapsedMs: Date.now() - started });
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') {
      progress.finish(`${run.status.toLowerCase()}: ${run.done} done, ${run.changed} changed, ${run.failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return run;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, config.recompute.outboxPollMs * 2)));
  }
}

function describe(run: RecomputeRunRecord): string {
  return [run.id, run.trigger, run.status, run.scopeRegionCode ?? 'all', `cut-off ${run.cutOff}`, `${run.done + run.failed}/${run.total}`, `changed ${run.changed}`, `failed ${run.failed}`, run.createdAt.toISOString()].join('\t');
}

if (isEntryPoint(import.meta.url)) runCli(main, USAGE);
