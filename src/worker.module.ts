import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppRuntime } from './core/app-runtime.js';
import { CoreModule } from './core/core.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { RecomputePipelineModule } from './recompute/recompute-pipeline.module.js';
import { RecomputeModule } from './recompute/recompute.module.js';

/** The worker process: database, queue and the recompute pipeline, no HTTP. */
@Module({})
export class WorkerModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.register(runtime),
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: runtime.databaseUrl, poolSize: runtime.config.database.poolSize }), retryAttempts: 3, retryDelay: 500 }),
        RecomputeModule,
        RecomputePipelineModule.register({ runWorker: true }),
      ],
    };
  }
}
