// GraphQL benchmark: the API in this process on a fresh database holding a generated
// 2,500-station province (loaded through the push interface's bundle writer, scored by
// StationScoringService), a PROVINCE key, then autocannon in a child process.
//
// Two API instances, one after the other, on the same database:
// 1. response cache off (GRAPHQL_RESPONSE_CACHE_BYTES=0): 50 connections on station detail
//    (a random station per request, its score with the reason of every criterion) and on a
//    lighter station headline: what an answer costs to compute;
// 2. response cache on (GRAPHQL_RESPONSE_CACHE_BYTES from the environment, else the default):
//    station detail starting with an empty cache (the first pass over the stations misses),
//    then every station requested once and station detail again with the cache warm; the
//    province ranking (top 100) and summary; then 200 connections on detail, ranking and
//    summary mixed, checking for errors.
// 3. with the cache on, while a write stream pushes --writes-per-second rosters (REST PUT
//    …/personnel with the bench key; recomputed by a worker process, or in this process
//    right after each push with --recompute in-process) to the
//    stations the readers do not ask for (--hot N: details are asked for the first N): the
//    `{ __typename }` floor, station detail, ranking and summary.
// Each scenario reports the cache's hits and misses. Prints a Markdown report.
//
//   npm run build && NODE_ENV=production node --max-semi-space-size=32 dist/bench/graphql/run.js
//        [--stations 2500] [--duration 20] [--connections 50] [--stress-connections 200]
//        [--seed bench] [--keep] [--reuse postgres://…/ss_bench_…] [--load-only]
//        [--hot 2500] [--writes-per-second 20] [--recompute worker|in-process]
//
// DATABASE_URL (a server where the user may CREATE DATABASE) gets a new database for the
// run, dropped afterwards unless --keep; without it an embedded PostgreSQL runs under
// bench/graphql/tmp/. NODE_ENV=production matters: graphql-js runs extra checks otherwise.
// Before the load, each instance's snapshot cache is primed with the current scores, as on
// a server that has been up for a while; single cold and warm requests are timed too.
import 'reflect-metadata';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { createApp } from '../../src/bootstrap.js';
import { SnapshotCache } from '../../src/dashboard/loaders/snapshot-cache.js';
import { ResponseCache, type ResponseCacheStats } from '../../src/dashboard/response-cache/response-cache.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres.js';
import { runMigrations } from '../../src/database/migrate.js';
import { generateProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import type { ScenarioName, ScenarioRequest, ScenarioResult } from './load-worker.js';
import { machineSeconds, postgresSeconds, postgresSecondsBetween } from '../support/process.js';
import { PROVINCE_RANKING, PROVINCE_SUMMARY, STATION_DETAIL } from './queries.js';
import { startWriteStream, type WriteStreamStats } from './write-stream.js';

interface Options {
  stations: number;
  duration: number;
  connections: number;
  stressConnections: number;
  seed: string;
  keep: boolean;
  /** A database of an earlier run (--keep) to benchmark again without loading. */
  reuse: string | null;
  /** Load (or check) the database and stop: with --keep, to benchmark it later with --reuse. */
  loadOnly: boolean;
  /** Station details are asked for the first `hot` stations (all when null); the write stream pushes to the others. */
  hot: number | null;
  /** Roster pushes a second in the under-writes scenarios (0: none). */
  writesPerSecond: number;
  /** Who recomputes the pushed stations: a worker process (`npm run start:worker`, as deployed) or this process right after each push. */
  recompute: 'worker' | 'in-process';
}

const AS_OF = '2026-06-30';
// GRAPHQL_BENCH_PORT: another port when two runs share a machine.
const PORT = Number(process.env.GRAPHQL_BENCH_PORT ?? 3917);
const PROVINCE_CODE = '130000';

interface Target {
  text: string;
  p50?: number;
  p99?: number;
}

const TARGETS: Record<ScenarioName, Target> = {
  detail: { text: 'p50 ≤ 20 ms, p99 ≤ 100 ms', p50: 20, p99: 100 },
  headline: { text: '(for comparison)' },
  ranking: { text: 'p99 ≤ 250 ms', p99: 250 },
  summary: { text: 'p99 ≤ 150 ms', p99: 150 },
  mixed: { text: 'no errors' },
  typename: { text: '(the floor)' },
};

/** The targets under the write stream (issue 11), where they differ from the others. */
const UNDER_WRITES: Partial<Record<ScenarioName, Target>> = {
  detail: { text: 'p99 ≤ 50 ms', p99: 50 },
};

interface Step {
  label: string;
  scenario: ScenarioName;
  connections: number;
  /** Measured while the write stream runs. */
  underWrites?: boolean;
}

function targetOf(result: { scenario: ScenarioName; underWrites?: boolean }): Target {
  return (result.underWrites ? UNDER_WRITES[result.scenario] : undefined) ?? TARGETS[result.scenario];
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { stations: 2500, duration: 20, connections: 50, stressConnections: 200, seed: 'bench', keep: false, reuse: null, loadOnly: false, hot: null, writesPerSecond: 20, recompute: 'worker' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep' || flag === '--load-only') {
      if (flag === '--keep') o.keep = true;
      else o.loadOnly = true;
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
    else if (flag === '--hot') o.hot = Number(value);
    else if (flag === '--writes-per-second') o.writesPerSecond = Number(value);
    else if (flag === '--recompute') o.recompute = value === 'in-process' ? 'in-process' : 'worker';
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

/** Requests every station's detail once (`concurrency` at a time), as the warm-up of the cache. */
async function requestEveryStation(url: string, key: string, codes: readonly string[], concurrency: number): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < codes.length) await timed(url, key, STATION_DETAIL, { code: codes[next++] });
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - t0) / 1000;
}

