import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OutboxRepository } from '../outbox/outbox.repository.js';
import { RecomputeRunsRepository } from './recompute-runs.repository.js';

// Station jobs of changes relayed this long ago or less may have been lost with the queue.
const RELAYED_WITHIN = `interval '1 day'`;

/**
 * A queue that lost its data (a Redis restarted without persistence) lost the jobs it held:
 * the chunks of running runs and the station jobs of changes already relayed. What a job
 * stands for is in PostgreSQL, so the work can be put back: unfinished runs are planned
 * again (chunks already counted are not counted twice), and every station changed in the
 * last day is queued for a recompute once more (one whose inputs did not change since is
 * skipped cheaply).
 */
@Injectable()
export class LostQueueRecovery {
  private readonly logger = new Logger(LostQueueRecovery.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async requeue(): Promise<{ runs: number; stations: number }> {
    const result = await this.dataSource.transaction(async (manager) => {
      const runs = await new RecomputeRunsRepository(manager).requeueRunning();
      const stations = await new OutboxRepository(manager).requeueRelayedWithin(RELAYED_WITHIN);
      return { runs, stations };
    });
    if (result.runs > 0 || result.stations > 0) {
      this.logger.warn(`the queue lost its jobs: ${result.runs} unfinished run(s) planned again, ${result.stations} station(s) changed in the last day queued again`);
    }
    return result;
  }
}
