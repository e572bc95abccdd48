// Ingest benchmark: a generated province pushed through the HTTP API.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/bench/ingest/run.js
//
// DATABASE_URL names a PostgreSQL server on which a fresh database is created (and dropped
// at the end, unless --keep); without it an embedded PostgreSQL runs under bench/ingest/tmp.
// The API runs in a child process (server.ts) so that its CPU time and RSS are its own.
//
// Phases: regions and mediation averages; station profiles (PUT per station); then
// personnel, equipment and cases in 1,000-row batches over POST /api/v1/bulk/{kind}, pulled
// from one queue by 4 concurrent clients; then the same batches again (all unchanged).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations } from '../../src/database/migrate.js';
import { generateProvince } from '../../src/generator/index.js';
import type { ServerReady } from './server.js';
import { adminQuery, adminServer, createScratchDatabase, dropScratchDatabase } from '../support/database.js';
import { cpuSeconds, machineSeconds, memoryOf, postgresSeconds } from '../support/process.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/bench/ingest → the repository root
const root = path.resolve(here, '../../..');
const tmp = path.join(root, 'bench/ingest/tmp');

interface Options {
  stations: number;
  batch: number;
  clients: number;
  /** API processes (client i talks to process i mod servers). */
  servers: number;
  seed: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { stations: 2500, batch: 1000, clients: 4, servers: 1, seed: 'bench-ingest', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--stations') options.stations = Number(value);
    else if (name === '--batch') options.batch = Number(value);
    else if (name === '--clients') options.clients = Number(value);
    else if (name === '--servers') options.servers = Number(value);
    else if (name === '--seed') options.seed = value;
    else if (name === '--keep') {
      options.keep = true;
      continue;
    } else throw new Error(`unknown option ${name}`);
    i++;
  }
  return options;
}

interface Request {
  method: 'PUT' | 'POST';
  path: string;
  body: string;
  rows: number;
  kind: string;
}

interface Timed {
  kind: string;
  rows: number;
  /** Start, milliseconds into the phase. */
  at: number;
  ms: number;
  summary: { created: number; updated: number; unchanged: number; removed: number };
}

interface PhaseResult {
  name: string;
  requests: number;
  rows: number;
  wallMs: number;
  rowsPerSecond: number;
  serverCpuSeconds: number;
  postgresCpuSeconds: number;
  /** CPU the benchmark's own client used. */
  clientCpuSeconds: number;
  /** Busy CPU of everything else on the machine during the phase (other work sharing the cores). */
  otherCpuSeconds: number;
  perKind: Record<string, { requests: number; rows: number; p50: number; p99: number; max: number; mean: number }>;
  summary: Timed['summary'];
  /** Every request of the phase in start order (kind, rows, start and duration in ms). */
  requestLog: [string, number, number, number][];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}



/** CPU seconds of every live PostgreSQL process (server and backends) on this machine. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const seconds of postgresSeconds().values()) total += seconds;
  return total;
}


async function runPhase(name: string, bases: string[], key: string, requests: Request[], clients: number, pids: number[]): Promise<PhaseResult> {
  const timings: Timed[] = [];
  let next = 0;
  const apiCpu = () => pids.reduce((n, pid) => n + cpuSeconds(pid), 0);
  const cpuBefore = apiCpu();
  const pgBefore = postgresCpuSeconds();
  const machineBefore = machineSeconds().busy;
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async (client: number) => {
    const base = bases[client % bases.length];
    for (let i = next++; i < requests.length; i = next++) {
      const r = requests[i];
      const t0 = performance.now();
      const res = await fetch(`${base}${r.path}`, { method: r.method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: r.body });
      const text = await res.text();
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${r.method} ${r.path}: ${res.status} ${text.slice(0, 500)}`);
      timings.push({ kind: r.kind, rows: r.rows, at: t0 - started, ms, summary: JSON.parse(text) as Timed['summary'] });
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, client) => worker(client)));
  const wallMs = performance.now() - started;
  const rows = timings.reduce((n, t) => n + t.rows, 0);
  const perKind: PhaseResult['perKind'] = {};
  for (const kind of [...new Set(timings.map((t) => t.kind))]) {
    const of = timings.filter((t) => t.kind === kind);
    const sorted = of.map((t) => t.ms).sort((a, b) => a - b);
    perKind[kind] = {
      requests: of.length,
      rows: of.reduce((n, t) => n + t.rows, 0),
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1],
      mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    };
  }
  const client = process.cpuUsage(clientBefore);
  const clientCpuSeconds = (client.user + client.system) / 1e6;
  const serverCpu = apiCpu() - cpuBefore;
  const postgresCpu = postgresCpuSeconds() - pgBefore;
  const otherCpuSeconds = Math.max(0, machineSeconds().busy - machineBefore - serverCpu - postgresCpu - clientCpuSeconds);
  const summary = { created: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const t of timings) for (const k of Object.keys(summary) as (keyof typeof summary)[]) summary[k] += t.summary[k];
  return { name, requests: requests.length, rows, wallMs, rowsPerSecond: (rows / wallMs) * 1000, serverCpuSeconds: serverCpu, postgresCpuSeconds: postgresCpu, clientCpuSeconds, otherCpuSeconds, perKind, summary,
    requestLog: timings.length > 1000 ? [] : [...timings].sort((a, b) => a.at - b.at).map((t) => [t.kind, t.rows, Math.round(t.at), Math.round(t.ms)]) };
}

/** Batches of whole stations' rows, each at most `size` rows (a larger station alone). */
function wholeStations<T>(stations: T[][], size: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const rows of stations) {
    if (current.length > 0 && current.length + rows.length > size) {
      out.push(current);
      current = [];
    }
    current.push(...rows);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}


