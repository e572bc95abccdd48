import { UseGuards } from '@nestjs/common';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { checkInstant, checkStationCode } from './args.js';
import { checkFirst, decodeCursor } from './cursor.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { assertFoundInRegion } from './permissions.js';
import { criterionChanges, toScoreResult } from './loaders/score-history.js';
import { perItem } from './types/common.types.js';
import { ScoreChange, ScoreSnapshotConnection } from './types/score.types.js';
import { Station } from './types/station.types.js';

/** A station and its score over time. */
@Resolver(() => Station)
@UseGuards(GqlAuthGuard)
export class StationDetailResolver {
  @Query(() => Station, { description: "One station; NOT_FOUND when unknown or outside the key's region (the same answer, so that nothing is learnt about other regions)." })
  async station(@GqlContext() ctx: DashboardContext, @Args('code') code: string): Promise<Station> {
    const station = await ctx.loaders.station.load(checkStationCode(code));
    assertFoundInRegion(ctx.principal, station?.countyCode, `station ${code}`);
    return station!;
  }

  @ResolveField(() => ScoreSnapshotConnection, { description: 'Every score the station had, newest first (first ≤ 50).', complexity: perItem(10) })
  async scoreHistory(
    @Parent() station: Station,
    @GqlContext() ctx: DashboardContext,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ScoreSnapshotConnection> {
    const beforeId = after == null ? null : String(decodeCursor('SNAPSHOT', after, 1)[0]);
    const page = await ctx.loaders.history.load({ stationCode: station.code, first: checkFirst(first, 50), beforeId });
    return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null } };
  }

  @ResolveField(() => ScoreChange, {
    description:
      'The criteria whose points differ between the score in force at `from` and the one in force at `to`, with both reasons. Defaults: `to` now (the current score), `from` the score before it.',
    complexity: 20,
  })
  async scoreChange(
    @Parent() station: Station,
    @GqlContext() ctx: DashboardContext,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
  ): Promise<ScoreChange> {
    const request = { stationCode: station.code, from: checkInstant(from, 'from'), to: checkInstant(to, 'to') };
    if (request.from && request.to && request.from > request.to) throw DomainError.badInput('from is after to', [{ path: 'from', reason: 'must not be after `to`' }]);
    const ends = await ctx.loaders.changeEnds.load(request);
    if (!ends.from || !ends.to) return { from: ends.from, to: ends.to, totalDelta: null, changes: [] };
    const [before, after] = await ctx.loaders.snapshot.loadMany([ends.from.id, ends.to.id]);
    if (!before || before instanceof Error || !after || after instanceof Error) throw new Error('snapshot missing');
    const texts = new Map(after.meta.criteria.map((c) => [c.id, c]));
    for (const c of before.meta.criteria) if (!texts.has(c.id)) texts.set(c.id, c);
    return {
      from: ends.from,
      to: ends.to,
      totalDelta: Math.round((after.header.total - before.header.total) * 100) / 100,
      changes: criterionChanges(toScoreResult(before), toScoreResult(after), texts),
    };
  }
}
