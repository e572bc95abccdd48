// GraphQL benchmark: the API in this process on a fresh database holding a generated
// 2,500-station province (loaded through the push interface's bundle writer, scored by
// StationScoringService), a PROVINCE key, then autocannon in a child process:
// 50 connections on station detail (a random station per request, its score with the
// reason of every criterion), a lighter station headline for comparison, the province
// ranking (top 100) and the province summary; then 200 connections on detail, ranking and
// summary mixed, checking for errors. Prints a Markdown report.
//
//   npm run build && NODE_ENV=production node --max-semi-space-size=32 dist/bench/graphql/run.js
//        [--stations 2500] [--duration 20] [--connections 50] [--stress-connections 200]
//        [--seed bench] [--keep] [--reuse postgres://…/ss_bench_…]
//
// DATABASE_URL (a server where the user may CREATE DATABASE) gets a new database for the
// run, dropped afterwards unless --keep; without it an embedded PostgreSQL runs under
// bench/graphql/tmp/. NODE_ENV=production matters: graphql-js runs extra checks otherwise.
// Before the load, the snapshot cache is primed with the current scores, as on a server that
// has been up for a while; single cold and warm requests are timed and reported too.
import 'reflect-metadata';
import { fork } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { createApp } from '../../src/bootstrap.js';
import { SnapshotCache } from '../../src/dashboard/loaders/snapshot-cache.js';
import { loadConfig } from '../../src/config/app-config.js';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { generateProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import type { ScenarioName, ScenarioRequest, ScenarioResult } from './load-worker.js';
import { machineSeconds, postgresSeconds, postgresSecondsBetween } from './machine.js';
import { PROVINCE_RANKING, PROVINCE_SUMMARY, STATION_DETAIL } from './queries.js';

interface Options {
  stations: number;
  duration: number;
  connections: number;
  stressConnections: number;
  seed: string;
  keep: boolean;
  /** A database of an earlier run (--keep) to benchmark again without loading. */
  reuse: string | null;
}

const AS_OF = '2026-06-30';
const PORT = 3917;
const TARGETS: Record<string, string> = {
  detail: 'p50 ≤ 20 ms, p99 ≤ 100 ms',
  headline: '(for comparison)',
  ranking: 'p99 ≤ 250 ms',
  summary: 'p99 ≤ 150 ms',
  mixed: 'no errors',
};

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { stations: 2500, duration: 20, connections: 50, stressConnections: 200, seed: 'bench', keep: false, reuse: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep') {
      o.keep = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`missing value for ${flag}`);
    if (flag === '--stations') o.stations = Number(value);
    else if (flag === '--duration') o.duration = Number(value);
    else if (flag === '--connections') o.connections = Number(value);
    else if (flag === '--stress-connections') o.stressConnections = Number(value);
    else if (flag === '--seed') o.seed = value;
    else if (flag === '--reuse') o.reuse = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  return o;
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function database(keep: boolean, reuse: string | null): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  if (reuse) return { url: reuse, label: 'database of an earlier run', drop: async () => undefined };
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `ss_bench_${Date.now().toString(36)}`;
    await admin(adminUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    if (keep) console.error(`keeping ${url.toString()}`);
    return { url: url.toString(), label: `DATABASE_URL server, database ${name}`, drop: () => (keep ? Promise.resolve() : admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)) };
  }
  const embedded = new EmbeddedDatabase({ dataDir: 'bench/graphql/tmp/pg', port: 54359, database: `ss_bench_${Date.now().toString(36)}` });
  const url = await embedded.start();
  return { url, label: 'embedded PostgreSQL (bench/graphql/tmp/pg)', drop: () => embedded.stop() };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function load(app: NestFastifyApplication, opts: Options): Promise<{ codes: string[]; loadSeconds: number; scoreSeconds: number }> {
  const province = generateProvince({ stations: opts.stations, seed: opts.seed, asOf: AS_OF });
  const [{ n }] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM station_score`);
  if (n === opts.stations) return { codes: province.stationCodes, loadSeconds: 0, scoreSeconds: 0 };
  const t0 = performance.now();
  await app.get(RegionsService).upsert(province.regions.map((r) => ({ code: r.code, name: r.name })));
  await app.get(StationBundleWriter).writeMany(province.stations(), { chunkSize: 100 });
  const dataSource = app.get(DataSource);
  for (const a of province.mediationAverages) {
    await dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate`, [a.year, a.rate]);
  }
  const t1 = performance.now();
  const scoring = app.get(StationScoringService);
  for (let i = 0; i < province.stationCodes.length; i += 250) {
    const outcome = await scoring.score(province.stationCodes.slice(i, i + 250), { cutOff: AS_OF });
    if (outcome.failed.length > 0) throw new Error(`scoring failed: ${JSON.stringify(outcome.failed.slice(0, 3))}`);
  }
  const t2 = performance.now();
  await dataSource.query('ANALYZE');
  return { codes: province.stationCodes, loadSeconds: (t1 - t0) / 1000, scoreSeconds: (t2 - t1) / 1000 };
}

function scenario(request: ScenarioRequest): Promise<ScenarioResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./load-worker.js', import.meta.url), { stdio: 'inherit' });
    child.once('message', (result) => resolve(result as ScenarioResult));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`load worker exited with ${code}`))));
    child.send(request);
  });
}

/** One request, timed, to see cold and warm single-request latencies. */
async function timed(url: string, key: string, query: string, variables: Record<string, unknown>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(`warm-up failed: ${res.status} ${text.slice(0, 300)}`);
  return { ms: performance.now() - t0, bytes: Buffer.byteLength(text) };
}

