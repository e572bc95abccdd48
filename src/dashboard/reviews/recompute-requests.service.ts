// Recompute runs as the dashboard sees them: asking for one over a region (audited, in one
// transaction with the QUEUED run the pipeline picks up), and listing those in scope.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { regionPrefix, type Principal } from '../../auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import type { WriteContext } from '../../ingestion/write-context.js';
import type { RecomputeRunRecord } from '../../recompute/recompute-run.entity.js';
import { RecomputeRunsService } from '../../recompute/recompute-runs.service.js';
import { checkRegionCode } from '../args.js';
import { checkFirst } from '../cursor.js';
import { assertPermitted } from '../permissions.js';
import type { RecomputeRun } from '../types/recompute.types.js';

@Injectable()
export class RecomputeRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RecomputeRunsService,
    private readonly audit: AuditService,
  ) {}

  async start(ctx: WriteContext, regionCode: string): Promise<RecomputeRun> {
    checkRegionCode(regionCode);
    assertPermitted(ctx.principal, 'startRecompute', regionCode, `recomputing region ${regionCode}`);
    return this.dataSource.transaction(async (manager) => {
      const [region] = await manager.query(`SELECT code FROM region WHERE code = $1`, [regionCode]);
      if (!region) throw DomainError.notFound(`region ${regionCode}`);
      const run = await this.runs.request({ scopeRegionCode: regionCode, trigger: 'MANUAL', requestedBy: ctx.principal.keyId }, manager);
      await this.audit.record(manager, ctx, 'recompute.start', [
        { stationCode: null, entity: 'recompute_run', entityKey: run.id, beforeDigest: null, afterDigest: run.id, detail: { scopeRegionCode: regionCode, trigger: 'MANUAL' } },
      ]);
      return toRun(run);
    });
  }

  /**
   * Newest first: runs over the key's region or a region inside it. Runs over a wider scope
   * (everything, the province seen from a city) count stations outside the key's region:
   * only ADMIN keys see them.
   */
  async list(principal: Principal, first: number): Promise<RecomputeRun[]> {
    checkFirst(first, 100);
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT id, scope_region_code, trigger, status, cut_off, total, done, failed, changed, requested_by, created_at, started_at, finished_at
       FROM recompute_run
       WHERE $1::text IS NULL OR scope_region_code LIKE $1 || '%'
       ORDER BY created_at DESC, id LIMIT $2`,
      [principal.role === 'ADMIN' ? null : regionPrefix(principal.regionCode), first],
    );
    return rows.map(fromRow);
  }
}

interface RunRow {
  id: string;
  scope_region_code: string | null;
  trigger: string;
  status: string;
  cut_off: string;
  total: number;
  done: number;
  failed: number;
  changed: number;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

function fromRow(r: RunRow): RecomputeRun {
  return {
    id: r.id,
    scopeRegionCode: r.scope_region_code,
    trigger: r.trigger,
    status: r.status,
    cutOff: r.cut_off,
    total: r.total,
    done: r.done,
    failed: r.failed,
    changed: r.changed,
    requestedBy: r.requested_by,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

export function toRun(r: RecomputeRunRecord): RecomputeRun {
  return {
    id: r.id,
    scopeRegionCode: r.scopeRegionCode,
    trigger: r.trigger,
    status: r.status,
    cutOff: r.cutOff,
    total: r.total,
    done: r.done,
    failed: r.failed,
    changed: r.changed,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}
