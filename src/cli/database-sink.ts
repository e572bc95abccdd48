// `generate --load`: writes the generated province into the database through the same
// service methods as the push interface (StationBundleWriter), in chunks, then asks for a
// recompute run so that a worker scores everything.
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { DatabaseRuntime } from '../database/database-runtime.js';
import type { StationBundle } from '../domain/station-data.js';
import { generateReviewerAssessments } from '../generator/reviewer-assessments.js';
import { StationBundleWriter } from '../ingestion/station-bundle.writer.js';
import { RecomputeRunsService } from '../recompute/recompute-runs.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../rubric/index.js';
import { cliConfig } from './cli-config.js';
import { openDatabase } from './cli-database.js';
import type { Env } from './command.js';
import { DataLoadModule } from './data-load.module.js';
import type { ProvinceHeader, StationSink } from './generate.js';

const CHUNK = 100;

export interface DatabaseSinkOptions {
  /** Also write synthetic reviewer assessments (for demos and benchmarks). */
  assessments: boolean;
  seed: string;
  env: Env;
  log: (line: string) => void;
}

export class DatabaseSink implements StationSink {
  private database: DatabaseRuntime | null = null;
  private app: INestApplicationContext | null = null;
  private chunk: StationBundle[] = [];
  private written = 0;
  private readonly started = Date.now();

  constructor(private readonly options: DatabaseSinkOptions) {}

  async province(header: ProvinceHeader): Promise<void> {
    const config = cliConfig(this.options.env);
    Logger.overrideLogger(['error', 'warn']);
    this.database = await openDatabase(config);
    this.app = await NestFactory.createApplicationContext(
      DataLoadModule.register({ config, databaseUrl: this.database.url, databaseEmbedded: this.database.embedded, runWorker: false, emitSchemaFile: false }),
      { logger: ['error', 'warn'] },
    );
    await this.app.get(RegionsService).upsert(header.regions.map(({ code, name }) => ({ code, name })));
    const dataSource = this.app.get(DataSource);
    for (const average of header.mediationAverages) {
      await dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO UPDATE SET rate = EXCLUDED.rate`, [average.year, average.rate]);
    }
  }

  async station(bundle: StationBundle): Promise<void> {
    this.chunk.push(bundle);
    if (this.chunk.length >= CHUNK) await this.flush();
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      const run = await this.app!.get(RecomputeRunsService).request({ scopeRegionCode: null, trigger: 'MANUAL', requestedBy: null });
      this.options.log(`loaded ${this.written} stations in ${((Date.now() - this.started) / 1000).toFixed(1)} s; recompute run ${run.id} queued for a worker`);
    } finally {
      await this.app?.close();
      await this.database?.stop();
    }
  }

  private async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const bundles = this.chunk;
    this.chunk = [];
    await this.app!.get(StationBundleWriter).writeMany(bundles, { chunkSize: CHUNK });
    if (this.options.assessments) await this.writeAssessments(bundles);
    this.written += bundles.length;
    if (this.written % 1000 === 0) this.options.log(`${this.written} stations loaded`);
  }

  private async writeAssessments(bundles: StationBundle[]): Promise<void> {
    const rubric = getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion);
    const rows = bundles.flatMap((bundle) => generateReviewerAssessments(bundle, rubric, this.options.seed).map((a) => ({ station: bundle.code, ...a })));
    await this.app!.get(DataSource).query(
      `INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note)
       SELECT station, $1, criterion, points, note FROM unnest($2::varchar[], $3::varchar[], $4::numeric[], $5::text[]) AS t(station, criterion, points, note)
       ON CONFLICT (station_code, rubric_version, criterion_id) DO UPDATE SET points = EXCLUDED.points, note = EXCLUDED.note`,
      [rubric.version, rows.map((r) => r.station), rows.map((r) => r.criterionId), rows.map((r) => r.points), rows.map((r) => r.note)],
    );
  }
}
