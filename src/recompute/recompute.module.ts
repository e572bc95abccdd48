import { Module } from '@nestjs/common';
import { RecomputeQueue } from './recompute-queue.js';
import { RecomputeRunsService } from './recompute-runs.service.js';

/** Asking for recomputes (runs) and the queue's producer side; available in every process. */
@Module({
  providers: [RecomputeRunsService, RecomputeQueue],
  exports: [RecomputeRunsService, RecomputeQueue],
})
export class RecomputeModule {}
