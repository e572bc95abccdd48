import { UseGuards } from '@nestjs/common';
import { Args, Field, Float, InputType, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { checkRegionCode } from './args.js';
import { GqlStationOrder, type StationOrder } from './enums.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { MAX_PAGE, MAX_RANKING, StationLists, type StationPage } from './loaders/station-lists.js';
import { perItem } from './types/common.types.js';
import { RankedStation, StationConnection } from './types/station.types.js';

@InputType({ description: 'Station filters; filters on the score leave out stations not scored yet.' })
export class StationFilter {
  @Field(() => String, { nullable: true, description: 'A region of any level (province, city or county code).' })
  regionCode?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Star levels 0..5 (0 includes ineligible stations).' })
  stars?: number[] | null;

  @Field(() => Float, { nullable: true })
  minTotal?: number | null;

  @Field(() => Float, { nullable: true })
  maxTotal?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A veto blocks the current score.' })
  hasVeto?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Criteria wait for a reviewer.' })
  hasPendingAssessments?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the station name.' })
  nameContains?: string | null;
}

@Resolver(() => StationConnection)
@UseGuards(GqlAuthGuard)
export class StationsResolver {
  constructor(private readonly lists: StationLists) {}

  @Query(() => StationConnection, {
    description: `Stations in the key's region, keyset-paged (first ≤ ${MAX_PAGE}). Stations without a score have score null and sort last by total.`,
    complexity: perItem(20),
  })
  async stations(
    @GqlContext() ctx: DashboardContext,
    @Args('filter', { type: () => StationFilter, nullable: true }) filter: StationFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('orderBy', { type: () => GqlStationOrder, defaultValue: 'TOTAL_DESC' }) orderBy: StationOrder,
  ): Promise<StationPage> {
    if (filter?.regionCode != null) checkRegionCode(filter.regionCode, 'filter.regionCode');
    if (filter?.nameContains != null && filter.nameContains.length > 100) {
      throw DomainError.badInput('nameContains is too long', [{ path: 'filter.nameContains', reason: 'at most 100 characters' }]);
    }
    const page = await this.lists.page(ctx.principal, filter ?? {}, first, after, orderBy, ctx.loaders.snapshotSource);
    for (const edge of page.edges) ctx.loaders.station.prime(edge.node.code, edge.node);
    return page;
  }

  @ResolveField(() => Int, { description: 'Stations matching the filter (one more statement).' })
  totalCount(@Parent() page: StationPage): Promise<number> {
    return page.count();
  }

  @Query(() => [RankedStation], {
    description: `Eligible stations of a region by total (desc), then code; stations made ineligible by a veto, and stations not scored yet, are left out. first ≤ ${MAX_RANKING}.`,
    complexity: perItem(100),
  })
  rankings(
    @GqlContext() ctx: DashboardContext,
    @Args('regionCode') regionCode: string,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<RankedStation[]> {
    return this.lists.rankings(ctx.principal, checkRegionCode(regionCode), first, ctx.loaders.snapshotSource);
  }
}
