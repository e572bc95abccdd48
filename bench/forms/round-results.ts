// Round result table benchmark: GET /api/v1/rounds/{id}/results.xlsx of a round with 40,000
// submitted applications, over HTTP from the real app, read to the last byte. Target (issue
// 14): ≤ 15 s and ≤ 300 MB RSS (peak of the process running both the app and the client,
// VmHWM; one run per process).
//
// - computed: the round in REVIEW: every row is scored now from its frozen facts (≈ 33 KB of
//   JSON each, 50 generated stations' facts repeated) with its round reviews (every assessed
//   criterion reviewed: ≈ 2.8 million round_criterion_review rows), the cursor's heavy case.
// Each mode downloads the table twice and reports both times (the second download of a
// computed round reads its results from the memo, src/forms/sources/round-result-memo.ts).
//
// - stored: the round CONFIRMED: every row comes from round_result (the result's headline is
//   cut out of its jsonb in SQL; the frozen facts are not read).
//
//   npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node dist/bench/forms/round-results.js --mode computed|stored [--rows 40000]
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { generateProvince } from '../../src/generator/index.js';
import { getRubric, getRubricIndex, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { FROZEN_FACTS_FORMAT, type StationFactsJson } from '../../src/rounds/round-facts.js';
import { scoreApplication, EMPTY_OVERLAY } from '../../src/rounds/round-scoring.js';
import { resultDigest } from '../../src/scoring/result-digest.js';
import { factsFromBundle } from '../scoring-engine/facts-from-bundle.js';
import { insertScoredStations } from './scored-stations.js';
import { createScratchDatabase, dropScratchDatabase } from '../support/database.js';
import { download } from '../support/download.js';
import { memoryOf } from '../support/process.js';

type Mode = 'computed' | 'stored';
const TEMPLATES = 50;
const CUT_OFF = '2026-06-30';

function options(argv: string[]): { mode: Mode; rows: number } {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const mode = value('mode') ?? 'computed';
  if (mode !== 'computed' && mode !== 'stored') throw new Error('--mode computed|stored');
  const rows = Number(value('rows') ?? 40_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive integer');
  return { mode, rows };
}


/** Frozen facts of 50 generated stations, as freezeFacts stores them. */
function templates(): StationFactsJson[] {
  const province = generateProvince({ stations: TEMPLATES, seed: 'round-bench', asOf: CUT_OFF });
  return [...province.stations()].map((bundle) => {
    const { assessments: _a, missingItemMarks: _m, digests: _d, ...facts } = factsFromBundle(bundle, province.mediationAverages, []);
    return JSON.parse(JSON.stringify({ format: FROZEN_FACTS_FORMAT, rubricVersion: NATIONAL_DEFAULT_POLICY.rubricVersion, facts })) as StationFactsJson;
  });
}

const CERTIFICATION = { items: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), true])), remarks: '无', certifiedBy: '某县市场监督管理局', certifiedOn: '2026-06-20', sealedScanFileId: '00000000-0000-4000-8000-000000000000' };

