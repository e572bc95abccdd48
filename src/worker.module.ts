import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppRuntime } from './core/app-runtime.js';
import { CoreModule } from './core/core.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { QueueHealthIndicator } from './health/queue.health.js';
import { WorkerHealthServer } from './health/worker-health.server.js';
import { RecomputePipelineModule } from './recompute/recompute-pipeline.module.js';
import { RecomputeModule } from './recompute/recompute.module.js';

/**
 * The worker process: database, queue and the recompute pipeline, no web server. With
 * `serveHealth` (the `start:worker` process when WORKER_HEALTH_PORT is set) it answers its
 * own health checks on that port.
 */
@Module({})
export class WorkerModule {
  static register(runtime: AppRuntime, { serveHealth = false }: { serveHealth?: boolean } = {}): DynamicModule {
    const health = serveHealth && runtime.runWorker && runtime.config.worker.healthPort > 0;
    return {
      module: WorkerModule,
      imports: [
        CoreModule.register(runtime),
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: runtime.databaseUrl, poolSize: runtime.config.database.poolSize }), retryAttempts: 3, retryDelay: 500 }),
        RecomputeModule,
        // `scorecard recompute runs` and `--enqueue` read and request runs without working on them.
        RecomputePipelineModule.register({ runWorker: runtime.runWorker }),
        ...(health ? [TerminusModule.forRoot({ logger: false })] : []),
      ],
      providers: health ? [QueueHealthIndicator, WorkerHealthServer] : [],
    };
  }
}
