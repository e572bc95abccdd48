// Writes one sample of each form under docs/samples/, produced from the demo data through
// the running service's own endpoints: the live forms, and those of a sample rating round
// (every demo station applying, reviewed and published through the test fixtures):
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
//     node --import ./test/support/ts-loader/register.mjs test/forms/make-samples.ts [docs/samples] [--stations 24]
//
// It creates a scratch database on that server (dropped at the end), seeds the demo
// province into it as `npm start` does on an empty embedded database, scores it, and saves
// the files a COUNTY key of the chosen station's county downloads.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ApiKeyService, type CreatedApiKey } from '../../src/auth/api-key.service.js';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/migrate.js';
import { seedDemoIfEmpty } from '../../src/demo/demo-seed.js';
import { todayIn } from '../../src/domain/dates.js';
import { roundFormPaths, roundListPaths } from '../../src/forms/download.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { systemContext } from '../../src/ingestion/write-context.js';
import { APP_CONFIG } from '../../src/config/app-config.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { apply, decideMissingItem, insertFile, reviewAll, setRoundStatus } from './support/round-applications.js';
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
      const provinceKey = await app.get(ApiKeyService).create('PROVINCE', pick.province_code, 'samples');
      await mkdir(outDir, { recursive: true });
      await download(app, outDir, [
        ['form1-scoring-sheet.xlsx', `/api/v1/stations/${pick.code}/forms/1.xlsx`, key],
        ['form1-scoring-sheet.pdf', `/api/v1/stations/${pick.code}/forms/1.pdf`, key],
        ['form2-staff-list.xlsx', `/api/v1/stations/${pick.code}/forms/2.xlsx`, key],
        ['form3-certification.xlsx', `/api/v1/stations/${pick.code}/forms/3.xlsx`, key],
        ['form3-certification.pdf', `/api/v1/stations/${pick.code}/forms/3.pdf`, key],
        ['ranking.xlsx', `/api/v1/regions/${pick.province_code}/ranking.xlsx`, provinceKey.key],
      ]);
      await roundSamples(app, db, pick, { county: key, province: provinceKey }, outDir);
    } finally {
      await app.close();
    }
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * A rating round over the demo province: every station applies (materials on the first
 * criterion, a declared missing item for the picked station), every assessed criterion is
 * reviewed at full points, the round is published; then the round's forms and lists are
 * downloaded from its endpoints as the service serves them.
 */
async function roundSamples(app: NestFastifyApplication, db: DataSource, pick: { code: string; county_code: string; province_code: string }, keys: { county: string; province: CreatedApiKey }, outDir: string): Promise<void> {
  const principal = { keyId: keys.province.id, role: keys.province.role, regionCode: keys.province.regionCode };
  const today = todayIn(app.get(APP_CONFIG).timeZone);
  const cutOff = `${Number(today.slice(0, 4)) - 1}-12-31`;
  const round = await app.get(RoundsService).open(systemContext(principal), {
    provinceCode: pick.province_code,
    name: `${cutOff.slice(0, 4)}年度三星市场监督管理所评定（示例）`,
    level: 'THREE_STAR',
    cutOff,
    applicationDeadline: new Date(Date.now() + 86_400_000),
    publicationDays: 7,
  });
  const index = getRubricIndex(getRubric(round.rubricVersion));
  const file = await insertFile(db, '市场准入业务指导记录.pdf', principal.keyId);
  const missing = index.criteria.filter((c) => c.source === 'ASSESSED')[10];
  const codes = (await db.query<{ code: string }[]>(`SELECT code FROM station WHERE province_code = $1 ORDER BY code`, [pick.province_code])).map((r) => r.code);
  for (const code of codes) {
    const own = code === pick.code;
    const application = await apply(db, round, code, {
      status: 'REVIEWED',
      materials: [{ criterionId: index.criteria[0].id, items: [{ title: '市场准入业务指导记录', fileIds: [file] }] }],
      missingItems: own ? [{ itemId: missing.id, duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' }] : [],
    });
    await reviewAll(db, round, application.id);
    if (own) await decideMissingItem(db, application.id, missing.id, true, '经核实无此职责');
  }
  await setRoundStatus(db, round, 'PUBLICIZING');
  const forms = roundFormPaths(round.id, pick.code);
  const lists = roundListPaths(round.id);
  await download(app, outDir, [
    ['round-form1-scoring-sheet.xlsx', forms.scoringSheetXlsx, keys.county],
    ['round-form1-scoring-sheet.pdf', forms.scoringSheetPdf, keys.county],
    ['round-form2-staff-list.xlsx', forms.staffListXlsx, keys.county],
    ['round-form3-certification.pdf', forms.certificationPdf, keys.county],
    ['publication-list.xlsx', lists.publicationListXlsx, keys.county],
    ['publication-list.pdf', lists.publicationListPdf, keys.county],
    ['results.xlsx', lists.resultsXlsx, keys.province.key],
  ]);
}

async function download(app: NestFastifyApplication, outDir: string, files: readonly (readonly [string, string, string])[]): Promise<void> {
  for (const [file, route, bearer] of files) {
    const res = await app.inject({ method: 'GET', url: route, headers: { authorization: `Bearer ${bearer}` } });
    if (res.statusCode !== 200) throw new Error(`${route}: ${res.statusCode} ${res.body}`);
    await writeFile(path.join(outDir, file), res.rawPayload);
    console.log(`${file}  ${res.rawPayload.length} bytes  (${route})`);
  }
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
