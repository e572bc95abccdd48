import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { LARGEST_RUBRIC } from '../rubric/index.js';
import { GqlCriterionSource, GqlCriterionStatus } from './enums.js';
import { GqlContext } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { criteriaOf, indicatorsOf, INLINE_SNAPSHOTS, type SnapshotContents } from './loaders/snapshot-cache.js';
import { listOf } from './types/common.types.js';
import { CriterionScore, IndicatorScore, ScoreSnapshot } from './types/score.types.js';

// Query cost of the indicator and criterion lists: as many rows as the largest rubric has.
const INDICATORS_PER_LEVEL: Readonly<Record<number, number>> = {
  1: LARGEST_RUBRIC.firstLevel,
  2: LARGEST_RUBRIC.secondLevel,
  3: LARGEST_RUBRIC.thirdLevel,
};

/** Indicators and criteria of a score with the rubric texts, as the snapshot cache prepared them. */
@Resolver(() => ScoreSnapshot)
export class ScoreResolver {
  @ResolveField(() => [IndicatorScore], {
    description: 'Indicators of every level (or of one level), depth first in rubric order.',
    complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + (INDICATORS_PER_LEVEL[args.level as number] ?? LARGEST_RUBRIC.indicators) * Math.max(childComplexity, 1),
  })
  async indicators(
    @Parent() score: ScoreSnapshot,
    @GqlContext() ctx: DashboardContext,
    @Args('level', { type: () => Int, nullable: true }) level: number | null,
  ): Promise<readonly IndicatorScore[]> {
    return indicatorsOf(await contents(ctx, score), level);
  }

  @ResolveField(() => [CriterionScore], { description: 'Criteria in rubric order, optionally filtered.', complexity: listOf(LARGEST_RUBRIC.criteria) })
  async criteria(
    @Parent() score: ScoreSnapshot,
    @GqlContext() ctx: DashboardContext,
    @Args('status', { type: () => GqlCriterionStatus, nullable: true }) status: string | null,
    @Args('source', { type: () => GqlCriterionSource, nullable: true }) source: string | null,
    @Args('indicatorId', { type: () => String, nullable: true, description: 'Id or code of a third-level indicator ("4.15.32" or "32").' }) indicatorId: string | null,
  ): Promise<readonly CriterionScore[]> {
    const all = criteriaOf(await contents(ctx, score));
    // Unfiltered (the usual request): the snapshot's shared list as it is.
    if (status == null && source == null && indicatorId == null) return all;
    return all.filter(
      (c) => (status == null || c.status === status) && (source == null || c.source === source) && (indicatorId == null || c.indicatorId === indicatorId || c.indicatorCode === indicatorId),
    );
  }

  @ResolveField(() => [CriterionScore], { description: 'Criteria waiting for a reviewer (they score 0 until assessed).', complexity: listOf(20) })
  async pendingCriteria(@Parent() score: ScoreSnapshot, @GqlContext() ctx: DashboardContext): Promise<CriterionScore[]> {
    return criteriaOf(await contents(ctx, score)).filter((c) => c.status === 'PENDING_ASSESSMENT');
  }
}

async function contents(ctx: DashboardContext, score: ScoreSnapshot): Promise<SnapshotContents> {
  const inline = INLINE_SNAPSHOTS.get(score);
  if (inline !== undefined) return inline;
  const found = await ctx.loaders.snapshot.load(score.id);
  if (!found) throw new Error(`snapshot ${score.id} has no rows`);
  return found;
}
