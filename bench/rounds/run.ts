// Rating round benchmark: one whole round of a generated province over the HTTP API.
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node dist/bench/rounds/run.js
//
// DATABASE_URL names a PostgreSQL server on which a fresh database is created (and dropped
// at the end, unless --keep); without it an embedded PostgreSQL runs under bench/rounds/tmp.
// The API runs in a child process (server.ts) so that its CPU time and RSS are its own; it
// writes the province with the bundle writer and makes the keys before any clock starts.
//
// Phases: openRound (GraphQL, PROVINCE key); apply: per station 3 evidence files
// (POST /api/v1/files), the draft (PUT) and submit, by the station's COUNTY key, stations
// pulled from one queue by --clients clients; closeApplications; review: every assessed
// criterion of every application, one GraphQL document per station with one aliased
// reviewCriterion per criterion, --clients clients; publishRound; confirmRound (ADMIN,
// earlyReason: the publication period has not ended); verifyRound.
/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON answers are read untyped here and checked by value */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runMigrations } from '../../src/database/migrate.js';
import { todayIn } from '../../src/domain/dates.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { cpuSeconds, machineSeconds, memoryOf, postgresSeconds, postgresSecondsBetween } from '../support/process.js';
import type { ServerReady } from './server.js';
import { adminQuery, adminServer, createScratchDatabase, dropScratchDatabase } from '../support/database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// dist/bench/rounds → the repository root
const root = path.resolve(here, '../../..');
const tmp = path.join(root, 'bench/rounds/tmp');
const AS_OF = '2026-06-30';
const RUBRIC = 'national-2023';

interface Options {
  stations: number;
  clients: number;
  fileKib: number;
  /** Stations whose criteria are reviewed over GraphQL (default all); the rest are written by SQL. */
  graphqlReview: number;
  seed: string;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { stations: 2500, clients: 8, fileKib: 16, graphqlReview: Number.POSITIVE_INFINITY, seed: 'bench-rounds', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--keep') {
      options.keep = true;
      continue;
    }
    if (name === '--stations') options.stations = Number(value);
    else if (name === '--clients') options.clients = Number(value);
    else if (name === '--file-kib') options.fileKib = Number(value);
    else if (name === '--graphql-review') options.graphqlReview = Number(value);
    else if (name === '--seed') options.seed = value;
    else throw new Error(`unknown option ${name}`);
    i++;
  }
  return options;
}

interface Latencies {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

interface Phase {
  name: string;
  wallSeconds: number;
  apiCpuSeconds: number;
  postgresCpuSeconds: number;
  /** Busy CPU of everything else (this client, other work sharing the cores). */
  otherCpuSeconds: number;
  latencies: Record<string, Latencies>;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

function summarise(ms: number[]): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0, mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length) };
}




/** What a phase needs to talk to the API and account for its CPU. */
interface World {
  base: string;
  pid: number;
  database: string;
  databaseUrl: string;
  ready: ServerReady;
  options: Options;
}

/** Runs `work`, timing it and the CPU of the API, of the database's backends and of the rest. */
async function phase(w: World, name: string, work: (record: (kind: string, ms: number) => void) => Promise<string>): Promise<Phase> {
  const samples: Record<string, number[]> = {};
  const record = (kind: string, ms: number) => void (samples[kind] ??= []).push(ms);
  const api0 = cpuSeconds(w.pid);
  const pg0 = postgresSeconds(w.database);
  const machine0 = machineSeconds().busy;
  const started = performance.now();
  const note = await work(record);
  const wallSeconds = (performance.now() - started) / 1000;
  const apiCpuSeconds = cpuSeconds(w.pid) - api0;
  const postgresCpuSeconds = postgresSecondsBetween(pg0, postgresSeconds(w.database));
  const otherCpuSeconds = Math.max(0, machineSeconds().busy - machine0 - apiCpuSeconds - postgresCpuSeconds);
  const latencies = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)]));
  const result = { name, wallSeconds, apiCpuSeconds, postgresCpuSeconds, otherCpuSeconds, latencies, note };
  // Each phase printed as it ends (a long run stopped early keeps what it measured).
  console.log(`${name}: ${wallSeconds.toFixed(1)} s${note ? ` (${note})` : ''}; CPU API ${apiCpuSeconds.toFixed(1)} s, PostgreSQL ${postgresCpuSeconds.toFixed(1)} s, other ${otherCpuSeconds.toFixed(1)} s`);
  for (const [kind, l] of Object.entries(latencies)) console.log(`  ${kind}: n ${l.count}, p50 ${Math.round(l.p50)} ms, p95 ${Math.round(l.p95)} ms, p99 ${Math.round(l.p99)} ms, max ${Math.round(l.max)} ms`);
  return result;
}

