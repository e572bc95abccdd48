// A real worker process for the crash, shutdown and scale-out tests (run with the TS
// loader): the same WorkerModule as `npm run start:worker`, with optional faults and
// probes injected here, in the test's own process, never in the product code:
//   CRASH_ON_SCORE_WRITE=1   SIGKILL itself right after writing scores, before the commit;
//   SLOW_SCORE_WRITE_MS=n    take n ms longer to write scores (a job still running at SIGTERM);
//   RECORD_RECOMPUTES=1      write one row per recomputed station into test_recompute_log
//                            (which the test creates), in the scoring transaction itself.
import 'reflect-metadata';
import { AsyncLocalStorage } from 'node:async_hooks';
import { NestFactory } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { loadConfig } from '../../../src/config/app-config.js';
import { FactsLoader } from '../../../src/scoring/facts-loader.js';
import { ScoreWriter } from '../../../src/scoring/score-writer.js';
import { StationScoringService } from '../../../src/scoring/station-scoring.service.js';
import { WorkerModule } from '../../../src/worker.module.js';

/** One call of StationScoringService.score: when it was asked for, when it held its stations' locks. */
interface Recompute {
  calledAt: Date;
  lockedAt: string | null;
  stationCodes: readonly string[];
}
const recompute = new AsyncLocalStorage<Recompute>();
const recording = process.env.RECORD_RECOMPUTES === '1';

if (recording) {
  const score = StationScoringService.prototype.score;
  StationScoringService.prototype.score = function (this: StationScoringService, ...args: Parameters<typeof score>) {
    return recompute.run({ calledAt: new Date(), lockedAt: null, stationCodes: [] }, () => score.apply(this, args));
  };
  // Facts are loaded inside the scoring transaction, after the stations are locked: from
  // here to the end of the score write is the part two recomputes of a station must never
  // run at the same time. The time comes from the database's clock, common to all processes.
  const load = FactsLoader.prototype.load;
  FactsLoader.prototype.load = async function (this: FactsLoader, ...args: Parameters<typeof load>) {
    const current = recompute.getStore();
    if (current && current.lockedAt === null) {
      const [{ at }] = await managerOf(this).query<{ at: string }[]>(`SELECT clock_timestamp()::text AS at`);
      current.lockedAt = at;
      current.stationCodes = args[0];
    }
    return load.apply(this, args);
  };
}

const original = ScoreWriter.prototype.write;
ScoreWriter.prototype.write = async function (this: ScoreWriter, ...args: Parameters<typeof original>) {
  const slow = Number(process.env.SLOW_SCORE_WRITE_MS ?? 0);
  if (slow > 0) {
    process.stdout.write('job-running\n');
    await new Promise((resolve) => setTimeout(resolve, slow));
  }
  const written = await original.apply(this, args);
  const current = recompute.getStore();
  if (recording && current?.lockedAt) {
    await managerOf(this).query(
      `INSERT INTO test_recompute_log (station_code, called_at, locked_at, written_at, pid)
       SELECT code, $2, $3::timestamptz, clock_timestamp(), $4 FROM unnest($1::varchar[]) AS t(code)`,
      [current.stationCodes, current.calledAt, current.lockedAt, process.pid],
    );
  }
  if (process.env.CRASH_ON_SCORE_WRITE === '1') {
    process.stdout.write('crashing\n');
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  }
  return written;
};

function managerOf(instance: FactsLoader | ScoreWriter): EntityManager {
  return (instance as unknown as { manager: EntityManager }).manager;
}

const config = loadConfig();
const app = await NestFactory.createApplicationContext(
  WorkerModule.register({ config, databaseUrl: config.database.url!, databaseEmbedded: false, runWorker: true, emitSchemaFile: false }),
  { logger: ['error'] },
);
app.enableShutdownHooks();
await app.init();
process.stdout.write('worker-ready\n');
