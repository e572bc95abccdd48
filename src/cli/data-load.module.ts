import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppRuntime } from '../core/app-runtime.js';
import { CoreModule } from '../core/core.module.js';
import { dataSourceOptions } from '../database/data-source.js';
import { AuditModule } from '../audit/audit.module.js';
import { BundleWriterModule } from '../ingestion/bundle-writer.module.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RegionsModule } from '../regions/regions.module.js';
import { RecomputeModule } from '../recompute/recompute.module.js';

/** What a bulk load needs (no HTTP, no worker): regions, the bundle writer, recompute runs. */
@Module({})
export class DataLoadModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: DataLoadModule,
      imports: [
        CoreModule.register(runtime),
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: runtime.databaseUrl, poolSize: 4 }) }),
        AuditModule,
        OutboxModule,
        IngestionModule,
        RegionsModule,
        BundleWriterModule,
        RecomputeModule,
      ],
    };
  }
}
