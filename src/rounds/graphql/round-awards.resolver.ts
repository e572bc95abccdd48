// After a round: the province's early warning (awarded stations whose live score now shows a
// veto) as a list and as a field on the station, and a round's progress per region.
import { UseGuards } from '@nestjs/common';
import { Args, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkRegionCode } from '../../dashboard/args.js';
import { GqlRegionLevel } from '../../dashboard/enums.js';
import { GqlContext, GqlAuthGuard } from '../../dashboard/graphql-auth.js';
import type { DashboardContext } from '../../dashboard/graphql-context.js';
import { scopeFilter } from '../../dashboard/permissions.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { listOf } from '../../dashboard/types/common.types.js';
import { Station } from '../../dashboard/types/station.types.js';
import { STATION_COLUMN_OF_LEVEL, type RegionLevel } from '../../regions/region.entity.js';
import { ApplicationListsRepository } from '../applications/application-lists.repository.js';
import { roundLoaders } from './round-loaders.js';
import { AwardWarning, GqlApplicationStatus, GqlRoundLevel, RatingRound, RoundStatusCount } from './round.types.js';

@ObjectType({ description: "A station's award in a confirmed round (AWARDED, or REVOKED after 摘星)." })
export class StationRoundAward {
  @Field(() => ID)
  roundId: string;

  @Field()
  roundName: string;

  @Field(() => GqlRoundLevel)
  level: string;

  @Field(() => GqlApplicationStatus)
  status: string;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => AwardWarning, { nullable: true, description: "AWARDED only: a veto the station's live score shows now (the province's early warning)." })
  liveVetoWarning: AwardWarning | null;
}

@ObjectType({ description: "A round's applications per status in one region (those the key may see)." })
export class RoundRegionCounts {
  @Field()
  regionCode: string;

  @Field()
  regionName: string;

  @Field(() => [RoundStatusCount])
  counts: RoundStatusCount[];
}


@Resolver(() => Station)
export class StationRoundAwardsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [StationRoundAward], { description: 'Awards in confirmed rating rounds, newest round first, each with the early warning.', complexity: listOf(3) })
  async roundAwards(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<StationRoundAward[]> {
    const loaders = roundLoaders(ctx, this.dataSource);
    const awards = await loaders.stationAwards.load(station.code);
    const veto = awards.some((a) => a.status === 'AWARDED') ? await loaders.liveVeto.load(station.code) : null;
    return awards.map((a) => ({
      roundId: a.roundId,
      roundName: a.roundName,
      level: a.level,
      status: a.status,
      confirmedAt: a.confirmedAt,
      liveVetoWarning: a.status === 'AWARDED' && veto !== null ? { stationCode: station.code, roundId: a.roundId, roundName: a.roundName, ...veto } : null,
    }));
  }
}

@Resolver(() => RatingRound)
export class RoundRegionCountsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [RoundRegionCounts], { description: 'Applications per status in each city (default) or county of the round, in region-code order (those the key may see).', complexity: listOf(20) })
  async regionCounts(
    @Parent() round: RatingRound,
    @GqlContext() ctx: DashboardContext,
    @Args('level', { type: () => GqlRegionLevel, defaultValue: 'CITY', description: 'PROVINCE, CITY or COUNTY' }) level: RegionLevel,
  ): Promise<RoundRegionCounts[]> {
    const rows = await new ApplicationListsRepository(this.dataSource).regionCounts(round.id, STATION_COLUMN_OF_LEVEL[level], scopeFilter(ctx.principal));
    const byRegion = new Map<string, RoundRegionCounts>();
    for (const r of rows) {
      const entry = byRegion.get(r.region_code) ?? { regionCode: r.region_code, regionName: r.region_name, counts: [] };
      entry.counts.push({ status: r.status, count: r.count });
      byRegion.set(r.region_code, entry);
    }
    return [...byRegion.values()];
  }
}

@Resolver()
@UseGuards(GqlAuthGuard)
export class AwardWarningsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => [AwardWarning], { description: "The province's early warning: stations awarded in its confirmed rounds whose live score now shows a veto (the stations the key may see), by station code.", complexity: listOf(20) })
  async awardWarnings(@GqlContext() ctx: DashboardContext, @Args('provinceCode', { type: () => String }) provinceCode: string): Promise<AwardWarning[]> {
    const code = checkRegionCode(provinceCode, 'provinceCode');
    if (!code.endsWith('0000')) throw DomainError.badInput(`${code} is not a province code`, [{ path: 'provinceCode', reason: 'a province code, e.g. 130000' }]);
    // Every key of the province may ask (a county key sees its own stations' warnings).
    if (ctx.principal.role !== 'ADMIN' && !ctx.principal.regionCode.startsWith(code.slice(0, 2))) {
      throw DomainError.forbidden(`province ${code} is outside this key's region (${ctx.principal.regionCode})`);
    }
    const rows = await new ApplicationListsRepository(this.dataSource).awardedInProvince(code, scopeFilter(ctx.principal));
    return roundLoaders(ctx, this.dataSource).awardWarnings(rows.map((r) => ({ stationCode: r.station_code, roundId: r.round_id, roundName: r.round_name })));
  }
}
