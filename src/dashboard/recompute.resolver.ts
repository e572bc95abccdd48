import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { checkRegionCode } from './args.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { assertCovers } from './permissions.js';
import { RecomputeRequestsService } from '../recompute/recompute-requests.service.js';
import { StarPolicyVersionsService } from '../rubric/star-policy-versions.service.js';
import { perItem } from './types/common.types.js';
import { RecomputeRun } from './types/recompute.types.js';
import { SetStarPolicyPayload, StarPolicy, StarPolicyInput } from './types/star-policy.types.js';

/** Star policies and recompute runs: what changes a whole region's scores. */
@Resolver()
@UseGuards(GqlAuthGuard)
export class RecomputeResolver {
  constructor(
    private readonly requests: RecomputeRequestsService,
    private readonly policies: StarPolicyVersionsService,
  ) {}

  @Query(() => [RecomputeRun], { description: "Recompute runs, newest first: those over the key's region or a region inside it (every run for an ADMIN key).", complexity: perItem(20) })
  recomputeRuns(@GqlContext() ctx: DashboardContext, @Args('first', { type: () => Int, defaultValue: 20 }) first: number): Promise<RecomputeRun[]> {
    return this.requests.list(ctx.principal, first);
  }

  @Mutation(() => RecomputeRun, { description: 'Queues a MANUAL recompute of every station of a region (PROVINCE, CITY or ADMIN within its region); the pipeline runs it.' })
  startRecompute(@GqlContext() ctx: DashboardContext, @Args('regionCode') regionCode: string): Promise<RecomputeRun> {
    return this.requests.start(ctx.writeContext(), regionCode);
  }

  @Query(() => StarPolicy, { description: "The star policy in force for a province (its active version, or the national default); any key of the province may read it." })
  starPolicy(@GqlContext() ctx: DashboardContext, @Args('provinceCode') provinceCode: string): Promise<StarPolicy> {
    // Every key may read the policy its own stations are rated by.
    if (ctx.principal.regionCode.slice(0, 2) !== checkRegionCode(provinceCode, 'provinceCode').slice(0, 2)) {
      assertCovers(ctx.principal, provinceCode, `province ${provinceCode}`);
    }
    return this.policies.active(provinceCode);
  }

  @Mutation(() => SetStarPolicyPayload, {
    description: "Sets a province's star policy (PROVINCE for its own province, or ADMIN): a new version becomes active and a POLICY_CHANGE recompute run is queued for the province, in one transaction.",
  })
  setStarPolicy(@GqlContext() ctx: DashboardContext, @Args('provinceCode') provinceCode: string, @Args('input') input: StarPolicyInput): Promise<SetStarPolicyPayload> {
    return this.policies.set(ctx.writeContext(), provinceCode, input);
  }
}
