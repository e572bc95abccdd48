// The API process of the ingest benchmark: the real application (createApp) on the
// database given in DATABASE_URL, listening on a free port, with the recompute worker off.
// Started by run.ts as a child process so that its CPU and memory are its own.
import 'reflect-metadata';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { startBenchApi } from '../support/api.js';
import { RegionsService } from '../../src/regions/regions.service.js';

export interface ServerReady {
  type: 'ready';
  port: number;
  key: string;
}

async function main(): Promise<void> {
  const provinceCode = process.env.BENCH_PROVINCE_CODE ?? '130000';
  const { app, port } = await startBenchApi({ ...process.env, NODE_ENV: 'production' });
  // The one region a key needs; the benchmark loads the others over HTTP with this key.
  await app.get(RegionsService).ensureChain(provinceCode, `bench ${provinceCode}`);
  const created = await app.get(ApiKeyService).create('PROVINCE', provinceCode, 'ingest benchmark');
  process.send?.({ type: 'ready', port, key: created.key } satisfies ServerReady);
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
