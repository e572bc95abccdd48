// Recompute runs as reviewers ask for them over GraphQL: asking for one over a region (audited,
// in one transaction with the QUEUED run the pipeline picks up), and listing those in scope.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { regionPrefix, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { checkRegionCode } from '../dashboard/args.js';
import { checkFirst } from '../dashboard/cursor.js';
import { assertPermitted } from '../dashboard/permissions.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { RecomputeRunRecord } from './recompute-run.entity.js';
import { RecomputeRunsRepository, type RecomputeRunSummary } from './recompute-runs.repository.js';
import { RecomputeRunsService } from './recompute-runs.service.js';

@Injectable()
export class RecomputeRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: RecomputeRunsService,
    private readonly audit: AuditService,
  ) {}

  async start(ctx: WriteContext, regionCode: string): Promise<RecomputeRunSummary> {
    checkRegionCode(regionCode);
    assertPermitted(ctx.principal, 'startRecompute', regionCode, `recomputing region ${regionCode}`);
    return this.dataSource.transaction(async (manager) => {
      if (!(await new RegionsRepository(manager).exists(regionCode))) throw DomainError.notFound(`region ${regionCode}`);
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
  async list(principal: Principal, first: number): Promise<RecomputeRunSummary[]> {
    checkFirst(first, 100);
    return new RecomputeRunsRepository(this.dataSource).under(principal.role === 'ADMIN' ? null : regionPrefix(principal.regionCode), first);
  }
}

export function toRun(r: RecomputeRunRecord): RecomputeRunSummary {
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