interface Api {
  app: NestFastifyApplication;
  config: AppConfig;
}

/** The API with the response cache bound given (or the environment's, when undefined). */
async function createApi(dbUrl: string, embedded: boolean, responseCacheBytes: string | undefined): Promise<Api> {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl, WORKER: 'off', LOG_LEVEL: 'warn', REDIS_URL: '' };
  if (responseCacheBytes !== undefined) env.GRAPHQL_RESPONSE_CACHE_BYTES = responseCacheBytes;
  const config = loadConfig(env);
  const app = await createApp({ config, databaseUrl: dbUrl, databaseEmbedded: embedded, runWorker: false, emitSchemaFile: false }, { logger: ['error', 'warn'] });
  return { app, config };
}

/**
 * Primes the snapshot cache with the current scores (as on a server that has been up for a
 * while), leaving the first station's out for the cold request, then listens.
 */
async function primeAndListen(api: Api): Promise<{ seconds: number; count: number }> {
  const t0 = performance.now();
  const dataSource = api.app.get(DataSource);
  const ids = (await dataSource.query(`SELECT snapshot_id::text AS id FROM station_score ORDER BY station_code`)).map((r: { id: string }) => r.id);
  const cache = api.app.get(SnapshotCache);
  for (let i = 1; i < ids.length; i += 250) await cache.load(dataSource, ids.slice(i, i + 250));
  const seconds = (performance.now() - t0) / 1000;
  await api.app.listen({ port: PORT, host: '127.0.0.1' });
  return { seconds, count: ids.length - 1 };
}

function cacheDelta(before: ResponseCacheStats, after: ResponseCacheStats): { hits: number; misses: number } {
  return { hits: after.hits - before.hits, misses: after.misses - before.misses };
}

function met(result: ScenarioResult & { underWrites?: boolean }): boolean {
  const target = targetOf(result);
  const clean = result.errors + result.timeouts + result.non2xx + result.graphqlErrors === 0;
  return clean && (target.p50 === undefined || result.latency.p50 <= target.p50) && (target.p99 === undefined || result.latency.p99 <= target.p99);
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

type Measured = ScenarioResult & {
  label: string;
  underWrites: boolean;
  cache: { hits: number; misses: number } | null;
  rssMb: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  machineBusy: number;
  otherCpuMs: number;
  load: string;
};

/** The detail rate under writes as a fraction of the `{ __typename }` rate on the same server. */
function rateLine(results: readonly Measured[]): string {
  const floor = results.find((r) => r.underWrites && r.scenario === 'typename');
  const detail = results.find((r) => r.underWrites && r.scenario === 'detail');
  if (!floor || !detail) return '';
  return `Under writes: \`{ __typename }\` ${floor.rps.toFixed(0)} req/s; station detail ${detail.rps.toFixed(0)} req/s = ${((100 * detail.rps) / Math.max(floor.rps, 1)).toFixed(0)}% of it.`;
}

/**
 * The cache-on scenarios while the write stream pushes rosters to `targets` (stations the
 * readers do not ask for); null without a stream.
 */
/** A recompute worker process (dist/src/worker.js) on the bench database, once it has started. */
async function startWorker(dbUrl: string): Promise<ChildProcess> {
  const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: dbUrl, REDIS_URL: '', QUEUE_PREFIX: `bench_${Date.now().toString(36)}`, DATABASE_MIGRATE: 'false', LOG_LEVEL: 'log', WORKER_CONCURRENCY: '4' };
  const child = spawn(process.execPath, [new URL('../../src/worker.js', import.meta.url).pathname], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('recompute worker started')) resolve();
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output.slice(-500)}`)));
  });
  return child;
}

/** Snapshots written since `since` (scores that changed). */
async function snapshotsSince(app: NestFastifyApplication, since: Date): Promise<number> {
  const [{ n }] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM score_snapshot WHERE computed_at >= $1`, [since]);
  return n;
}

