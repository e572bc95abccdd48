import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

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
      const [runs] = await manager.query<{ n: number }[]>(
        `WITH replanned AS (UPDATE recompute_run SET status = 'QUEUED' WHERE status = 'RUNNING' RETURNING 1) SELECT count(*)::int AS n FROM replanned`,
      );
      const [stations] = await manager.query<{ n: number }[]>(
        `WITH again AS (
           INSERT INTO outbox_event (station_code, reason)
           SELECT DISTINCT station_code, 'queue-lost' FROM outbox_event
           WHERE station_code IS NOT NULL AND relayed_at > now() - ${RELAYED_WITHIN}
           RETURNING 1)
         SELECT count(*)::int AS n FROM again`,
      );
      return { runs: runs.n, stations: stations.n };
    });
    if (result.runs > 0 || result.stations > 0) {
      this.logger.warn(`the queue lost its jobs: ${result.runs} unfinished run(s) planned again, ${result.stations} station(s) changed in the last day queued again`);
    }
    return result;
  }
}