/** Pulls items from one queue with `clients` concurrent workers. */
async function pool<T>(items: T[], clients: number, each: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await each(items[i]);
  };
  await Promise.all(Array.from({ length: clients }, worker));
}

async function timed<T>(record: (kind: string, ms: number) => void, kind: string, call: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await call();
  record(kind, performance.now() - t0);
  return out;
}

async function graphql(w: World, key: string, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await fetch(`${w.base}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL (HTTP ${res.status}): ${JSON.stringify(body.errors).slice(0, 1000)}`);
  return body.data!;
}

async function rest(w: World, key: string, method: string, route: string, body?: unknown, expected = [200, 201]): Promise<Record<string, any>> {
  const res = await fetch(`${w.base}${route}`, { method, headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!expected.includes(res.status)) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 1000)}`);
  return JSON.parse(text) as Record<string, any>;
}

/** A file the service recognises as a PDF, different for every (station, index). */
function evidence(station: string, index: number, kib: number): Blob {
  const head = Buffer.from(`%PDF-1.4\n% ${station} evidence ${index}\n`, 'latin1');
  const bytes = Buffer.alloc(kib * 1024, ` ${station}/${index} `);
  head.copy(bytes, 0);
  return new Blob([bytes], { type: 'application/pdf' });
}

async function upload(w: World, key: string, file: Blob, name: string): Promise<string> {
  const form = new FormData();
  form.append('file', file, name);
  const res = await fetch(`${w.base}/api/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${text.slice(0, 500)}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** The draft of one station: materials for every criterion (two with files), the 附件3 with its scan. */
function draft(criteria: readonly { id: string; code: string }[], files: string[]): Record<string, unknown> {
  return {
    materials: criteria.map((c, i) => ({ criterion: c.id, items: [{ title: `${c.code} 提供材料目录`, fileIds: i < 2 ? [files[i]] : [] }] })),
    missingItems: [],
    certification: {
      items: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), true])),
      remarks: '有关情况说明',
      certifiedBy: '县市场监督管理局',
      certifiedOn: '2026-05-20',
      sealedScanFileId: files[2],
    },
  };
}

/** Apply: every station uploads 3 files, writes its draft and submits, by its county's key. */
function apply(w: World, roundId: string) {
  const criteria = getRubricIndex(getRubric(RUBRIC)).criteria;
  return async (record: (kind: string, ms: number) => void): Promise<string> => {
    await pool(w.ready.stations, w.options.clients, async ([code, county]) => {
      const key = w.ready.keys.counties[county];
      const files: string[] = [];
      for (let i = 0; i < 3; i++) files.push(await timed(record, 'upload', () => upload(w, key, evidence(code, i, w.options.fileKib), `${code}-材料${i + 1}.pdf`)));
      const route = `/api/v1/rounds/${roundId}/applications/${code}`;
      await timed(record, 'PUT draft', () => rest(w, key, 'PUT', route, draft(criteria, files), [201]));
      const submitted = await timed(record, 'submit', () => rest(w, key, 'POST', `${route}/submit`, undefined, [200]));
      if (submitted.status !== 'SUBMITTED') throw new Error(`${code}: submitted answered ${submitted.status}`);
    });
    return `${w.ready.stations.length} applications, ${w.ready.stations.length * 3} files of ${w.options.fileKib} KiB, ${w.options.clients} clients`;
  };
}

