import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { coversRegion, isAboveRegion, type Principal } from '../auth/principal.js';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';
import { rowDigest } from '../ingestion/row-digest.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { RegionsRepository, type RegionNode } from '../regions/regions.repository.js';
import { RegionsService, regionShape, type RegionInput } from '../regions/regions.service.js';

/** Loading the administrative divisions a deployment needs (regions), within the key's scope. */
@Injectable()
export class ReferenceService {
  constructor(
    private readonly regions: RegionsService,
    private readonly audit: AuditService,
  ) {}

  async putRegions(manager: EntityManager, ctx: WriteContext, items: readonly RegionInput[]): Promise<WriteSummary> {
    const outside = items
      .map((item, index): FieldProblem | null =>
        coversRegion(ctx.principal, item.code) ? null : { index, key: item.code, path: 'code', reason: `outside this key's region (${ctx.principal.regionCode})` },
      )
      .filter((p): p is FieldProblem => p !== null);
    if (outside.length > 0) throw new DomainError('FORBIDDEN', `${outside.length} region(s) lie outside this key's region; nothing was stored`, outside);

    // Every parent must be in the batch or already loaded.
    const codes = new Set(items.map((i) => i.code));
    const parents = [...new Set(items.map((i) => regionShape(i.code).parentCode).filter((p): p is string => p !== null && !codes.has(p)))];
    const loaded = parents.length === 0 ? new Set<string>() : await new RegionsRepository(manager).loadedCodes(parents);
    const orphans = items
      .map((item, index): FieldProblem | null => {
        const parent = regionShape(item.code).parentCode;
        return parent && !codes.has(parent) && !loaded.has(parent)
          ? { index, key: item.code, path: 'code', reason: `parent ${parent} is not loaded; put it in this batch or load it first` }
          : null;
      })
      .filter((p): p is FieldProblem => p !== null);
    if (orphans.length > 0) throw DomainError.badInput(`${orphans.length} region(s) have no parent; nothing was stored`, orphans);

    const result = await this.regions.upsert([...items], manager);
    await this.audit.record(
      manager,
      ctx,
      'regions.put',
      result.changes.map((c) => ({
        stationCode: null,
        entity: 'region',
        entityKey: c.code,
        beforeDigest: c.previousName === null ? null : rowDigest({ code: c.code, name: c.previousName }),
        afterDigest: rowDigest({ code: c.code, name: c.name }),
      })),
    );
    return { ...emptySummary(), created: result.created, updated: result.updated, unchanged: result.unchanged };
  }

  /**
   * The children of a region (provinces without a parent) that the key sees: its region,
   * what lies below it, and its own parents; an admin sees everything. A parent outside
   * that is a 403 whether it is loaded or not.
   */
  async listRegions(manager: EntityManager, principal: Principal, parentCode?: string): Promise<RegionNode[]> {
    const sees = (code: string) => coversRegion(principal, code) || isAboveRegion(principal, code);
    if (parentCode && !sees(parentCode)) throw DomainError.forbidden(`region ${parentCode} is outside this key's region (${principal.regionCode})`);
    const regions = new RegionsRepository(manager);
    const rows = parentCode ? (await regions.childrenOf([parentCode])).get(parentCode)! : await regions.provinces();
    return rows.filter((r) => sees(r.code));
  }
}
