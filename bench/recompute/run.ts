// Recompute benchmark: full recomputes of a generated province (2,500 and 40,000 stations
// by default) by a separate worker process, and the incremental latency from a REST push to
// the new score readable over GraphQL (API with its embedded worker, default debounce).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     REDIS_URL=redis://127.0.0.1:6379 node dist/bench/recompute/run.js [--sizes 2500,40000] [--samples 40]
//     [--keep] [--reuse postgres://…/ss_bench_recompute_…]
//
// --keep leaves the database (its URL is printed) for the facts-loader and GraphQL benches;
// --reuse runs on such a database of the one size given, after emptying its scores and runs
// (a TRUNCATE, so the first run again writes every snapshot), instead of loading a new one.
//
// Each size gets a new database (dropped afterwards), loaded through the push services with
// synthetic reviewer assessments. Three runs per size, each timed from request to the run's
// SUCCEEDED: the first (every snapshot new), the next day (windows moved: a new evaluation,
// snapshots only where the score changed), the same day again (identical inputs: nothing
// written). Prints a Markdown report.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { DataLoadModule } from '../../src/cli/data-load.module.js';
import { loadConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/migrate.js';
import { addDays } from '../../src/domain/dates.js';
import type { Person, StationBundle } from '../../src/domain/station-data.js';
import { generateProvince } from '../../src/generator/index.js';
import { generateReviewerAssessments } from '../../src/generator/reviewer-assessments.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { getRubric } from '../../src/rubric/index.js';
import { memoryOf } from '../support/process.js';

// Mid-month: the next day moves every dated window by a day, as an ordinary nightly does. On
// the first day of a month the case sample (the 4 months ending with the cut-off's month)
// moves too and most scores change: measured as its own run ("first of the month").
const AS_OF = '2026-06-15';
const MONTH_START = '2026-07-01';
const SEED = 'bench';
const ROOT = path.resolve(import.meta.dirname, '../../..');

interface Options {
  sizes: number[];
  samples: number;
  keep: boolean;
  reuse: string | null;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { sizes: [2500, 40000], samples: 40, keep: false, reuse: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--sizes') options.sizes = argv[++i].split(',').map(Number);
    else if (argv[i] === '--samples') options.samples = Number(argv[++i]);
    else if (argv[i] === '--reuse') options.reuse = argv[++i];
    else throw new Error(`unknown flag ${argv[i]}`);
  }
  if (options.reuse !== null && options.sizes.length !== 1) throw new Error('--reuse takes one size (--sizes N), the size of the kept database');
  return options;
}

const adminUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL ?? '';
if (!adminUrl) {
  console.error('DATABASE_URL (a server where this user may CREATE DATABASE) is required');
  process.exit(2);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Loads a generated province with assessments through the push services; answers the database URL. */
async function loadProvince(stations: number, database: string): Promise<{ url: string; seconds: number; codes: string[]; people: Map<string, Person[]>; counties: Map<string, string> }> {
  await admin(`DROP DATABASE IF EXISTS "${database}"`);
  await admin(`CREATE DATABASE "${database}"`);
  const url = withDatabase(adminUrl!, database);
  await runMigrations(url);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(DataLoadModule.register({ config, databaseUrl: url, databaseEmbedded: false, runWorker: false, emitSchemaFile: false }), {
    logger: ['error', 'warn'],
  });
  const started = performance.now();
  const province = generateProvince({ stations, seed: SEED, asOf: AS_OF });
  await app.get(RegionsService).upsert(province.regions.map(({ code, name }) => ({ code, name })));
  const dataSource = app.get(DataSource);
  for (const a of province.mediationAverages) await dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2)`, [a.year, a.rate]);
  const rubric = getRubric('national-2023');
  const people = new Map<string, Person[]>();
  const counties = new Map<string, string>();
  let chunk: StationBundle[] = [];
  const flush = async () => {
    await app.get(StationBundleWriter).writeMany(chunk, { chunkSize: 250 });
    const rows = chunk.flatMap((b) => generateReviewerAssessments(b, rubric, SEED).map((a) => ({ station: b.code, ...a })));
    await dataSource.query(
      `INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note)
       SELECT s, $1, c, p, n FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::text[]) AS t(s, c, p, n)`,
      [rubric.version, rows.map((r) => r.station), rows.map((r) => r.criterionId), rows.map((r) => r.points), rows.map((r) => r.note)],
    );
    chunk = [];
  };
  for (const bundle of province.stations()) {
    if (people.size < 500) {
      people.set(bundle.code, bundle.personnel);
      counties.set(bundle.code, bundle.profile.countyCode);
    }
    chunk.push(bundle);
    if (chunk.length >= 250) await flush();
  }
  if (chunk.length) await flush();
  // The load's own change notifications would race the timed runs: count them as relayed,
  // and long enough ago that the worker's LostQueueRecovery (a new queue prefix looks like a
  // queue that lost its data) does not queue every loaded station again with today's date.
  await dataSource.query(`UPDATE outbox_event SET relayed_at = now() - interval '2 days'`);
  await dataSource.query(`VACUUM ANALYZE`);
  const seconds = (performance.now() - started) / 1000;
  await app.close();
  return { url, seconds, codes: province.stationCodes, people, counties };
}

/** A kept database back to "loaded, never scored"; the pushes' people are read back for the incremental samples. */
async function resetScores(url: string, stations: number): Promise<{ url: string; seconds: number; codes: string[]; people: Map<string, Person[]>; counties: Map<string, string> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const count = Number((await client.query(`SELECT count(*) AS n FROM station`)).rows[0].n);
    if (count !== stations) throw new Error(`--reuse: the database has ${count} stations, not ${stations}`);
    await client.query(`TRUNCATE station_score, score_snapshot, recompute_run, recompute_run_chunk CASCADE`);
    await client.query(`UPDATE outbox_event SET relayed_at = coalesce(relayed_at, now()) - interval '2 days'`);
    await client.query(`VACUUM ANALYZE`);
    const codes = (await client.query<{ code: string }>(`SELECT code FROM station ORDER BY code`)).rows.map((r) => r.code);
    // The incremental samples need each station's roster as pushed: rebuilt from the generator,
    // with the director's certificate as an earlier run's samples may have left it.
    const province = generateProvince({ stations, seed: SEED, asOf: AS_OF });
    const people = new Map<string, Person[]>();
    const counties = new Map<string, string>();
    for (const bundle of province.stations()) {
      if (people.size >= 500) break;
      people.set(bundle.code, bundle.personnel);
      counties.set(bundle.code, bundle.profile.countyCode);
    }
    const directors = await client.query<{ station_code: string; enforcement_cert_no: string | null }>(
      `SELECT station_code, enforcement_cert_no FROM person WHERE position = 'DIRECTOR' AND station_code = ANY($1)`,
      [[...people.keys()]],
    );
    for (const d of directors.rows) {
      people.set(d.station_code, people.get(d.station_code)!.map((p) => (p.position === 'DIRECTOR' ? { ...p, enforcementCertNo: d.enforcement_cert_no } : p)));
    }
    return { url, seconds: 0, codes, people, counties };
  } finally {
    await client.end();
  }
}

function startProcess(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, script)], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}


async function timedRun(url: string, cutOff: string): Promise<{ seconds: number; total: number; changed: number; failed: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const [{ id }] = (await client.query(`INSERT INTO recompute_run (trigger, cut_off) VALUES ('MANUAL', $1) RETURNING id`, [cutOff])).rows;
  for (;;) {
    const { rows } = await client.query(`SELECT status, total, done, failed, changed FROM recompute_run WHERE id = $1`, [id]);
    if (rows[0].status === 'SUCCEEDED' || rows[0].status === 'FAILED') {
      const seconds = (performance.now() - started) / 1000;
      await client.end();
      return { seconds, total: rows[0].total, changed: rows[0].changed, failed: rows[0].failed };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function fullRecomputes(stations: number, lines: string[], reuse: string | null): Promise<{ url: string; codes: string[]; people: Map<string, Person[]>; counties: Map<string, string>; database: string }> {
  const database = reuse === null ? `ss_bench_recompute_${stations}_${Date.now().toString(36)}` : new URL(reuse).pathname.slice(1);
  const loaded = reuse === null ? await loadProvince(stations, database) : await resetScores(reuse, stations);
  console.error(reuse === null ? `loaded ${stations} stations in ${loaded.seconds.toFixed(1)} s` : `reusing ${database}: scores emptied`);
  const worker = startProcess('dist/src/worker.js', { DATABASE_URL: loaded.url, REDIS_URL: redisUrl, QUEUE_PREFIX: `bench_${Date.now().toString(36)}` });
  await new Promise((r) => setTimeout(r, 2000));
  const load = () => loadavg()[0].toFixed(2);
  const first = { load: load(), ...(await timedRun(loaded.url, AS_OF)) };
  const nextDay = { load: load(), ...(await timedRun(loaded.url, addDays(AS_OF, 1))) };
  const again = { load: load(), ...(await timedRun(loaded.url, addDays(AS_OF, 1))) };
  const monthStart = { load: load(), ...(await timedRun(loaded.url, MONTH_START)) };
  const rss = memoryOf(worker.pid!).peakMb;
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));
  const storage = await snapshotStorage(loaded.url);
  console.error(lines.slice(-4).join('\n'));
  const row = (label: string, r: typeof first) =>
    `| ${stations.toLocaleString('en')} | ${label} | ${r.seconds.toFixed(1)} s | ${Math.round(r.total / r.seconds).toLocaleString('en')} | ${r.changed} | ${r.failed} | ${r.load} |`;
  lines.push(row('first run (every snapshot new)', first), row('next day (windows moved)', nextDay), row('same day again (inputs identical)', again), row('first of the month (case sample moved)', monthStart));
  lines.push(`|  | worker peak RSS | ${rss.toFixed(0)} MB |  |  |  |  |`);
  lines.push(
    `|  | storage per snapshot (${storage.snapshots.toLocaleString('en')} snapshots) | ${storage.bytesPerSnapshot.toLocaleString('en')} B; as 1 + 193 rows: ${storage.rowsBytesPerSnapshot.toLocaleString('en')} B |  |  |  |  |`,
  );
  return { ...loaded, database };
}

// The snapshot row's columns before the criteria and indicators moved into it.
const HEADER_COLUMNS = `id, station_code, round_id, computed_at, cut_off, rubric_version, star_policy_id, input_hash, result_digest, raw, applicable, rebased,
  bonus, total, stars, eligible, pending_count, missing_count, rebase_note, blocking_vetoes, star_levels, bonus_items, missing_items`;

/**
 * Bytes per snapshot (table, TOAST and indexes) as stored now (one row), and as the same
 * snapshots took in the former layout — a snapshot row, 72 score_indicator rows and 121
 * score_criterion rows with their primary keys — rebuilt from the views in scratch tables.
 */
async function snapshotStorage(url: string): Promise<{ snapshots: number; bytesPerSnapshot: number; rowsBytesPerSnapshot: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`VACUUM ANALYZE score_snapshot`);
    const size = async (sql: string) => Number((await client.query(sql)).rows[0].n);
    const snapshots = await size(`SELECT count(*) AS n FROM score_snapshot`);
    const now = await size(`SELECT pg_total_relation_size('score_snapshot') AS n`);
    await client.query(`CREATE TABLE bench_rows_snapshot AS SELECT ${HEADER_COLUMNS} FROM score_snapshot`);
    await client.query(`ALTER TABLE bench_rows_snapshot ADD PRIMARY KEY (id); CREATE INDEX ON bench_rows_snapshot (station_code, computed_at)`);
    await client.query(`CREATE TABLE bench_rows_indicator AS SELECT * FROM score_indicator; ALTER TABLE bench_rows_indicator ADD PRIMARY KEY (snapshot_id, indicator_id)`);
    await client.query(`CREATE TABLE bench_rows_criterion AS SELECT * FROM score_criterion; ALTER TABLE bench_rows_criterion ADD PRIMARY KEY (snapshot_id, criterion_id)`);
    await client.query(`VACUUM ANALYZE bench_rows_snapshot, bench_rows_indicator, bench_rows_criterion`);
    const rows = await size(
      `SELECT pg_total_relation_size('bench_rows_snapshot') + pg_total_relation_size('bench_rows_indicator') + pg_total_relation_size('bench_rows_criterion') AS n`,
    );
    await client.query(`DROP TABLE bench_rows_snapshot, bench_rows_indicator, bench_rows_criterion`);
    return { snapshots, bytesPerSnapshot: Math.round(now / snapshots), rowsBytesPerSnapshot: Math.round(rows / snapshots) };
  } finally {
    await client.end();
  }
}

async function incrementalLatency(url: string, people: Map<string, Person[]>, counties: Map<string, string>, samples: number): Promise<string[]> {
  const port = 3918;
  const api = startProcess('dist/src/main.js', { DATABASE_URL: url, REDIS_URL: redisUrl, QUEUE_PREFIX: `bench_inc_${Date.now().toString(36)}`, PORT: String(port), NODE_ENV: 'production' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`${base}/health/ready`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const config = loadConfig({ ...process.env, DATABASE_URL: url });
  const ctx = await NestFactory.createApplicationContext(DataLoadModule.register({ config, databaseUrl: url, databaseEmbedded: false, runWorker: false, emitSchemaFile: false }), { logger: ['error'] });
  const keys = new ApiKeyService(ctx.get(DataSource));
  const province = (await keys.create('PROVINCE', '130000', 'bench')).key;
  const countyKeys = new Map<string, string>();
  const graphql = async (code: string) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${province}` },
      body: JSON.stringify({ query: `query($c: String!) { station(code: $c) { score { inputHash total } } }`, variables: { c: code } }),
    });
    return ((await res.json()) as { data: { station: { score: { inputHash: string; total: number } | null } } }).data.station.score;
  };
  const latencies: number[] = [];
  const sampled = [...people.keys()].slice(0, samples);
  try {
  for (const code of sampled) {
    const county = counties.get(code)!;
    if (!countyKeys.has(county)) countyKeys.set(county, (await keys.create('COUNTY', county, 'bench')).key);
    const before = await graphql(code);
    // The director loses the enforcement certificate: 30② changes, so the score does.
    const roster = people.get(code)!.map((p) => (p.position === 'DIRECTOR' ? { ...p, enforcementCertNo: p.enforcementCertNo ? null : 'BENCH-0001' } : p));
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/stations/${code}/personnel`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${countyKeys.get(county)}` },
      body: JSON.stringify({ items: roster }),
    });
    if (!res.ok) throw new Error(`push failed: ${res.status} ${await res.text()}`);
    for (;;) {
      const now = await graphql(code);
      if (now && now.inputHash !== before?.inputHash) break;
      if (performance.now() - started > 30_000) throw new Error(`no new score for ${code} within 30 s`);
      await new Promise((r) => setTimeout(r, 10));
    }
    latencies.push(performance.now() - started);
  }
  } finally {
    await ctx.close();
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)].toFixed(0);
  return [
    '',
    `Incremental: REST push of a roster change → new score readable over GraphQL (${latencies.length} pushes, one at a time, debounce ${config.recompute.debounceMs} ms, relay poll ${config.recompute.outboxPollMs} ms):`,
    '',
    '| p50 | p95 | max | target |',
    '|---|---|---|---|',
    `| ${q(0.5)} ms | ${q(0.95)} ms | ${latencies[latencies.length - 1].toFixed(0)} ms | p95 ≤ 500 ms |`,
  ];
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const lines = [
    `Machine: ${cpus().length} × ${cpus()[0].model}, Node ${process.version}, queue on ${redisUrl ? 'Redis' : 'PostgreSQL'}, worker concurrency ${loadConfig({}).worker.concurrency}, chunks of ${loadConfig({}).recompute.chunkSize}`,
    '',
    '| stations | run | wall time | stations/s | changed | failed | load avg at start |',
    '|---|---|---|---|---|---|---|',
  ];
  const incremental: string[] = [];
  for (const size of options.sizes) {
    const loaded = await fullRecomputes(size, lines, options.reuse);
    if (incremental.length === 0 && options.samples > 0) incremental.push(...(await incrementalLatency(loaded.url, loaded.people, loaded.counties, options.samples)));
    if (options.keep || options.reuse !== null) console.error(`kept: ${loaded.url}`);
    else await admin(`DROP DATABASE IF EXISTS "${loaded.database}" WITH (FORCE)`);
  }
  console.log([...lines, ...incremental].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
