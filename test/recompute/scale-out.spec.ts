// Two of everything: 2 API processes and 2 worker processes (real child processes) on one
// PostgreSQL database and one queue prefix. A burst of 10,000 changes across 500 stations
// arrives through the REST API of both API processes, a nightly run and a reference-data
// run start meanwhile, and one worker is SIGKILLed in the middle of the nightly run.
// Afterwards every station's score is what a single-process recompute of the same data
// says, every run has completed, the nightly ran once, and no two recomputes of a station
// ever held it at the same time (recorded by the workers in the scoring transaction).
import type { Person, StationBundle } from '../../src/domain/station-data.js';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { generateProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RECOMPUTE_JOBS } from '../../src/recompute/recompute-jobs.js';
import { RecomputeQueue } from '../../src/recompute/recompute-queue.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { getRubric } from '../../src/rubric/index.js';
import { StarPolicyStore } from '../../src/rubric/star-policies.service.js';
import { scoreStation } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { spawnTs, type TsProcess } from '../support/child-process.js';
import { insertMediationAverages } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const TODAY = todayIn('Asia/Shanghai');
const STATIONS = 500;
const CHANGES_PER_STATION = 20;
const BLOCK = 40;
const LANES = 8;
const province = generateProvince({ stations: STATIONS, seed: 'scale-out', asOf: TODAY });
const rubric = getRubric('national-2023');

let t: TestApp;
let apis: { process: TsProcess; url: string }[] = [];
let workers: TsProcess[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.app.get(RegionsService).upsert(province.regions.map(({ code, name }) => ({ code, name })));
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  await t.app.get(StationBundleWriter).writeMany(province.stations());
  // The starting point is scored here; the processes below get the burst.
  const scoring = t.app.get(StationScoringService);
  for (let i = 0; i < STATIONS; i += 100) await scoring.score(province.stationCodes.slice(i, i + 100));
  // Already scored: no work left for the workers (a fresh queue would otherwise be taken
  // for one that lost its jobs, and the changes of the last day queued again).
  await t.dataSource.query(`DELETE FROM outbox_event`);
  await t.dataSource.query(`CREATE TABLE test_recompute_log (
    id bigserial PRIMARY KEY, station_code varchar(32) NOT NULL, called_at timestamptz NOT NULL,
    locked_at timestamptz NOT NULL, written_at timestamptz NOT NULL, pid integer NOT NULL)`);

  const env = {
    DATABASE_URL: t.database.url,
    DATABASE_MIGRATE: 'false',
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: t.config.queue.redisUrl ?? '',
    QUEUE_PREFIX: t.config.queue.prefix,
    LOG_LEVEL: 'error',
    FILES_DIR: t.filesDir,
  };
  const workerEnv = {
    ...env,
    RECORD_RECOMPUTES: '1',
    WORKER_CONCURRENCY: '2',
    WORKER_LOCK_MS: '2000',
    RECOMPUTE_CHUNK_SIZE: '10',
    RECOMPUTE_DEBOUNCE_MS: '500',
    OUTBOX_POLL_MS: '100',
  };
  const started = [spawnTs('test/support/api-process.ts', env), spawnTs('test/support/api-process.ts', env)];
  workers = [spawnTs('test/recompute/support/worker-process.ts', workerEnv), spawnTs('test/recompute/support/worker-process.ts', workerEnv)];
  await Promise.all([...started.map((p) => p.waitForOutput('api-ready', 60_000)), ...workers.map((w) => w.waitForOutput('worker-ready', 60_000))]);
  apis = started.map((p) => ({ process: p, url: `http://127.0.0.1:${/api-ready (\d+)/.exec(p.output())![1]}` }));
}, 120_000);

afterAll(async () => {
  for (const child of [...apis.map((a) => a.process), ...workers]) {
    if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGTERM');
  }
  await Promise.all([...apis.map((a) => a.process.exited), ...workers.map((w) => w.exited)]);
  await t?.close();
}, 60_000);

interface Push {
  method: 'PATCH' | 'POST';
  path: string;
  key: string;
  body: { items: unknown[] };
}

/**
 * 20 changes per station, each a new `lastHealthCheckOn` for one person (a value that
 * person never had, so every row is an update): 10 through PATCH of the station's roster
 * with its county's key, 10 through bulk batches of 40 stations with the province key.
 * A block's requests go out together, so that a station's changes arrive close in time.
 */