async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(tmp, { recursive: true });
  const { adminUrl, embedded } = await adminServer(path.join(tmp, 'pg'), 54349);
  const database = `ss_bench_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = await createScratchDatabase(adminUrl, database);
  const pgVersion = String((await adminQuery(adminUrl, 'SHOW server_version')).rows[0].server_version);
  const pgSettings = Object.fromEntries(
    (await adminQuery(adminUrl, `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit', 'max_wal_size')`)).rows.map(
      (r: { name: string; setting: string; unit: string | null }) => [r.name, `${r.setting}${r.unit ? ` ${r.unit}` : ''}`],
    ),
  );
  const servers: ChildProcess[] = [];
  let sampler: NodeJS.Timeout | null = null;
  try {
    await runMigrations(databaseUrl);
    if (process.env.BENCH_LOG_MIN_DURATION_MS) {
      await adminQuery(adminUrl, `ALTER DATABASE "${database}" SET log_min_duration_statement = ${Number(process.env.BENCH_LOG_MIN_DURATION_MS)}`);
    }
    const provinceCode = '130000';
    const readies: ServerReady[] = [];
    for (let i = 0; i < options.servers; i++) {
      const child = fork(path.join(here, 'server.js'), [], {
        env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_MIGRATE: 'false', BENCH_PROVINCE_CODE: provinceCode, REDIS_URL: '' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        // e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=bench/ingest/tmp/prof" to profile the API
        execArgv: (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
      });
      servers.push(child);
      readies.push(
        await new Promise<ServerReady>((resolve, reject) => {
          child.once('message', (m) => resolve(m as ServerReady));
          child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
        }),
      );
    }
    const ready = readies[0];
    const pids = servers.map((s) => s.pid!);
    const bases = readies.map((r) => `http://127.0.0.1:${r.port}`);
    const base = bases[0];
    const rssNow = () => pids.reduce((n, pid) => n + memoryOf(pid).rssMb, 0);
    let peakRss = 0;
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssNow());
    }, 200);
    const rssAtStart = rssNow();

    const loadAtStart = os.loadavg();
    // --- the data, generated and serialised before any clock starts ---
    const g0 = performance.now();
    const asOf = '2025-06-30';
    const province = generateProvince({ stations: options.stations, seed: options.seed, provinceCode, asOf });
    const profiles: Request[] = [];
    const rowsOf: Record<'personnel' | 'equipment' | 'cases', object[][]> = { personnel: [], equipment: [], cases: [] };
    for (const bundle of province.stations()) {
      profiles.push({ method: 'PUT', path: `/api/v1/stations/${bundle.code}`, body: JSON.stringify(bundle.profile), rows: 1, kind: 'station profile' });
      rowsOf.personnel.push(bundle.personnel.map((p) => ({ stationCode: bundle.code, ...p })));
      rowsOf.equipment.push(bundle.equipment.map((e) => ({ stationCode: bundle.code, ...e })));
      rowsOf.cases.push(bundle.cases.map((c) => ({ stationCode: bundle.code, ...c })));
    }
    // A batch holds whole stations, up to the batch size: two concurrent batches never share
    // a station, whose lock would make one wait for the other (what a county system syncing
    // station by station does too).
    const batches: Request[] = (['personnel', 'equipment', 'cases'] as const).flatMap((kind) =>
      wholeStations(rowsOf[kind], options.batch).map((items) => ({ method: 'POST' as const, path: `/api/v1/bulk/${kind}`, body: JSON.stringify({ items }), rows: items.length, kind })),
    );
    const generateMs = performance.now() - g0;
    const total = (kind: keyof typeof rowsOf) => rowsOf[kind].reduce((n, rows) => n + rows.length, 0);
    const counts = { stations: profiles.length, personnel: total('personnel'), equipment: total('equipment'), cases: total('cases') };
    console.log(`generated ${JSON.stringify(counts)} in ${(generateMs / 1000).toFixed(1)} s; ${batches.length} batches of whole stations, up to ${options.batch} rows`);

    // --- reference data ---
    const auth = { authorization: `Bearer ${ready.key}`, 'content-type': 'application/json' };
    for (const items of chunk(province.regions.map((r) => ({ code: r.code, name: r.name })), 5000)) {
      const res = await fetch(`${base}/api/v1/reference/regions`, { method: 'PUT', headers: auth, body: JSON.stringify({ items }) });
      if (res.status !== 200) throw new Error(`regions: ${res.status} ${await res.text()}`);
    }
    for (const m of province.mediationAverages) {
      await fetch(`${base}/api/v1/reference/mediation-averages/${m.year}`, { method: 'PUT', headers: auth, body: JSON.stringify({ rate: m.rate }) });
    }

    const phases: PhaseResult[] = [];
    const run = async (name: string, requests: Request[]) => {
      const result = await runPhase(name, bases, ready.key, requests, options.clients, pids);
      phases.push(result);
      console.log(`${name}: ${result.rows} rows in ${(result.wallMs / 1000).toFixed(1)} s = ${Math.round(result.rowsPerSecond)} rows/s; ${JSON.stringify(result.summary)}`);
      return result;
    };
    const first = { profiles: await run('profiles, first push', profiles), rows: await run('rows, first push', batches) };
    const again = { profiles: await run('profiles, re-push', profiles), rows: await run('rows, re-push (unchanged)', batches) };
    clearInterval(sampler);
    sampler = null;
    const rssAtEnd = { rssMb: rssNow(), peakMb: pids.reduce((n, pid) => n + memoryOf(pid).peakMb, 0) };

    // --- checks ---
    const stored = (await adminQuery(databaseUrl, `SELECT (SELECT count(*) FROM station) AS stations, (SELECT count(*) FROM person) AS personnel, (SELECT count(*) FROM equipment) AS equipment, (SELECT count(*) FROM enforcement_case) AS cases`)).rows[0] as Record<string, string>;
    const problems: string[] = [];
    for (const [k, v] of Object.entries(counts)) if (Number(stored[k]) !== v) problems.push(`${k}: stored ${stored[k]}, pushed ${v}`);
    if (first.rows.summary.created !== first.rows.rows) problems.push(`first push created ${first.rows.summary.created} of ${first.rows.rows}`);
    if (again.rows.summary.unchanged !== again.rows.rows) problems.push(`re-push: ${JSON.stringify(again.rows.summary)}`);
    const speedup = again.rows.rowsPerSecond / first.rows.rowsPerSecond;

    const results = {
      when: new Date().toISOString(),
      command: `node dist/bench/ingest/run.js${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      options,
      loadAverage: { start: loadAtStart, end: os.loadavg() },
      machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, postgresSettings: pgSettings, database: embedded ? 'embedded' : 'DATABASE_URL' },
      counts,
      generateSeconds: generateMs / 1000,
      phases,
      rowsSpeedup: speedup,
      serverRssMb: { start: rssAtStart, end: rssAtEnd.rssMb, peakSampled: peakRss, peakVmHWM: rssAtEnd.peakMb },
      problems,
    };
    const file = path.join(tmp, `results-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`\n${markdown(results)}\nraw results: ${path.relative(root, file)}`);
    if (problems.length > 0) {
      console.error(`PROBLEMS:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (sampler) clearInterval(sampler);
    for (const child of servers) {
      if (child.exitCode !== null) continue;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      });
    }
    if (!options.keep) await dropScratchDatabase(adminUrl, database).catch(() => undefined);
    await embedded?.stop();
  }
}

function markdown(r: {
  loadAverage: { start: number[]; end: number[] };
  phases: PhaseResult[];
  rowsSpeedup: number;
  serverRssMb: { start: number; end: number; peakSampled: number; peakVmHWM: number };
  options: Options;
}): string {
  const ms = (v: number) => `${Math.round(v)} ms`;
  const lines = [
    `| phase | requests | rows | wall | rows/s | CPU: API / PostgreSQL / client / other | kind | p50 | p99 | max |`,
    `|---|---:|---:|---:|---:|---:|---|---:|---:|---:|`,
  ];
  for (const p of r.phases) {
    const kinds = Object.entries(p.perKind);
    kinds.forEach(([kind, k], i) => {
      const head =
        i === 0
          ? [
              p.name,
              p.requests,
              p.rows,
              `${(p.wallMs / 1000).toFixed(1)} s`,
              Math.round(p.rowsPerSecond),
              [p.serverCpuSeconds, p.postgresCpuSeconds, p.clientCpuSeconds, p.otherCpuSeconds].map((v) => v.toFixed(1)).join(' / ') + ' s',
            ]
          : ['', '', '', '', '', ''];
      lines.push(`| ${[...head, `${kind} (${k.requests} × ${Math.round(k.rows / k.requests)} rows)`, ms(k.p50), ms(k.p99), ms(k.max)].join(' | ')} |`);
    });
  }
  lines.push('', `Re-push of the rows vs first push: ${r.rowsSpeedup.toFixed(2)}× the rows/s.`);
  lines.push(`Load average (1/5/15 min) at start ${r.loadAverage.start.map((v) => v.toFixed(2)).join(' ')}, at the end ${r.loadAverage.end.map((v) => v.toFixed(2)).join(' ')}.`);
  const of = r.options.servers > 1 ? ` (${r.options.servers} API processes together)` : '';
  lines.push(`API RSS${of}: ${Math.round(r.serverRssMb.start)} MB after start, ${Math.round(r.serverRssMb.end)} MB at the end, peak ${Math.round(r.serverRssMb.peakVmHWM)} MB (VmHWM).`);
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