/** A round of 130000 with `n` REVIEWED applications (every assessed criterion reviewed); CONFIRMED with results for `stored`. */
async function fill(client: pg.Client, n: number, mode: Mode): Promise<string> {
  await insertScoredStations(client, '130000', '河北省', n);
  const [round] = (
    await client.query(
      `INSERT INTO rating_round (province_code, name, level, cut_off, case_sample_from, case_sample_to, application_deadline, publication_days, rubric_version, star_policy_id, star_policy, status, applications_closed_at, version)
       VALUES ('130000', '基准测试评定', 'FIVE_STAR', $1, '2026-03-01', $1, now(), 7, $2, $3, $4::jsonb, 'REVIEW', now(), 1) RETURNING id`,
      [CUT_OFF, NATIONAL_DEFAULT_POLICY.rubricVersion, NATIONAL_DEFAULT_POLICY.id, JSON.stringify(NATIONAL_DEFAULT_POLICY)],
    )
  ).rows as { id: string }[];
  const facts = templates();
  await client.query(`CREATE TEMP TABLE template (i int, facts jsonb)`);
  await client.query(`INSERT INTO template SELECT i - 1, f FROM unnest($1::jsonb[]) WITH ORDINALITY AS t(f, i)`, [facts.map((f) => JSON.stringify(f))]);
  await client.query(
    `INSERT INTO round_application (round_id, station_code, status, certification, submitted_at, frozen_facts, frozen_input_hash, version)
     SELECT $1, s.code, 'REVIEWED', $2::jsonb, now(), jsonb_set(t.facts, '{facts,code}', to_jsonb(s.code)), repeat('a', 64), 1
     FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM station WHERE province_code = '130000') s JOIN template t ON t.i = s.n % ${TEMPLATES}`,
    [round.id, JSON.stringify(CERTIFICATION)],
  );
  const assessed = getRubricIndex(getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion)).criteria.filter((c) => c.source === 'ASSESSED');
  // The reviews are what scoring reads; a confirmed round's table does not read them.
  if (mode === 'computed') {
    await client.query(
    `INSERT INTO round_criterion_review (application_id, criterion_id, points, note)
     SELECT a.id, c.id, c.points, '材料审核符合要求' FROM round_application a, unnest($1::text[], $2::numeric[]) AS c(id, points) WHERE a.round_id = $3`,
      [assessed.map((c) => c.id), assessed.map((c) => c.points), round.id],
    );
  }
  if (mode === 'stored') {
    const result = scoreApplication({ ...NATIONAL_DEFAULT_POLICY, level: 'FIVE_STAR', cutOff: CUT_OFF, caseSampleFrom: '2026-03-01', caseSampleTo: CUT_OFF, starPolicy: NATIONAL_DEFAULT_POLICY }, { stationCode: 'x', frozenFacts: facts[0], missingItems: [], certification: CERTIFICATION }, EMPTY_OVERLAY);
    await client.query(
      `INSERT INTO round_result (application_id, round_id, station_code, seq, input_hash, result_digest, previous_hash, chain_hash, result, inputs, total, stars, awarded, confirmed_at)
       SELECT a.id, a.round_id, a.station_code, a.n, repeat('a', 64), $2, CASE WHEN a.n > 1 THEN repeat('c', 64) END, repeat('c', 64), $3::jsonb, '{}'::jsonb, $4, $5::smallint, $5::smallint >= 5, now()
       FROM (SELECT id, round_id, station_code, row_number() OVER (ORDER BY station_code) AS n FROM round_application WHERE round_id = $1) a`,
      [round.id, resultDigest(result), JSON.stringify(result), result.total, result.stars],
    );
    await client.query(`UPDATE round_application SET status = CASE WHEN $2 THEN 'AWARDED' ELSE 'NOT_AWARDED' END WHERE round_id = $1`, [round.id, result.stars >= 5]);
    await client.query(
      `UPDATE rating_round SET status = 'CONFIRMED', published_at = now(), publication_from = '2026-07-01', publication_to = '2026-07-07', confirmed_at = now(), version = version + 1 WHERE id = $1`,
      [round.id],
    );
  }
  await client.query('ANALYZE');
  return round.id;
}



async function bench(mode: Mode, rows: number): Promise<Record<string, string | number>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is required (a server where this user may CREATE DATABASE)');
  const { runMigrations } = await import('../../src/database/migrate.js');
  const { startBenchApi } = await import('../support/api.js');
  const { ApiKeyService } = await import('../../src/auth/api-key.service.js');
  const name = `ss_bench_round_${randomBytes(4).toString('hex')}`;
  const url = new URL(await createScratchDatabase(adminUrl, name));
  try {
    await runMigrations(url.toString());
    const load = performance.now();
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const roundId = await fill(client, rows, mode).finally(() => client.end());
    console.log(`loaded ${rows} applications (${mode}) in ${((performance.now() - load) / 1000).toFixed(1)} s (not timed)`);
    const { app, port } = await startBenchApi({ DATABASE_URL: url.toString(), QUEUE_PREFIX: name });
    try {
      const key = (await app.get(ApiKeyService).create('PROVINCE', '130000', 'bench')).key;
      // Twice: the second download of a computed round finds every result in the memo (nothing changed in between).
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 2; i++) {
        const started = performance.now();
        bytes = await download(`http://127.0.0.1:${port}/api/v1/rounds/${roundId}/results.xlsx`, key);
        times.push((performance.now() - started) / 1000);
      }
      return { rows, seconds: Number(times[0].toFixed(2)), 'second s': Number(times[1].toFixed(2)), 'file MB': Number((bytes / 1e6).toFixed(2)) };
    } finally {
      await app.close();
    }
  } finally {
    if (process.env.BENCH_KEEP_DB === '1') console.log(`kept database ${name}`);
    else await dropScratchDatabase(adminUrl, name);
  }
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const result = await bench(o.mode, o.rows);
  const rss = memoryOf().peakMb;
  console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.table([{ mode: o.mode, ...result, 'peak RSS MB': Math.round(rss), 'target s': 15, 'target MB': 300, met: Number(result.seconds) <= 15 && Number(result['second s']) <= 15 && rss <= 300 ? 'yes' : 'no' }]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