async function planBurst(): Promise<Push[]> {
  const keys = new Map<string, string>();
  const keyOf = async (region: string, role: 'COUNTY' | 'PROVINCE') => {
    if (!keys.has(region)) keys.set(region, await t.apiKey(role, region));
    return keys.get(region)!;
  };
  const provinceKey = await keyOf(province.provinceCode, 'PROVINCE');
  const pushes: Push[] = [];
  for (let start = 0; start < STATIONS; start += BLOCK) {
    const block: Push[] = [];
    const bundles = province.stationCodes.slice(start, start + BLOCK).map((_, i) => province.station(start + i));
    const changes = bundles.map((bundle, i) => changesOf(bundle, start + i));
    for (const [i, bundle] of bundles.entries()) {
      const key = await keyOf(bundle.profile.countyCode, 'COUNTY');
      for (const items of uniqueBatches(changes[i].slice(0, CHANGES_PER_STATION / 2))) {
        block.push({ method: 'PATCH', path: `/api/v1/stations/${bundle.code}/personnel`, key, body: { items } });
      }
    }
    for (let k = CHANGES_PER_STATION / 2; k < CHANGES_PER_STATION; k++) {
      block.push({ method: 'POST', path: '/api/v1/bulk/personnel', key: provinceKey, body: { items: bundles.map((b, i) => ({ stationCode: b.code, ...changes[i][k] })) } });
    }
    // Interleaved deterministically: PATCH and bulk requests of the block mixed.
    pushes.push(...block.map((push, i) => ({ push, order: (i * 7919) % block.length })).sort((a, b) => a.order - b.order).map((x) => x.push));
  }
  return pushes;
}

/** The station's 20 changed person rows, in order. */
function changesOf(bundle: StationBundle, index: number): Person[] {
  const used = new Map(bundle.personnel.map((p) => [p.externalId, new Set([p.lastHealthCheckOn])]));
  return Array.from({ length: CHANGES_PER_STATION }, (_, k) => {
    const person = bundle.personnel[k % bundle.personnel.length];
    let value = addDays(TODAY, -1 - ((index * 37 + k * 53) % 700));
    while (used.get(person.externalId)!.has(value)) value = addDays(value, -1);
    used.get(person.externalId)!.add(value);
    return { ...person, lastHealthCheckOn: value };
  });
}

/** Batches in which every person appears once, in order. */
function uniqueBatches(rows: Person[]): Person[][] {
  const batches: Person[][] = [];
  for (const row of rows) {
    const batch = batches.find((b) => b.length < 5 && !b.some((r) => r.externalId === row.externalId));
    if (batch) batch.push(row);
    else batches.push([row]);
  }
  return batches;
}

