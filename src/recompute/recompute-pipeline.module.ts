import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { ScoringModule } from '../scoring/scoring.module.js';
import { LostQueueRecovery } from './lost-queue.recovery.js';
import { NightlyScheduler } from './nightly.scheduler.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { RecomputeHandlers } from './recompute-handlers.js';
import { RecomputeModule } from './recompute.module.js';
import { RecomputeWorker } from './recompute.worker.js';

/**
 * The pipeline (outbox relay, worker, nightly schedule), only in a process that runs the
 * worker: the API by default, or `npm run start:worker`.
 */
@Module({})
export class RecomputePipelineModule {
  static register({ runWorker }: { runWorker: boolean }): DynamicModule {
    const pipeline: Provider[] = runWorker ? [OutboxRelayService, RecomputeHandlers, RecomputeWorker, NightlyScheduler, LostQueueRecovery] : [];
    return {
      module: RecomputePipelineModule,
      imports: [RecomputeModule, ScoringModule],
      providers: pipeline,
      exports: pipeline,
    };
  }
}