/** One document per station: an aliased reviewCriterion for each assessed criterion. */
function reviewDocument(assessed: { id: string; points: number }[], index: number): string {
  const fields = assessed.map((c, i) => {
    // Most criteria full marks, every 7th station loses half a point on every 5th criterion.
    const points = index % 7 === 0 && i % 5 === 0 ? Math.max(0, c.points - 0.5) : c.points;
    return `c${i}: reviewCriterion(roundId: $r, stationCode: $s, criterionId: "${c.id}", points: ${points}, note: "材料齐全") { status }`;
  });
  return `mutation($r: ID!, $s: String!) { ${fields.join(' ')} }`;
}

function review(w: World, roundId: string) {
  const assessed = getRubricIndex(getRubric(RUBRIC)).criteria.filter((c) => c.source === 'ASSESSED');
  return async (record: (kind: string, ms: number) => void): Promise<string> => {
    const stations = w.ready.stations.map(([code], i) => ({ code, i })).slice(0, w.options.graphqlReview);
    await pool(stations, w.options.clients, async ({ code, i }) => {
      const data = await timed(record, `document (${assessed.length} reviewCriterion)`, () => graphql(w, w.ready.keys.province, reviewDocument(assessed, i), { r: roundId, s: code }));
      const last = data[`c${assessed.length - 1}`] as { status: string };
      if (last.status !== 'REVIEWED') throw new Error(`${code}: after its last review the application is ${last.status}`);
    });
    const total = stations.length * assessed.length;
    return `${total} reviewCriterion mutations in ${stations.length} documents, ${w.options.clients} clients`;
  };
}

/**
 * --graphql-review N: the applications not reviewed over GraphQL get the same rows written
 * by SQL (every assessed criterion at full points, SUBMITTED → IN_REVIEW → REVIEWED), so that
 * publish, confirm and verify still run on the whole province. Not the API: no audit rows.
 */