function per(ms: number, requests: number): string {
  return (ms / Math.max(requests, 1)).toFixed(2);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const db = await database(opts.keep, opts.reuse);
  let app: NestFastifyApplication | null = null;
  try {
    await runMigrations(db.url);
    const config = loadConfig({ ...process.env, NODE_ENV: 'production', DATABASE_URL: db.url, WORKER: 'off', LOG_LEVEL: 'warn', REDIS_URL: '' });
    app = await createApp({ config, databaseUrl: db.url, databaseEmbedded: !process.env.DATABASE_URL, runWorker: false, emitSchemaFile: false }, { logger: ['error', 'warn'] });
    console.error(`loading ${opts.stations} stations…`);
    const loaded = await load(app, opts);
    console.error(`loaded in ${loaded.loadSeconds.toFixed(1)} s, scored in ${loaded.scoreSeconds.toFixed(1)} s`);
    const provinceCode = '130000';
    const primeStart = performance.now();
    const ids = (await app.get(DataSource).query(`SELECT snapshot_id::text AS id FROM station_score ORDER BY station_code`)).map((r: { id: string }) => r.id);
    const cache = app.get(SnapshotCache);
    for (let i = 1; i < ids.length; i += 250) await cache.load(app.get(DataSource), ids.slice(i, i + 250));
    const primeSeconds = (performance.now() - primeStart) / 1000;
    const apiKey = (await app.get(ApiKeyService).create('PROVINCE', provinceCode, 'benchmark')).key;
    await app.listen({ port: PORT, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${PORT}/graphql`;

    const single = {
      summaryCold: await timed(url, apiKey, PROVINCE_SUMMARY, { region: provinceCode }),
      summaryWarm: await timed(url, apiKey, PROVINCE_SUMMARY, { region: provinceCode }),
      rankingWarm: await timed(url, apiKey, PROVINCE_RANKING, { region: provinceCode }),
      // The first station's snapshot was left out of the primed cache.
      detailCold: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[0] }),
      detailWarm: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[0] }),
    };

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const results: (ScenarioResult & { rssMb: number; serverCpuMs: number; postgresCpuMs: number; machineBusy: number; otherCpuMs: number; load: string })[] = [];
    const database = new URL(db.url).pathname.slice(1);
    const plan: [ScenarioName, number][] = [
      ['detail', opts.connections],
      ['headline', opts.connections],
      ['ranking', opts.connections],
      ['summary', opts.connections],
      ['mixed', opts.stressConnections],
    ];
    for (const [name, connections] of plan) {
      console.error(`${name}: ${connections} connections for ${opts.duration} s…`);
      const base = { url, apiKey, provinceCode, stationCodes: loaded.codes, duration: opts.duration };
      const load = loadavg()[0].toFixed(2);
      const cpu0 = process.cpuUsage();
      const machine0 = machineSeconds();
      const pg0 = postgresSeconds(database);
      const result = await scenario({ ...base, scenario: name, connections });
      const cpu = process.cpuUsage(cpu0);
      const machine1 = machineSeconds();
      const pg1 = postgresSeconds(database);
      const per = (ms: number) => ms / Math.max(result.requests, 1);
      const serverMs = (cpu.user + cpu.system) / 1000;
      const postgresMs = postgresSecondsBetween(pg0, pg1) * 1000;
      const busyMs = (machine1.busy - machine0.busy) * 1000;
      results.push({
        ...result,
        rssMb: Math.round(peakRss / 2 ** 20),
        serverCpuMs: per(serverMs),
        postgresCpuMs: per(postgresMs),
        otherCpuMs: per(Math.max(busyMs - serverMs - postgresMs - result.clientCpuMs, 0)),
        machineBusy: (machine1.busy - machine0.busy) / Math.max(machine1.total - machine0.total, 1e-9),
        load,
      });
    }
    clearInterval(sampler);
    // Requests still in flight when the load generator stopped finish before the app closes.
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const cpu = cpus();
    const lines = [
      `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${await serverVersion(db.url)} (${db.label}), load average before the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
      `Data: ${opts.stations} stations (seed ${opts.seed}, as of ${AS_OF}), loaded in ${loaded.loadSeconds.toFixed(1)} s, scored in ${loaded.scoreSeconds.toFixed(1)} s. Database pool ${config.database.poolSize} connections.`,
      `Snapshot cache primed with ${ids.length - 1} current snapshots in ${primeSeconds.toFixed(1)} s (one left out for the cold request).`,
      `Single requests: summary cold ${single.summaryCold.ms.toFixed(1)} ms, warm ${single.summaryWarm.ms.toFixed(1)} ms; ranking ${single.rankingWarm.ms.toFixed(1)} ms (${single.rankingWarm.bytes} B); station detail cold ${single.detailCold.ms.toFixed(1)} ms, warm ${single.detailWarm.ms.toFixed(1)} ms (${single.detailWarm.bytes} B).`,
      '',
      '| scenario | connections | duration | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx | GraphQL errors | target |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.scenario} | ${r.connections} | ${r.duration} s | ${r.requests} | ${r.rps.toFixed(0)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${r.errors + r.timeouts} | ${r.non2xx} | ${r.graphqlErrors} | ${TARGETS[r.scenario]} |`,
      ),
      '',
      'CPU per request (milliseconds, from /proc; PostgreSQL: the backends of the benchmark database) and memory:',
      '',
      '| scenario | API process | PostgreSQL backends | load generator | rest of the machine | machine busy | load avg (1 min) before | API RSS (peak) |',
      '|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.scenario} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${per(r.clientCpuMs, r.requests)} | ${r.otherCpuMs.toFixed(2)} | ${(r.machineBusy * 100).toFixed(0)}% | ${r.load} | ${r.rssMb} MB |`,
      ),
      '',
    ];
    console.log(lines.join('\n'));
    console.error(JSON.stringify({ single, results }));
  } finally {
    await app?.close();
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