/**
 * The cache-on scenarios while the write stream pushes rosters to `targets` (stations the
 * readers do not ask for), recomputed by a worker process or in this process; null without
 * a stream.
 */
async function underWrites(
  app: NestFastifyApplication,
  dbUrl: string,
  graphqlUrl: string,
  apiKey: string,
  targets: readonly string[],
  opts: Options,
  measure: (step: Step) => Promise<void>,
  rewarm: () => Promise<unknown>,
): Promise<(WriteStreamStats & { snapshots: number }) | null> {
  if (opts.writesPerSecond <= 0) return null;
  // The load scored every station itself: what the outbox holds from it (and from earlier
  // runs) is marked relayed two days ago, so that the worker (on a queue of its own, which
  // it finds empty) recomputes the stream's pushes only: its lost-queue recovery queues
  // again the stations relayed within a day.
  if (opts.recompute === 'worker') await app.get(DataSource).query(`UPDATE outbox_event SET relayed_at = now() - interval '2 days' WHERE relayed_at IS NULL OR relayed_at > now() - interval '2 days'`);
  const worker = opts.recompute === 'worker' ? await startWorker(dbUrl) : null;
  const scoring = app.get(StationScoringService);
  const score = async (code: string) => {
    if (worker) return;
    const outcome = await scoring.score([code], { cutOff: AS_OF });
    if (outcome.failed.length > 0) throw new Error(`scoring ${code} failed`);
  };
  const since = new Date();
  const stream = startWriteStream(graphqlUrl.replace(/\/graphql$/, ''), apiKey, targets, opts.writesPerSecond, score);
  try {
    // A few seconds for the stream (and the worker) to settle before measuring; the worker's
    // start empties the response cache (its recovery touches recompute_run, a table-wide
    // change), so the stations read are asked for once more first.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await rewarm();
    for (const step of [
      { label: 'typename, under writes', scenario: 'typename', connections: opts.connections, underWrites: true },
      { label: 'detail, under writes', scenario: 'detail', connections: opts.connections, underWrites: true },
      { label: 'ranking, under writes', scenario: 'ranking', connections: opts.connections, underWrites: true },
      { label: 'summary, under writes', scenario: 'summary', connections: opts.connections, underWrites: true },
    ] satisfies Step[]) {
      await measure(step);
    }
    const stats = await stream.stop();
    return { ...stats, snapshots: await snapshotsSince(app, since) };
  } catch (error) {
    await stream.stop();
    throw error;
  } finally {
    worker?.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const db = await database(opts.keep, opts.reuse);
  const embedded = !process.env.DATABASE_URL;
  let api: Api | null = null;
  try {
    await runMigrations(db.url);
    const url = `http://127.0.0.1:${PORT}/graphql`;
    const databaseName = new URL(db.url).pathname.slice(1);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const results: Measured[] = [];
    const measure = async (step: Step, apiKey: string, codes: string[]): Promise<void> => {
      console.error(`${step.label}: ${step.connections} connections for ${opts.duration} s…`);
      const responseCache = api!.app.get(ResponseCache);
      const load = loadavg()[0].toFixed(2);
      const cache0 = responseCache.stats();
      const cpu0 = process.cpuUsage();
      const machine0 = machineSeconds();
      const pg0 = postgresSeconds(databaseName);
      const result = await scenario({ url, apiKey, provinceCode: PROVINCE_CODE, stationCodes: codes, duration: opts.duration, scenario: step.scenario, connections: step.connections });
      const cpu = process.cpuUsage(cpu0);
      const machine1 = machineSeconds();
      const pg1 = postgresSeconds(databaseName);
      const cache1 = responseCache.stats();
      const perRequest = (ms: number) => ms / Math.max(result.requests, 1);
      const serverMs = (cpu.user + cpu.system) / 1000;
      const postgresMs = postgresSecondsBetween(pg0, pg1) * 1000;
      const busyMs = (machine1.busy - machine0.busy) * 1000;
      results.push({
        ...result,
        label: step.label,
        underWrites: step.underWrites === true,
        cache: responseCache.enabled ? cacheDelta(cache0, cache1) : null,
        rssMb: Math.round(peakRss / 2 ** 20),
        serverCpuMs: perRequest(serverMs),
        postgresCpuMs: perRequest(postgresMs),
        otherCpuMs: perRequest(Math.max(busyMs - serverMs - postgresMs - result.clientCpuMs, 0)),
        machineBusy: (machine1.busy - machine0.busy) / Math.max(machine1.total - machine0.total, 1e-9),
        load,
      });
    };
    // Requests still in flight when the load generator stopped finish before the app closes.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

    // 1. The response cache off: what answers cost to compute.
    api = await createApi(db.url, embedded, '0');
    console.error(`loading ${opts.stations} stations…`);
    const loaded = await load(api.app, opts);
    console.error(`loaded in ${loaded.loadSeconds.toFixed(1)} s, scored in ${loaded.scoreSeconds.toFixed(1)} s`);
    if (opts.loadOnly) return;
    const hot = opts.hot === null ? loaded.codes : loaded.codes.slice(0, opts.hot);
    const cold = loaded.codes.slice(hot.length);
    const primedOff = await primeAndListen(api);
    const apiKey = (await api.app.get(ApiKeyService).create('PROVINCE', PROVINCE_CODE, 'benchmark')).key;
    const off = {
      summaryCold: await timed(url, apiKey, PROVINCE_SUMMARY, { region: PROVINCE_CODE }),
      summaryWarm: await timed(url, apiKey, PROVINCE_SUMMARY, { region: PROVINCE_CODE }),
      rankingWarm: await timed(url, apiKey, PROVINCE_RANKING, { region: PROVINCE_CODE }),
      detailCold: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[0] }),
      detailWarm: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[0] }),
    };
    for (const step of [
      { label: 'detail, cache off', scenario: 'detail', connections: opts.connections },
      { label: 'headline, cache off', scenario: 'headline', connections: opts.connections },
    ] satisfies Step[]) {
      await measure(step, apiKey, hot);
    }
    await settle();
    await api.app.close();

    // 2. The response cache on, starting empty.
    api = await createApi(db.url, embedded, process.env.GRAPHQL_RESPONSE_CACHE_BYTES);
    const primedOn = await primeAndListen(api);
    const responseCache = api.app.get(ResponseCache);
    const on = {
      detailCold: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[0] }),
      detailMiss: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[1] }),
      detailHit: await timed(url, apiKey, STATION_DETAIL, { code: loaded.codes[1] }),
    };
    await measure({ label: 'detail, cache cold at start', scenario: 'detail', connections: opts.connections }, apiKey, hot);
    const warmSeconds = await requestEveryStation(url, apiKey, hot, 8);
    const warmed = responseCache.stats();
    for (const step of [
      { label: 'detail, cache warm', scenario: 'detail', connections: opts.connections },
      { label: 'ranking', scenario: 'ranking', connections: opts.connections },
      { label: 'summary', scenario: 'summary', connections: opts.connections },
      { label: 'mixed', scenario: 'mixed', connections: opts.stressConnections },
    ] satisfies Step[]) {
      await measure(step, apiKey, hot);
    }
    const writes = await underWrites(api.app, db.url, url, apiKey, cold.length > 0 ? cold : loaded.codes, opts, (step) => measure(step, apiKey, hot), () => requestEveryStation(url, apiKey, hot, 8));
    clearInterval(sampler);
    await settle();
    const final = responseCache.stats();

    const cpu = cpus();
    const lines = [
      `## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Machine: ${cpu.length} CPUs (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, PostgreSQL ${await serverVersion(db.url)} (${db.label}), load average after the run ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
      `Data: ${opts.stations} stations (seed ${opts.seed}, as of ${AS_OF}), loaded in ${loaded.loadSeconds.toFixed(1)} s, scored in ${loaded.scoreSeconds.toFixed(1)} s. Database pool ${api.config.database.poolSize} connections.`,
      `Snapshot cache of each instance primed with ${primedOff.count} current snapshots (${primedOff.seconds.toFixed(1)} s and ${primedOn.seconds.toFixed(1)} s; one left out for the cold request).`,
      `Cache off, single requests: summary cold ${off.summaryCold.ms.toFixed(1)} ms, warm ${off.summaryWarm.ms.toFixed(1)} ms; ranking ${off.rankingWarm.ms.toFixed(1)} ms (${off.rankingWarm.bytes} B); station detail cold ${off.detailCold.ms.toFixed(1)} ms, warm ${off.detailWarm.ms.toFixed(1)} ms (${off.detailWarm.bytes} B).`,
      `Cache on (bound ${mb(final.maxBytes)} MiB), single requests: station detail cold ${on.detailCold.ms.toFixed(1)} ms, a miss with its snapshot in memory ${on.detailMiss.ms.toFixed(1)} ms, a hit ${on.detailHit.ms.toFixed(1)} ms.`,
      `Warm-up between "cache cold" and "cache warm": every station's detail once, 8 at a time, in ${warmSeconds.toFixed(1)} s; the cache then held ${warmed.entries} answers, ${mb(warmed.bytes)} MiB as counted; at the end ${final.entries} answers, ${mb(final.bytes)} MiB, ${final.evictions} evictions, ${final.refused} answers not stored.`,
      '',
      writes === null
        ? 'No write stream (--writes-per-second 0).'
        : `Write stream during the "under writes" rows: ${writes.pushed} roster pushes in ${writes.seconds.toFixed(0)} s (${(writes.pushed / writes.seconds).toFixed(1)}/s asked ${opts.writesPerSecond}/s; ${writes.failed} failed${writes.firstError ? ` (first: ${writes.firstError})` : ''}, ${writes.skipped} ticks skipped with ${8} in flight) to ${cold.length > 0 ? `the ${cold.length} stations outside the ${hot.length} read` : 'the stations read'}, ${opts.recompute === 'worker' ? 'recomputed by a worker process (`dist/src/worker.js`, WORKER_CONCURRENCY 4, queue on PostgreSQL) from the outbox' : `each recomputed in this process (StationScoringService) right after its PUT (recompute p50 ${writes.scoreMs.p50} ms / p95 ${writes.scoreMs.p95} ms)`}: PUT p50 ${writes.pushMs.p50} ms / p95 ${writes.pushMs.p95} ms; ${writes.snapshots} new snapshots written meanwhile.`,
      rateLine(results),
      '',
      '| scenario | connections | duration | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx | GraphQL errors | cache hits | misses | hit rate | target | met |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.map((r) => {
        const cache = r.cache === null ? '– | – | cache off' : `${r.cache.hits} | ${r.cache.misses} | ${((100 * r.cache.hits) / Math.max(r.cache.hits + r.cache.misses, 1)).toFixed(1)}%`;
        const target = targetOf(r);
        const verdict = target.p50 === undefined && target.p99 === undefined && r.scenario !== 'mixed' ? '–' : met(r) ? 'yes' : '**no**';
        return `| ${r.label} | ${r.connections} | ${r.duration} s | ${r.requests} | ${r.rps.toFixed(0)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${r.errors + r.timeouts} | ${r.non2xx} | ${r.graphqlErrors} | ${cache} | ${target.text} | ${verdict} |`;
      }),
      '',
      'CPU per request (milliseconds, from /proc; PostgreSQL: the backends of the benchmark database) and memory:',
      '',
      '| scenario | API process | PostgreSQL backends | load generator | rest of the machine | machine busy | load avg (1 min) before | API RSS (peak) |',
      '|---|---|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.label} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${per(r.clientCpuMs, r.requests)} | ${r.otherCpuMs.toFixed(2)} | ${(r.machineBusy * 100).toFixed(0)}% | ${r.load} | ${r.rssMb} MB |`,
      ),
      '',
    ];
    console.log(lines.join('\n'));
    console.error(JSON.stringify({ off, on, warmSeconds, warmed, final, results }));
  } finally {
    await api?.app.close();
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
