// Forms benchmark: a province-wide table of 40,000 stations as .xlsx, target ≤ 15 s and
// ≤ 300 MB RSS. Two measurements, each best run in its own process (RSS is the process's
// peak, VmHWM):
//
// - results: a round's full result table (renderResultsXlsx, the streaming writer) from
//   40,000 rows made in memory, written to a file: the renderer alone.
// - ranking: GET /api/v1/regions/{province}/ranking.xlsx over HTTP from the real app, on a
//   scratch database holding 40,000 scored stations (rows inserted with SQL, not through the
//   push API), read to the last byte: server-side cursor, renderer and HTTP together.
//
//   npm run build && node dist/bench/forms/run.js --mode results [--rows 40000]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node dist/bench/forms/run.js --mode ranking [--rows 40000]
import { randomBytes } from 'node:crypto';
import { createWriteStream, statSync, unlinkSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { renderResultsXlsx } from '../../src/forms/render/xlsx/lists.xlsx.js';
import type { FormStation } from '../../src/forms/views/common.js';
import type { ResultRow } from '../../src/forms/views/lists.view.js';
import { insertScoredStations } from './scored-stations.js';
import { createScratchDatabase, dropScratchDatabase } from '../support/database.js';
import { download } from '../support/download.js';
import { memoryOf } from '../support/process.js';

interface Options {
  mode: 'results' | 'ranking';
  rows: number;
}

function options(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const mode = value('mode') ?? 'results';
  if (mode !== 'results' && mode !== 'ranking') throw new Error('--mode results|ranking');
  const rows = Number(value('rows') ?? 40_000);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive integer');
  return { mode, rows };
}


const COUNTY_NAMES = ['长安区', '桥西区', '新华区', '井陉县', '正定县', '行唐县', '灵寿县', '高邑县', '深泽县', '赞皇县'];

function station(i: number): FormStation {
  const county = 130101 + (i % 99);
  const countyName = COUNTY_NAMES[i % COUNTY_NAMES.length];
  return { code: `${county}${String(i).padStart(5, '0')}`, name: `${countyName}第${i}市场监督管理所`, countyCode: String(county), countyName, cityCode: '130100', cityName: '石家庄市', provinceName: '河北省' };
}

async function* resultRows(n: number): AsyncGenerator<ResultRow> {
  for (let i = 0; i < n; i++) {
    const rebased = 60 + ((i * 37) % 4000) / 100;
    const bonus = (i % 21) / 2;
    yield { station: station(i), status: i % 5 === 0 ? 'AWARDED' : 'NOT_AWARDED', raw: rebased, applicable: 100, rebased, bonus, total: rebased + bonus, stars: i % 5 === 0 ? 5 : 0, eligible: i % 97 !== 0, vetoCount: i % 97 === 0 ? 1 : 0, pendingCount: i % 13, resultDigest: randomBytes(32).toString('hex') };
  }
}

async function benchResults(o: Options): Promise<Record<string, string | number>> {
  const file = path.join(tmpdir(), `forms-bench-${process.pid}.xlsx`);
  const started = performance.now();
  const out = createWriteStream(file);
  const rows = await renderResultsXlsx({ round: { id: 'bench', name: '基准测试评定', provinceName: '河北省', level: 5, cutOff: '2026-05-31' }, rows: resultRows(o.rows), generatedAt: new Date(), timeZone: 'Asia/Shanghai' }, out);
  await finished(out);
  const seconds = (performance.now() - started) / 1000;
  const size = statSync(file).size;
  unlinkSync(file);
  return { rows, seconds: Number(seconds.toFixed(2)), 'file MB': Number((size / 1e6).toFixed(2)) };
}

async function benchRanking(o: Options): Promise<Record<string, string | number>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('--mode ranking needs DATABASE_URL (a server where this user may CREATE DATABASE)');
  const { runMigrations } = await import('../../src/database/migrate.js');
  const { startBenchApi } = await import('../support/api.js');
  const { ApiKeyService } = await import('../../src/auth/api-key.service.js');
  const name = `ss_bench_forms_${randomBytes(4).toString('hex')}`;
  const url = new URL(await createScratchDatabase(adminUrl, name));
  try {
    await runMigrations(url.toString());
    const load = performance.now();
    await fill(url.toString(), o.rows);
    console.log(`loaded ${o.rows} scored stations in ${((performance.now() - load) / 1000).toFixed(1)} s (not timed)`);
    const { app, port } = await startBenchApi({ DATABASE_URL: url.toString(), QUEUE_PREFIX: name });
    try {
      const key = (await app.get(ApiKeyService).create('PROVINCE', '130000', 'bench')).key;
      const started = performance.now();
      const bytes = await download(`http://127.0.0.1:${port}/api/v1/regions/130000/ranking.xlsx`, key);
      const seconds = (performance.now() - started) / 1000;
      return { rows: o.rows, seconds: Number(seconds.toFixed(2)), 'file MB': Number((bytes / 1e6).toFixed(2)) };
    } finally {
      await app.close();
    }
  } finally {
    await dropScratchDatabase(adminUrl, name);
  }
}

async function fill(url: string, n: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await insertScoredStations(client, '130000', '河北省', n);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}



async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const result = o.mode === 'results' ? await benchResults(o) : await benchRanking(o);
  const rss = memoryOf().peakMb;
  console.table([{ mode: o.mode, ...result, 'peak RSS MB': Math.round(rss), 'target s': 15, 'target MB': 300, met: Number(result.seconds) <= 15 && rss <= 300 ? 'yes' : 'no' }]);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
