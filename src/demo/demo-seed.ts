// The demo province written into an EMPTY EMBEDDED database at start, so that a newcomer
// who runs `npm start` sees stations, stars and reasons at once. Never runs against a
// configured (DATABASE_URL) database.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeyService } from '../auth/api-key.service.js';
import type { AppConfig } from '../config/app-config.js';
import { todayIn } from '../domain/dates.js';
import { generateProvince } from '../generator/index.js';
import { generateReviewerAssessments } from '../generator/reviewer-assessments.js';
import { StationBundleWriter } from '../ingestion/station-bundle.writer.js';
import { RecomputeRunsService } from '../recompute/recompute-runs.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../rubric/index.js';

export const DEMO_SEED = 'demo';
export const DEMO_PROVINCE = '130000';

const log = new Logger('Demo');

/** Fills an empty database with the demo province; answers whether it did. */
export async function seedDemoIfEmpty(app: INestApplicationContext, config: AppConfig): Promise<boolean> {
  const dataSource = app.get(DataSource);
  const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM station`);
  if (n > 0 || config.database.demoStations === 0) return false;
  const started = Date.now();
  const asOf = todayIn(config.timeZone);
  const province = generateProvince({ stations: config.database.demoStations, seed: DEMO_SEED, provinceCode: DEMO_PROVINCE, asOf });
  await app.get(RegionsService).upsert(province.regions.map(({ code, name }) => ({ code, name })));
  for (const average of province.mediationAverages) {
    await dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate`, [average.year, average.rate]);
  }
  await app.get(StationBundleWriter).writeMany(province.stations(), { chunkSize: 50 });

  // Reviewers' scores for the criteria that need one (synthetic, like the rest of the demo).
  const rubric = getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion);
  const rows = [...province.stations()].flatMap((bundle) => generateReviewerAssessments(bundle, rubric, DEMO_SEED).map((a) => ({ station: bundle.code, ...a })));
  await dataSource.query(
    `INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note)
     SELECT station, $1, criterion, points, note FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::text[]) AS t(station, criterion, points, note)`,
    [rubric.version, rows.map((r) => r.station), rows.map((r) => r.criterionId), rows.map((r) => r.points), rows.map((r) => r.note)],
  );
  await app.get(RecomputeRunsService).request({ scopeRegionCode: null, trigger: 'MANUAL', requestedBy: null });

  const keys = app.get(ApiKeyService);
  const county = province.regions.find((r) => r.level === 'COUNTY')!;
  const demoKeys = {
    note: 'Demo API keys of the embedded database (Authorization: Bearer <key>). Not for production.',
    province: { region: DEMO_PROVINCE, key: (await keys.create('PROVINCE', DEMO_PROVINCE, 'demo province reviewer')).key },
    county: { region: county.code, name: county.name, key: (await keys.create('COUNTY', county.code, 'demo county system')).key },
    admin: { region: DEMO_PROVINCE, key: (await keys.create('ADMIN', DEMO_PROVINCE, 'demo admin')).key },
  };
  const file = path.join(path.dirname(path.resolve(config.database.embedded.dataDir)), 'demo-keys.json');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(demoKeys, null, 2) + '\n', { mode: 0o600 });
  log.log(`demo province ${DEMO_PROVINCE} with ${province.stationCodes.length} stations written in ${Date.now() - started} ms; scores follow within seconds`);
  log.log(`demo API keys (also in ${path.relative(process.cwd(), file)}): province ${demoKeys.province.key}`);
  return true;
}
