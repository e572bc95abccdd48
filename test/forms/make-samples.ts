// Writes one sample of each form under docs/samples/, produced from the demo data through
// the running service's own endpoints (the live forms) and renderers (the round lists, whose
// endpoints come with rating rounds):
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node --import ./test/support/ts-loader/register.mjs test/forms/make-samples.ts [docs/samples] [--stations 24]
//
// It creates a scratch database on that server (dropped at the end), seeds the demo
// province into it as `npm start` does on an empty embedded database, scores it, and saves
// the files a COUNTY key of the chosen station's county downloads.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/migrate.js';
import { seedDemoIfEmpty } from '../../src/demo/demo-seed.js';
import { todayIn } from '../../src/domain/dates.js';
import { renderPublicationListPdf } from '../../src/forms/render/pdf/publication-list.pdf.js';
import { renderPublicationListXlsx, renderResultsXlsx } from '../../src/forms/render/xlsx/lists.xlsx.js';
import { DbRankingSource } from '../../src/forms/sources/live-sources.js';
import type { RankingRow, ResultRow, RoundHeader } from '../../src/forms/views/lists.view.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--stations');
  const stations = at >= 0 ? Number(args[at + 1]) : 24;
  const outDir = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1)) ?? 'docs/samples';
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL (a server where this user may CREATE DATABASE) is required');
  const name = `ss_samples_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const scratch = await mkdtemp(path.join(tmpdir(), 'ss-samples-'));
  try {
    await runMigrations(url.toString());
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), WORKER: 'off', LOG_LEVEL: 'warn', DEMO_STATIONS: String(stations), EMBEDDED_PG_DIR: path.join(scratch, 'pg'), QUEUE_PREFIX: name });
    const app = await createApp({ config, databaseUrl: url.toString(), databaseEmbedded: false, runWorker: false, emitSchemaFile: false }, { logger: ['error', 'warn'] });
    try {
      await app.getHttpAdapter().getInstance().ready();
      await seedDemoIfEmpty(app, config);
      const db = app.get(DataSource);
      const codes = (await db.query<{ code: string }[]>(`SELECT code FROM station ORDER BY code`)).map((r) => r.code);
      await app.get(StationScoringService).score(codes);
      // A station that shows most of the sheet: a reasonable missing item and a bonus if any, the best total.
      const [pick] = await db.query<{ code: string; county_code: string; province_code: string }[]>(
        `SELECT s.code, s.county_code, s.province_code FROM station s JOIN station_score ss ON ss.station_code = s.code JOIN score_snapshot sn ON sn.id = ss.snapshot_id
         ORDER BY (sn.missing_count > 0 AND sn.bonus > 0) DESC, ss.eligible DESC, ss.total DESC LIMIT 1`,
      );
      const key = (await app.get(ApiKeyService).create('COUNTY', pick.county_code, 'samples')).key;
      const provinceKey = (await app.get(ApiKeyService).create('PROVINCE', pick.province_code, 'samples')).key;
      await mkdir(outDir, { recursive: true });
      const files: [string, string, string][] = [
        ['form1-scoring-sheet.xlsx', `/api/v1/stations/${pick.code}/forms/1.xlsx`, key],
        ['form1-scoring-sheet.pdf', `/api/v1/stations/${pick.code}/forms/1.pdf`, key],
        ['form2-staff-list.xlsx', `/api/v1/stations/${pick.code}/forms/2.xlsx`, key],
        ['form3-certification.xlsx', `/api/v1/stations/${pick.code}/forms/3.xlsx`, key],
        ['form3-certification.pdf', `/api/v1/stations/${pick.code}/forms/3.pdf`, key],
        ['ranking.xlsx', `/api/v1/regions/${pick.province_code}/ranking.xlsx`, provinceKey],
      ];
      for (const [file, route, bearer] of files) {
        const res = await app.inject({ method: 'GET', url: route, headers: { authorization: `Bearer ${bearer}` } });
        if (res.statusCode !== 200) throw new Error(`${route}: ${res.statusCode} ${res.body}`);
        await writeFile(path.join(outDir, file), res.rawPayload);
        console.log(`${file}  ${res.rawPayload.length} bytes  (${route})`);
      }
      await roundLists(db, pick.province_code, outDir, config.timeZone);
    } finally {
      await app.close();
    }
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The round lists from the live scores, standing in for a round's frozen results until rounds exist. */
async function roundLists(db: DataSource, provinceCode: string, outDir: string, timeZone: string): Promise<void> {
  const ranking: RankingRow[] = [];
  for await (const row of new DbRankingSource(db).rows(provinceCode)) ranking.push(row);
  const digests = new Map(
    (await db.query<{ station_code: string; result_digest: string; raw: number; applicable: number; pending_count: number }[]>(
      `SELECT ss.station_code, sn.result_digest, sn.raw::float8 AS raw, sn.applicable::float8 AS applicable, sn.pending_count FROM station_score ss JOIN score_snapshot sn ON sn.id = ss.snapshot_id`,
    )).map((r) => [r.station_code, r]),
  );
  const today = todayIn(timeZone);
  const round: RoundHeader = { id: 'sample', name: `${today.slice(0, 4)}年度星级市场监督管理所评定（示例，实时评分）`, provinceName: '河北省', level: 3, cutOff: today };
  const generatedAt = new Date();
  const entries = ranking.filter((r) => r.stars >= round.level).map((r) => ({ station: r.station, total: r.total, stars: r.stars }));
  const publication = { round, publicationFrom: today, publicationTo: today, entries, generatedAt, timeZone };
  await writeFile(path.join(outDir, 'publication-list.pdf'), await renderPublicationListPdf(publication));
  await toFile(path.join(outDir, 'publication-list.xlsx'), (out) => renderPublicationListXlsx(publication, out));
  const rows: ResultRow[] = ranking.map((r) => {
    const d = digests.get(r.station.code)!;
    return { station: r.station, status: r.stars >= round.level ? 'AWARDED' : 'NOT_AWARDED', raw: d.raw, applicable: d.applicable, rebased: r.rebased, bonus: r.bonus, total: r.total, stars: r.stars, eligible: true, vetoCount: 0, pendingCount: d.pending_count, resultDigest: d.result_digest };
  });
  await toFile(path.join(outDir, 'results.xlsx'), (out) => renderResultsXlsx({ round, rows, generatedAt, timeZone }, out));
  console.log(`publication-list.pdf/.xlsx (${entries.length} stations), results.xlsx (${rows.length} rows)`);
}

async function toFile(file: string, render: (out: NodeJS.WritableStream & import('node:stream').Writable) => Promise<number>): Promise<void> {
  const out = createWriteStream(file);
  await render(out);
  await finished(out);
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

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