async function send(push: Push, api: string): Promise<{ status: number; updated: number; body: string }> {
  const response = await fetch(`${api}${push.path}`, {
    method: push.method,
    headers: { authorization: `Bearer ${push.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(push.body),
  });
  const body = await response.text();
  return { status: response.status, updated: response.ok ? (JSON.parse(body) as { updated: number }).updated : 0, body };
}

/** Two recomputes of one station between lock and written score at the same time. */
const OVERLAPS = `SELECT a.station_code, a.locked_at, a.written_at, b.locked_at AS other_locked_at, b.written_at AS other_written_at
  FROM test_recompute_log a JOIN test_recompute_log b ON a.station_code = b.station_code AND a.id < b.id
  WHERE a.locked_at < b.written_at AND b.locked_at < a.written_at LIMIT 5`;

interface RunRow {
  id: string;
  trigger: string;
  status: string;
  total: number;
  done: number;
  failed: number;
}

const runs = () => t.dataSource.query(`SELECT id, trigger, status, total, done, failed FROM recompute_run ORDER BY created_at`);

test('a 10,000-change burst through 2 API processes, 2 workers, a nightly run and a killed worker', async () => {
  const pushes = await planBurst();
  expect(pushes.flatMap((p) => p.body.items)).toHaveLength(STATIONS * CHANGES_PER_STATION);
  const queue = t.app.get(RecomputeQueue).instance;
  const admin = await t.apiKey('ADMIN', province.provinceCode);
  const [average] = province.mediationAverages.map((a) => a.year);

  // The worker to kill dies once the nightly run is under way: some chunks counted, not all.
  let killedAt: { done: number; total: number } | null = null;
  const killer = (async () => {
    const nightly = await waitFor(
      () => t.dataSource.query(`SELECT status, total, done FROM recompute_run WHERE trigger = 'NIGHTLY'`).then((r) => r[0]),
      (r) => r?.status === 'RUNNING' && r.done > 0,
      { timeoutMs: 90_000, intervalMs: 10 },
    );
    workers[0].child.kill('SIGKILL');
    killedAt = { done: nightly.done, total: nightly.total };
  })();

  let next = 0;
  let updated = 0;
  const failures: string[] = [];
  const lane = async (lane: number) => {
    for (let i = next++; i < pushes.length; i = next++) {
      if (i === Math.floor(pushes.length / 20)) await queue.add(RECOMPUTE_JOBS.nightly, {});
      if (i === Math.floor(pushes.length / 10)) {
        const put = await fetch(`${apis[1].url}/api/v1/reference/mediation-averages/${average}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ rate: 0.999 }),
        });
        if (put.status !== 200) failures.push(`mediation average: ${put.status}`);
      }
      const answer = await send(pushes[i], apis[(i + lane) % apis.length].url);
      if (answer.status !== 200) failures.push(`${pushes[i].method} ${pushes[i].path}: ${answer.status} ${answer.body.slice(0, 300)}`);
      updated += answer.updated;
    }
  };
  const burstStarted = Date.now();
  await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
  const burstMs = Date.now() - burstStarted;
  expect(failures).toEqual([]);
  expect(updated).toBe(STATIONS * CHANGES_PER_STATION);

  await killer;
  expect(killedAt).not.toBeNull();
  expect(killedAt!.done).toBeLessThan(killedAt!.total);
  expect(await workers[0].exited).toEqual({ code: null, signal: 'SIGKILL' });

  // Everything settles on the surviving worker.
  const finished = await waitFor(runs, (rows) => rows.length === 2 && rows.every((r: { status: string }) => r.status !== 'QUEUED' && r.status !== 'RUNNING'), {
    timeoutMs: 120_000,
    intervalMs: 200,
  });
  await waitForRecomputesIdle(t, 120_000);
  const settledMs = Date.now() - burstStarted;

  // Every run completed; the nightly ran once, over every station.
  const outcome = (finished as RunRow[]).map(({ id: _id, ...run }) => run).sort((a, b) => a.trigger.localeCompare(b.trigger));
  expect(outcome).toEqual([
    { trigger: 'NIGHTLY', status: 'SUCCEEDED', total: STATIONS, done: STATIONS, failed: 0 },
    { trigger: 'REFERENCE_DATA', status: 'SUCCEEDED', total: STATIONS, done: STATIONS, failed: 0 },
  ]);
  expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });

  // Every score is what one process computes from the same data.
  const loaded = await new FactsLoader(t.dataSource.manager).load(province.stationCodes, rubric.version);
  const policy = (await t.app.get(StarPolicyStore).activeFor([province.provinceCode])).get(province.provinceCode)!;
  const rows: { station_code: string; input_hash: string; total: number; stars: number }[] = await t.dataSource.query(
    `SELECT station_code, input_hash, total::float8 AS total, stars FROM station_score`,
  );
  const stored = new Map(rows.map((r) => [r.station_code, r]));
  const mismatches = province.stationCodes.filter((code) => {
    const expected = scoreStation(loaded.get(code)!.facts, { cutOff: TODAY, rubric, policy });
    const row = stored.get(code);
    return row?.input_hash !== expected.inputHash || row.total !== expected.total || row.stars !== expected.stars;
  });
  expect(mismatches).toEqual([]);

  // No two recomputes of one station ever held it at the same time. The log is written in
  // the scoring transaction (a killed worker's rolled-back recompute leaves nothing), by
  // both workers, for every station.
  const [log] = await t.dataSource.query(`SELECT count(*)::int AS recomputes, count(DISTINCT station_code)::int AS stations, count(DISTINCT pid)::int AS workers FROM test_recompute_log`);
  expect(log.stations).toBe(STATIONS);
  expect(log.workers).toBe(2);
  expect(await t.dataSource.query(OVERLAPS)).toEqual([]);
  const contendedInBurst = await contended();

  // The probe sees contention when there is some: two chunk jobs over the same stations at
  // once (two runs) on the surviving worker; one waits for the other's locks.
  const codes = province.stationCodes.slice(0, 10);
  const control = await t.dataSource.query(
    `INSERT INTO recompute_run (trigger, status, cut_off, total, started_at) SELECT 'MANUAL', 'RUNNING', $1, $2, now() FROM generate_series(1, 2) RETURNING id`,
    [TODAY, codes.length],
  );
  await queue.addBulk(control.map((run: { id: string }) => ({ name: RECOMPUTE_JOBS.chunk, data: { runId: run.id, chunkNo: 0, stationCodes: codes } })));
  await waitFor(
    () => t.dataSource.query(`SELECT status FROM recompute_run WHERE id = ANY($1::uuid[])`, [control.map((r: { id: string }) => r.id)]),
    (rows) => rows.every((r: { status: string }) => r.status === 'SUCCEEDED'),
  );
  expect(await contended()).toBeGreaterThan(contendedInBurst);
  expect(await t.dataSource.query(OVERLAPS)).toEqual([]);
  process.stdout.write(
    `scale-out: ${pushes.length} requests (${STATIONS * CHANGES_PER_STATION} changes) in ${burstMs} ms; settled ${settledMs} ms after the burst began; ` +
      `worker killed at nightly ${killedAt!.done}/${killedAt!.total}; ${log.recomputes} station recomputes, ${contendedInBurst} of them waited for another\n`,
  );
}, 240_000);

/**
 * Recomputes of a station asked for while an earlier one of the same station was under way
 * (asked for, not yet written): both wanted the station at once, and the later one had to
 * wait for the earlier one's lock.
 */
async function contended(): Promise<number> {
  const [{ n }] = await t.dataSource.query(
    `SELECT count(*)::int AS n FROM test_recompute_log a JOIN test_recompute_log b ON a.station_code = b.station_code AND a.id <> b.id
     WHERE b.called_at >= a.called_at AND b.called_at < a.written_at AND b.locked_at >= a.written_at`,
  );
  return n;
}
