// A province's star policy: reading the one in force, and setting a new version (the old
// one is deactivated) with a POLICY_CHANGE recompute run for the province, audited, all in
// one transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { digestOf } from '../audit/audit-values.js';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';
import { checkRegionCode, checkText } from '../dashboard/args.js';
import { assertPermitted } from '../dashboard/permissions.js';
import type { StarPolicy, StarPolicyInput } from '../dashboard/types/star-policy.types.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { toRun } from '../recompute/recompute-requests.service.js';
import type { RecomputeRunSummary } from '../recompute/recompute-runs.repository.js';
import { RecomputeRunsService } from '../recompute/recompute-runs.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { findThirdLevel, getRubric, isRubricVersion, RUBRIC_VERSIONS, validateStarPolicy, type StarLevelRule, type StarPolicy as PolicyModel } from './index.js';
import { StarPoliciesRepository } from './star-policies.repository.js';
import { StarPolicyStore } from './star-policies.service.js';

@Injectable()
export class StarPolicyVersionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: StarPolicyStore,
    private readonly runs: RecomputeRunsService,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for a province (its active version, or the national default). */
  async active(provinceCode: string): Promise<StarPolicy> {
    const policy = (await this.policies.activeFor([provinceCode])).get(provinceCode)!;
    if (policy.provinceCode === null) return toView(policy, null, null);
    const row = await new StarPoliciesRepository(this.dataSource).versionOf(policy.id);
    return toView(policy, row?.version ?? null, row?.created_at ?? null);
  }

  async set(ctx: WriteContext, provinceCode: string, input: StarPolicyInput): Promise<{ policy: StarPolicy; recomputeRun: RecomputeRunSummary }> {
    checkRegionCode(provinceCode, 'provinceCode');
    if (!provinceCode.endsWith('0000')) throw DomainError.badInput(`${provinceCode} is not a province`, [{ path: 'provinceCode', reason: 'a province code ends in 0000' }]);
    assertPermitted(ctx.principal, 'setStarPolicy', provinceCode, `the star policy of ${provinceCode}`);
    const name = checkText(input.name, 'input.name', 100);
    return this.dataSource.transaction(async (manager) => {
      if (!(await new RegionsRepository(manager).exists(provinceCode))) throw DomainError.notFound(`province ${provinceCode}`);
      const policies = new StarPoliciesRepository(manager);
      await policies.lockProvince(provinceCode);
      const current = (await this.policies.activeFor([provinceCode], manager)).get(provinceCode)!;
      const version = input.rubricVersion ?? current.rubricVersion;
      if (!isRubricVersion(version)) {
        throw DomainError.badInput(`unknown rubric "${version}"`, [{ path: 'input.rubricVersion', reason: `one of ${RUBRIC_VERSIONS.join(', ')}` }]);
      }
      const levels = toLevels(version, input);
      const candidate: PolicyModel = { id: 'new', name, provinceCode, rubricVersion: version, levels, caseEntryDeadlineDays: input.caseEntryDeadlineDays };
      const problems = validateStarPolicy(candidate, getRubric(version));
      if (problems.length > 0) throw DomainError.badInput('the star policy is not valid', problems.map((reason) => ({ path: pathOf(reason, input), reason })));

      const next = await policies.nextVersion(provinceCode);
      const row = await policies.addActive({ provinceCode, version: next, name, rubricVersion: version, levels, caseEntryDeadlineDays: input.caseEntryDeadlineDays, createdBy: ctx.principal.keyId });
      const policy: PolicyModel = { ...candidate, id: row.id };
      const run = await this.runs.request({ scopeRegionCode: provinceCode, trigger: 'POLICY_CHANGE', requestedBy: ctx.principal.keyId }, manager);
      await this.audit.record(manager, ctx, 'star-policy.set', [
        {
          stationCode: null,
          entity: 'star_policy',
          entityKey: `${provinceCode}:${row.version}`,
          beforeDigest: digestOf({ id: current.id, levels: current.levels, caseEntryDeadlineDays: current.caseEntryDeadlineDays }),
          afterDigest: digestOf({ id: policy.id, levels, caseEntryDeadlineDays: policy.caseEntryDeadlineDays }),
          detail: { previousPolicyId: current.id, policyId: policy.id, version: row.version, recomputeRunId: run.id },
        },
      ]);
      return { policy: toView(policy, row.version, row.created_at), recomputeRun: toRun(run) };
    });
  }
}

function toLevels(version: string, input: StarPolicyInput): StarLevelRule[] {
  const rubric = getRubric(version);
  return input.levels.map((level, i) => {
    if (level.indicatorSet !== 'LIST') return { stars: level.stars as StarLevelRule['stars'], indicatorSet: level.indicatorSet, threshold: level.threshold, includeBonus: level.includeBonus };
    const ids = (level.indicatorIds ?? []).map((idOrCode, j) => {
      const indicator = findThirdLevel(rubric, idOrCode);
      if (!indicator) {
        throw DomainError.badInput(`"${idOrCode}" is not a third-level indicator`, [{ path: `input.levels[${i}].indicatorIds[${j}]`, reason: 'a third-level indicator id ("4.15.32") or code ("32")' }]);
      }
      return indicator.id;
    });
    return { stars: level.stars as StarLevelRule['stars'], indicatorSet: ids, threshold: level.threshold, includeBonus: level.includeBonus };
  });
}

/** The input path a validateStarPolicy message is about (its level by the ★ label). */
function pathOf(reason: string, input: StarPolicyInput): FieldProblem['path'] {
  const star = /^(\d)★/.exec(reason) ?? /star level (\d)/.exec(reason);
  if (star) {
    const index = input.levels.findIndex((l) => l.stars === Number(star[1]));
    if (index >= 0) return `input.levels[${index}]`;
  }
  if (reason.includes('caseEntryDeadlineDays')) return 'input.caseEntryDeadlineDays';
  if (reason.includes('name')) return 'input.name';
  if (reason.includes('rubric')) return 'input.rubricVersion';
  return 'input.levels';
}

export function toView(policy: PolicyModel, version: number | null, createdAt: Date | null): StarPolicy {
  return {
    id: policy.id,
    provinceCode: policy.provinceCode,
    version,
    name: policy.name,
    rubricVersion: policy.rubricVersion,
    levels: policy.levels.map((l) => ({
      stars: l.stars,
      indicatorSet: Array.isArray(l.indicatorSet) ? 'LIST' : (l.indicatorSet as string),
      indicatorIds: Array.isArray(l.indicatorSet) ? [...l.indicatorSet] : [],
      threshold: l.threshold,
      includeBonus: l.includeBonus,
    })),
    caseEntryDeadlineDays: policy.caseEntryDeadlineDays,
    createdAt,
  };
}
