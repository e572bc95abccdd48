// `scorecard recompute` (arguments checked in commands/recompute.command.ts): a recompute
// run, worked on by this process unless --enqueue, with its progress; or the recent runs.
import 'reflect-metadata';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { RecomputeRunRecord } from '../recompute/recompute-run.entity.js';
import { RecomputeRunsService } from '../recompute/recompute-runs.service.js';
import { WorkerModule } from '../worker.module.js';
import { cliConfig } from './cli-config.js';
import { openDatabase, reachable } from './cli-database.js';
import { CliFailure, type CliIo } from './command.js';
import { ProgressReporter } from './progress.js';

export type RecomputeRequest = { list: number } | { region: string | null; cutOff: string | undefined; work: boolean };

export async function recompute(request: RecomputeRequest, io: CliIo): Promise<number> {
  const config = cliConfig(io.env);
  Logger.overrideLogger(['error', 'warn']);
  const database = await openDatabase(config);
  try {
    const working = 'work' in request && request.work;
    const app = await reachable(config, () =>
      NestFactory.createApplicationContext(
        WorkerModule.register({ config, databaseUrl: database.url, databaseEmbedded: database.embedded, runWorker: working, emitSchemaFile: false }),
        { logger: ['error', 'warn'] },
      ),
    );
    try {
      await app.init();
      return await perform(app, request, config, io);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

async function perform(app: INestApplicationContext, request: RecomputeRequest, config: AppConfig, io: CliIo): Promise<number> {
  const runs = app.get(RecomputeRunsService);
  if ('list' in request) {
    for (const run of await runs.list(request.list)) io.stdout.write(`${describe(run)}\n`);
    return 0;
  }
  if (request.region !== null && (await app.get(DataSource).query(`SELECT 1 FROM region WHERE code = $1`, [request.region])).length === 0) {
    throw new CliFailure(`--region ${request.region} is not loaded (no such region)`);
  }
  const run = await runs.request({ scopeRegionCode: request.region, trigger: 'MANUAL', requestedBy: null, cutOff: request.cutOff });
  io.stdout.write(`run ${run.id}: ${request.region ? `region ${request.region}` : 'every station'}, cut-off ${run.cutOff}\n`);
  if (!request.work) {
    io.stdout.write('queued; a running worker will pick it up (follow it with `scorecard recompute runs`)\n');
    return 0;
  }
  const finished = await follow(runs, run.id, config, io);
  return finished.status === 'SUCCEEDED' ? 0 : 1;
}

async function follow(runs: RecomputeRunsService, id: string, config: AppConfig, io: CliIo): Promise<RecomputeRunRecord> {
  const progress = new ProgressReporter(io.stdout);
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
