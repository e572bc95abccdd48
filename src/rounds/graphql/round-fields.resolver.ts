// Fields of RatingRound and RoundApplication, each batched through the request's RoundLoaders.
import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, checkFirst } from '../../dashboard/cursor.js';
import { checkRegionCode } from '../../dashboard/args.js';
import { GqlContext } from '../../dashboard/graphql-auth.js';
import type { DashboardContext } from '../../dashboard/graphql-context.js';
import { regionColumn, scopeFilter } from '../../dashboard/permissions.js';
import { listOf, perItem } from '../../dashboard/types/common.types.js';
import { ScoreSnapshot } from '../../dashboard/types/score.types.js';
import { Station } from '../../dashboard/types/station.types.js';
import { ApplicationListsRepository } from '../applications/application-lists.repository.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import { roundLoaders } from './round-loaders.js';
import { toApplication } from './round-mapping.js';
import {
  ApplicationTransition,
  AwardWarning,
  CriterionReview,
  DeclaredMissingItem,
  Inspection,
  Objection,
  RatingRound,
  RoundApplication,
  RoundApplicationConnection,
  RoundApplicationFilter,
  RoundStatusCount,
} from './round.types.js';

const CURSOR = 'ROUND_APPLICATION';

@Resolver(() => RatingRound)
export class RatingRoundFieldsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [RoundStatusCount], { description: 'Applications per status (those the key may see).' })
  counts(@Parent() round: RatingRound, @GqlContext() ctx: DashboardContext): Promise<RoundStatusCount[]> {
    return roundLoaders(ctx, this.dataSource).counts.load(round.id);
  }

  @ResolveField(() => RoundApplicationConnection, { description: 'Applications in station-code order (those the key may see).', complexity: perItem(20) })
  async applications(
    @Parent() round: RatingRound,
    @GqlContext() ctx: DashboardContext,
    @Args('filter', { type: () => RoundApplicationFilter, nullable: true }) filter: RoundApplicationFilter | null,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<RoundApplicationConnection> {
    const limit = checkFirst(first, 100);
    const key = after == null ? null : decodeCursor(CURSOR, after, 1);
    const region = filter?.regionCode == null ? null : checkRegionCode(filter.regionCode, 'filter.regionCode');
    const { ids: page, count } = await new ApplicationListsRepository(this.dataSource).filteredPage(
      round.id,
      { status: filter?.status ?? null, region: region === null ? null : { column: regionColumn(region), code: region }, scope: scopeFilter(ctx.principal) },
      key === null ? null : key[0],
      limit,
    );
    const ids = page.slice(0, limit);
    const records = ids.length === 0 ? [] : await new RoundApplicationsRepository(this.dataSource).byIds(ids, true);
    const edges = records.map((r) => ({ cursor: encodeCursor(CURSOR, [r.stationCode]), node: toApplication(r) }));
    return { edges, pageInfo: { hasNextPage: page.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: count };
  }

  @ResolveField(() => [AwardWarning], { description: 'Awarded stations whose live score now shows a veto.', complexity: listOf(10) })
  async warnings(@Parent() round: RatingRound, @GqlContext() ctx: DashboardContext): Promise<AwardWarning[]> {
    const rows = await new ApplicationListsRepository(this.dataSource).awardedStations(round.id, scopeFilter(ctx.principal));
    return roundLoaders(ctx, this.dataSource).awardWarnings(rows.map((r) => ({ stationCode: r.station_code, roundId: round.id, roundName: round.name })));
  }
}

@Resolver(() => RoundApplication)
export class RoundApplicationFieldsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => Station, { nullable: true, description: 'The station (null if the key may no longer read it).' })
  station(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<Station | null> {
    return ctx.loaders.station.load(application.stationCode);
  }

  @ResolveField(() => [ApplicationTransition], { complexity: listOf(8) })
  history(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<ApplicationTransition[]> {
    return roundLoaders(ctx, this.dataSource).history.load(application.id);
  }

  @ResolveField(() => [DeclaredMissingItem], { complexity: listOf(3) })
  async missingItems(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<DeclaredMissingItem[]> {
    const decisions = await roundLoaders(ctx, this.dataSource).decisions.load(application.id);
    return application.declared.map((m) => {
      const d = decisions.find((x) => x.itemId === m.itemId);
      return { itemId: m.itemId, duty: m.duty, reason: m.reason, decision: d ? { accepted: d.accepted, reason: d.reason, decidedAt: d.decidedAt } : null };
    });
  }

  @ResolveField(() => [CriterionReview], { complexity: listOf(20) })
  reviews(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<CriterionReview[]> {
    return roundLoaders(ctx, this.dataSource).reviews.load(application.id);
  }

  @ResolveField(() => [Inspection], { complexity: listOf(3) })
  inspections(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<Inspection[]> {
    return roundLoaders(ctx, this.dataSource).inspections.load(application.id);
  }

  @ResolveField(() => [Objection], { complexity: listOf(3) })
  objections(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<Objection[]> {
    return roundLoaders(ctx, this.dataSource).objections.load(application.id);
  }

  @ResolveField(() => ScoreSnapshot, { nullable: true, description: "A score of the same shape as a station's score: the round scoring on the frozen facts with the round's reviews; the stored result once confirmed. Null for a draft never submitted." })
  result(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<ScoreSnapshot | null> {
    return roundLoaders(ctx, this.dataSource).result.load(application.id);
  }

  @ResolveField(() => AwardWarning, { nullable: true, description: "AWARDED only: a veto the station's live score currently shows, with its reason." })
  async liveVetoWarning(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<AwardWarning | null> {
    if (application.status !== 'AWARDED') return null;
    const loaders = roundLoaders(ctx, this.dataSource);
    const [veto, round] = await Promise.all([loaders.liveVeto.load(application.stationCode), loaders.round.load(application.roundId)]);
    return veto === null ? null : { stationCode: application.stationCode, roundId: application.roundId, roundName: round?.name ?? '', ...veto };
  }

  @ResolveField(() => String, { nullable: true, description: '摘星: why the award was revoked.' })
  revocationReason(@Parent() application: RoundApplication, @GqlContext() ctx: DashboardContext): Promise<string | null> {
    return roundLoaders(ctx, this.dataSource).revocation.load(application.id);
  }
}
