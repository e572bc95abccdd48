import { UseGuards } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver, type ComplexityEstimatorArgs } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { LARGEST_RUBRIC } from '../rubric/index.js';
import { checkRegionCode } from './args.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { assertCovers } from './permissions.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { listOf } from './types/common.types.js';
import { IndicatorAverage, Region, RegionSummary } from './types/region.types.js';

@Resolver(() => Region)
@UseGuards(GqlAuthGuard)
export class RegionsResolver {
  @Query(() => [Region], {
    description: "Children of parentCode (which must lie in the key's region); without it, the key's own region (every province for an admin key).",
    // One region without parentCode; a province has a dozen or so cities, a city as many counties.
    complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + (args.parentCode == null ? 1 : 12) * Math.max(childComplexity, 1),
  })
  async regions(@GqlContext() ctx: DashboardContext, @Args('parentCode', { type: () => String, nullable: true }) parentCode: string | null): Promise<Region[]> {
    const principal = ctx.principal;
    if (parentCode == null) {
      if (principal.role === 'ADMIN') return new RegionsRepository(ctx.loaders.db).provinces();
      const own = await ctx.loaders.region.load(principal.regionCode);
      return own ? [own] : [];
    }
    assertCovers(principal, checkRegionCode(parentCode, 'parentCode'), `region ${parentCode}`);
    return ctx.loaders.regionChildren.load(parentCode);
  }

  @Query(() => Region, { description: 'A region (any level) with its summary; FORBIDDEN outside the key\'s region.' })
  async region(@GqlContext() ctx: DashboardContext, @Args('code') code: string): Promise<Region> {
    assertCovers(ctx.principal, checkRegionCode(code, 'code'), `region ${code}`);
    const region = await ctx.loaders.region.load(code);
    if (!region) throw DomainError.notFound(`region ${code}`);
    return region;
  }

  @ResolveField(() => Int, { description: 'Stations in the region.' })
  stationCount(@Parent() region: Region, @GqlContext() ctx: DashboardContext): Promise<number> {
    return ctx.loaders.stationCount.load(region.code);
  }

  @ResolveField(() => [Region], { complexity: listOf(12) })
  children(@Parent() region: Region, @GqlContext() ctx: DashboardContext): Promise<Region[]> {
    return ctx.loaders.regionChildren.load(region.code);
  }

  @ResolveField(() => RegionSummary, { description: "Figures over the region's stations' current scores.", complexity: 10 })
  summary(@Parent() region: Region, @GqlContext() ctx: DashboardContext): Promise<RegionSummary> {
    return ctx.loaders.regionSummary.load(region.code);
  }
}

/** The region summary shows the five weakest third-level indicators unless asked for more. */
const WEAKEST_INDICATORS_SHOWN = 5;
/** At most every third-level indicator of the largest rubric. */
const WEAKEST_INDICATORS_MAX = LARGEST_RUBRIC.thirdLevel;

/** Query cost: as many rows as asked for (at most every third-level indicator), not the default's five. */
function weakestCost(estimate: ComplexityEstimatorArgs): number {
  const first = typeof estimate.args.first === 'number' ? estimate.args.first : WEAKEST_INDICATORS_SHOWN;
  return listOf(Math.min(Math.max(first, 1), WEAKEST_INDICATORS_MAX))(estimate);
}

@Resolver(() => RegionSummary)
export class RegionSummaryResolver {
  @ResolveField(() => [IndicatorAverage], { description: 'Third-level indicators with the lowest Σ points / Σ applicable max, weakest first.', complexity: weakestCost })
  weakestIndicators(@Parent() summary: RegionSummary, @Args('first', { type: () => Int, defaultValue: WEAKEST_INDICATORS_SHOWN }) first: number): IndicatorAverage[] {
    if (!Number.isInteger(first) || first < 1 || first > WEAKEST_INDICATORS_MAX) {
      const range = `1..${WEAKEST_INDICATORS_MAX}`;
      throw DomainError.badInput(`first must be ${range}`, [{ path: 'first', reason: `an integer ${range}` }]);
    }
    return summary.thirdLevelAverages.slice(0, first);
  }
}