function seedReviews(w: World, roundId: string) {
  const assessed = getRubricIndex(getRubric(RUBRIC)).criteria.filter((c) => c.source === 'ASSESSED');
  return async (): Promise<string> => {
    const client = new pg.Client({ connectionString: w.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      const ids = (await client.query(`SELECT id FROM round_application WHERE round_id = $1 AND status = 'SUBMITTED' FOR UPDATE`, [roundId])).rows.map((r: { id: string }) => r.id);
      await client.query(
        `INSERT INTO round_criterion_review (application_id, criterion_id, points, note) SELECT a, c.id, c.points, '材料齐全' FROM unnest($1::uuid[]) AS a CROSS JOIN unnest($2::text[], $3::numeric[]) AS c(id, points)`,
        [ids, assessed.map((c) => c.id), assessed.map((c) => c.points)],
      );
      await client.query(
        `INSERT INTO round_application_transition (application_id, from_status, to_status, actor_role) SELECT a, f, t, 'SYSTEM' FROM unnest($1::uuid[]) AS a CROSS JOIN (VALUES ('SUBMITTED', 'IN_REVIEW'), ('IN_REVIEW', 'REVIEWED')) AS s(f, t)`,
        [ids],
      );
      await client.query(`UPDATE round_application SET status = 'REVIEWED', version = version + 2 WHERE id = ANY($1::uuid[])`, [ids]);
      await client.query('COMMIT');
      return `${ids.length} applications, ${ids.length * assessed.length} reviews written by SQL (not measured as API work)`;
    } finally {
      await client.end();
    }
  };
}

const ROUND = 'id status chainHead counts { status count }';

/** The whole round, phase by phase; answers the phases and the round's id. */
async function runRound(w: World): Promise<{ phases: Phase[]; roundId: string; verification: Record<string, any> }> {
  const province = w.ready.keys.province;
  const phases: Phase[] = [];
  let roundId = '';
  phases.push(
    await phase(w, 'openRound', async () => {
      const input = { provinceCode: '130000', name: `基准批次 ${new Date().toISOString()}`, level: 'FIVE_STAR', cutOff: AS_OF, applicationDeadline: new Date(Date.now() + 86_400_000).toISOString(), publicationDays: 7 };
      roundId = (await graphql(w, province, `mutation($i: OpenRoundInput!) { openRound(input: $i) { ${ROUND} } }`, { i: input })).openRound.id;
      return '';
    }),
  );
  phases.push(await phase(w, 'apply (upload, draft, submit)', apply(w, roundId)));
  phases.push(await phase(w, 'closeApplications', async () => (await graphql(w, province, `mutation($r: ID!) { closeApplications(roundId: $r) { ${ROUND} } }`, { r: roundId })).closeApplications.status));
  phases.push(await phase(w, 'review', review(w, roundId)));
  if (w.options.graphqlReview < w.ready.stations.length) phases.push(await phase(w, 'review of the rest, by SQL', seedReviews(w, roundId)));
  const today = todayIn('Asia/Shanghai');
  phases.push(await phase(w, 'publishRound', async () => (await graphql(w, province, `mutation($r: ID!, $f: String!) { publishRound(roundId: $r, from: $f) { ${ROUND} } }`, { r: roundId, f: today })).publishRound.status));
  phases.push(
    await phase(w, 'confirmRound', async () => {
      const confirmed = (await graphql(w, w.ready.keys.admin, `mutation($r: ID!, $e: String) { confirmRound(roundId: $r, earlyReason: $e) { ${ROUND} } }`, { r: roundId, e: '基准测试：提前认定' })).confirmRound;
      return `${confirmed.status}; ${JSON.stringify(confirmed.counts)}`;
    }),
  );
  let verification: Record<string, any> = {};
  phases.push(
    await phase(w, 'verifyRound', async () => {
      verification = (await graphql(w, province, `query($id: ID!) { verifyRound(id: $id) { ok checked mismatches { stationCode reason } chainHead } }`, { id: roundId })).verifyRound;
      return `ok ${verification.ok}, checked ${verification.checked}`;
    }),
  );
  return { phases, roundId, verification };
}

async function startServer(databaseUrl: string, options: Options, filesDir: string): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const child = fork(path.join(here, 'server.js'), [], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_MIGRATE: 'false', REDIS_URL: '', FILES_DIR: filesDir, BENCH_STATIONS: String(options.stations), BENCH_SEED: options.seed, BENCH_AS_OF: AS_OF },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=bench/rounds/tmp/prof" to profile the API
    execArgv: (process.env.BENCH_SERVER_NODE_OPTIONS ?? '').split(' ').filter(Boolean),
  });
  const ready = await new Promise<ServerReady>((resolve, reject) => {
    child.once('message', (m) => resolve(m as ServerReady));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { child, ready };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send('stop');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Checks of the end state: counts per status, results, verification. */
async function problemsOf(databaseUrl: string, roundId: string, stations: number, verification: Record<string, any>): Promise<string[]> {
  const problems: string[] = [];
  const statuses = (await adminQuery(databaseUrl, `SELECT status, count(*)::int AS n FROM round_application WHERE round_id = '${roundId}' GROUP BY status`)).rows as { status: string; n: number }[];
  const decided = statuses.filter((s) => s.status === 'AWARDED' || s.status === 'NOT_AWARDED').reduce((n, s) => n + s.n, 0);
  if (decided !== stations) problems.push(`applications AWARDED or NOT_AWARDED: ${decided} of ${stations} (${JSON.stringify(statuses)})`);
  const results = Number((await adminQuery(databaseUrl, `SELECT count(*) AS n FROM round_result WHERE round_id = '${roundId}'`)).rows[0].n);
  if (results !== stations) problems.push(`round_result rows: ${results} of ${stations}`);
  if (verification.ok !== true || verification.checked !== stations) problems.push(`verifyRound: ${JSON.stringify(verification).slice(0, 500)}`);
  return problems;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(tmp, { recursive: true });
  const { adminUrl, embedded } = await adminServer(path.join(tmp, 'pg'), 54359);
  const database = `ss_bench_rounds_${process.pid}_${Date.now().toString(36)}`;
  const databaseUrl = await createScratchDatabase(adminUrl, database);
  const filesDir = path.join(tmp, `files-${process.pid}`);
  let child: ChildProcess | null = null;
  let sampler: NodeJS.Timeout | null = null;
  try {
    await runMigrations(databaseUrl);
    const pgVersion = String((await adminQuery(adminUrl, 'SHOW server_version')).rows[0].server_version);
    const server = await startServer(databaseUrl, options, filesDir);
    child = server.child;
    const pid = child.pid!;
    console.log(`province of ${server.ready.stations.length} stations written in ${server.ready.loadSeconds.toFixed(1)} s; ${Object.keys(server.ready.keys.counties).length} county keys`);
    let peakRss = 0;
    sampler = setInterval(() => void (peakRss = Math.max(peakRss, memoryOf(pid).rssMb)), 200);
    const rssAtStart = memoryOf(pid).rssMb;
    const loadAtStart = os.loadavg();
    const w: World = { base: `http://127.0.0.1:${server.ready.port}`, pid, database, databaseUrl, ready: server.ready, options };
    const { phases, roundId, verification } = await runRound(w);
    const loadAtEnd = os.loadavg();
    const memory = memoryOf(pid);
    const problems = await problemsOf(databaseUrl, roundId, server.ready.stations.length, verification);
    const results = {
      when: new Date().toISOString(),
      command: `node dist/bench/rounds/run.js${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
      options,
      machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: pgVersion, database: embedded ? 'embedded' : 'DATABASE_URL' },
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      loadSeconds: server.ready.loadSeconds,
      phases,
      serverRssMb: { start: rssAtStart, end: memory.rssMb, peakSampled: peakRss, peakVmHWM: memory.peakMb },
      verification: { ...verification, mismatches: verification.mismatches?.length },
      problems,
    };
    const file = path.join(tmp, `results-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));
    console.log(`\n${markdown(phases)}\n\nload average ${loadAtStart.map((v) => v.toFixed(2)).join(' ')} → ${loadAtEnd.map((v) => v.toFixed(2)).join(' ')}; API RSS ${Math.round(rssAtStart)} MB after loading, ${Math.round(memory.rssMb)} MB at the end, peak ${Math.round(memory.peakMb)} MB (VmHWM)\nraw results: ${path.relative(root, file)}`);
    if (problems.length > 0) {
      console.error(`PROBLEMS:\n  ${problems.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (sampler) clearInterval(sampler);
    if (child) await stopServer(child);
    rmSync(filesDir, { recursive: true, force: true });
    if (!options.keep) await dropScratchDatabase(adminUrl, database).catch(() => undefined);
    await embedded?.stop();
  }
}

function markdown(phases: Phase[]): string {
  const ms = (v: number) => `${Math.round(v)}`;
  const lines = ['| phase | wall | CPU: API / PostgreSQL / other | request | n | p50 ms | p95 ms | p99 ms | max ms |', '|---|---:|---:|---|---:|---:|---:|---:|---:|'];
  for (const p of phases) {
    const kinds = Object.entries(p.latencies);
    const head = [p.name, `${p.wallSeconds.toFixed(1)} s`, [p.apiCpuSeconds, p.postgresCpuSeconds, p.otherCpuSeconds].map((v) => v.toFixed(1)).join(' / ') + ' s'];
    if (kinds.length === 0) lines.push(`| ${[...head, '', '', '', '', '', ''].join(' | ')} |`);
    kinds.forEach(([kind, k], i) => lines.push(`| ${[...(i === 0 ? head : ['', '', '']), kind, k.count, ms(k.p50), ms(k.p95), ms(k.p99), ms(k.max)].join(' | ')} |`));
  }
  return lines.join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
