// A real worker process for the crash and shutdown tests (run with the TS loader):
// the same WorkerModule as `npm run start:worker`, with two optional faults injected here,
// in the test's own process, never in the product code:
//   CRASH_ON_SCORE_WRITE=1   SIGKILL itself right after writing scores, before the commit;
//   SLOW_SCORE_WRITE_MS=n    take n ms longer to write scores (a job still running at SIGTERM).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../../src/config/app-config.js';
import { ScoreWriter } from '../../../src/scoring/score-writer.js';
import { WorkerModule } from '../../../src/worker.module.js';

const original = ScoreWriter.prototype.write;
ScoreWriter.prototype.write = async function (this: ScoreWriter, ...args: Parameters<typeof original>) {
  const slow = Number(process.env.SLOW_SCORE_WRITE_MS ?? 0);
  if (slow > 0) {
    process.stdout.write('job-running\n');
    await new Promise((resolve) => setTimeout(resolve, slow));
  }
  const written = await original.apply(this, args);
  if (process.env.CRASH_ON_SCORE_WRITE === '1') {
    process.stdout.write('crashing\n');
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  }
  return written;
};

const config = loadConfig();
const app = await NestFactory.createApplicationContext(
  WorkerModule.register({ config, databaseUrl: config.database.url!, databaseEmbedded: false, runWorker: true, emitSchemaFile: false }),
  { logger: ['error'] },
);
app.enableShutdownHooks();
await app.init();
process.stdout.write('worker-ready\n');
