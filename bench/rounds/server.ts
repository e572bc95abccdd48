// The API process of the rounds benchmark: the real application (createApp) on the database
// given in DATABASE_URL, listening on a free port, recompute worker off. Before it reports
// ready it writes the generated province through the push interface's bundle writer (the
// same writer the REST pushes use; the ingest benchmark measures pushing it over HTTP) and
// makes the keys a province runs a round with: PROVINCE and ADMIN of the province, and one
// COUNTY key per county (each county applies for its own stations).
// Started by run.ts as a child process so that its CPU time and RSS are its own.
import 'reflect-metadata';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { startBenchApi } from '../support/api.js';
import { generateProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { DataSource } from 'typeorm';

export interface ServerReady {
  type: 'ready';
  port: number;
  keys: { province: string; admin: string; counties: Record<string, string> };
  /** Station code → its county's code, generation order. */
  stations: [string, string][];
  loadSeconds: number;
}

async function main(): Promise<void> {
  const provinceCode = process.env.BENCH_PROVINCE_CODE ?? '130000';
  const stations = Number(process.env.BENCH_STATIONS ?? 2500);
  const seed = process.env.BENCH_SEED ?? 'bench-rounds';
  const asOf = process.env.BENCH_AS_OF ?? '2026-06-30';
  const { app, port } = await startBenchApi({ ...process.env, NODE_ENV: 'production' });

  const started = performance.now();
  const province = generateProvince({ stations, seed, provinceCode, asOf });
  await app.get(RegionsService).upsert(province.regions.map((r) => ({ code: r.code, name: r.name })));
  const dataSource = app.get(DataSource);
  for (const m of province.mediationAverages) {
    await dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate`, [m.year, m.rate]);
  }
  await app.get(StationBundleWriter).writeMany(province.stations(), { chunkSize: 100 });
  const loadSeconds = (performance.now() - started) / 1000;

  const keys = app.get(ApiKeyService);
  const pairs: [string, string][] = [];
  for (const bundle of province.stations()) pairs.push([bundle.code, bundle.profile.countyCode]);
  const counties: Record<string, string> = {};
  for (const county of new Set(pairs.map(([, c]) => c))) counties[county] = (await keys.create('COUNTY', county, 'rounds benchmark')).key;
  const ready: ServerReady = {
    type: 'ready',
    port,
    keys: { province: (await keys.create('PROVINCE', provinceCode, 'rounds benchmark')).key, admin: (await keys.create('ADMIN', provinceCode, 'rounds benchmark')).key, counties },
    stations: pairs,
    loadSeconds,
  };
  process.send?.(ready);
  process.on('message', (message) => {
    if (message === 'stop') void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
