import { UseGuards } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { checkRegionCode } from './args.js';
import { checkFirst } from './cursor.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { assertCovers, regionColumn } from './permissions.js';
import { VetoEventsRepository } from '../station-events/veto-events.repository.js';
import { perItem } from './types/common.types.js';
import { Station } from './types/station.types.js';
import { Veto } from './types/veto.types.js';

@Resolver(() => Veto)
@UseGuards(GqlAuthGuard)
export class VetoesResolver {
  @Query(() => [Veto], { description: 'Veto events of the stations of a region, newest first (first ≤ 500).', complexity: perItem(100) })
  async vetoes(
    @GqlContext() ctx: DashboardContext,
    @Args('regionCode') regionCode: string,
    @Args('includeLifted', { defaultValue: false }) includeLifted: boolean,
    @Args('first', { type: () => Int, defaultValue: 100 }) first: number,
  ): Promise<Veto[]> {
    assertCovers(ctx.principal, checkRegionCode(regionCode), `region ${regionCode}`);
    return new VetoEventsRepository(ctx.loaders.db).ofRegion(regionColumn(regionCode), regionCode, includeLifted, checkFirst(first, 500));
  }

  @ResolveField(() => Station)
  async station(@Parent() veto: Veto, @GqlContext() ctx: DashboardContext): Promise<Station> {
    const station = await ctx.loaders.station.load(veto.stationCode);
    if (!station) throw DomainError.notFound(`station ${veto.stationCode}`);
    return station;
  }
}
