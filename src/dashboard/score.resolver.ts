import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { GqlCriterionSource, GqlCriterionStatus } from './enums.js';
import { Ctx } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { criteriaOf, indicatorsOf, INLINE_SNAPSHOTS, type SnapshotContents } from './loaders/snapshot-cache.js';
import { listOf } from './types/common.types.js';
import { CriterionScore, IndicatorScore, ScoreSnapshot } from './types/score.types.js';

const INDICATORS_PER_LEVEL: Record<number, number> = { 1: 5, 2: 21, 3: 46 };

/** Indicator and criterion rows of a score, joined with the rubric texts. */
@Resolver(() => ScoreSnapshot)
export class ScoreResolver {
  @ResolveField(() => [IndicatorScore], {
    description: 'Indicators of every level (or of one level), depth first in rubric order.',
    complexity: ({ args, childComplexity }: ComplexityEstimatorArgs) => 1 + (INDICATORS_PER_LEVEL[args.level as number] ?? 72) * Math.max(childComplexity, 1),
  })
  async indicators(@Parent() score: ScoreSnapshot, @Ctx() ctx: DashboardContext, @Args('level', { type: () => Int, nullable: true }) level: number | null): Promise<IndicatorScore[]> {
    return indicatorsOf(await contents(ctx, score), level);
  }

  @ResolveField(() => [CriterionScore], { description: 'Criteria in rubric order, optionally filtered.', complexity: listOf(121) })
  async criteria(
    @Parent() score: ScoreSnapshot,
    @Ctx() ctx: DashboardContext,
    @Args('status', { type: () => GqlCriterionStatus, nullable: true }) status: string | null,
    @Args('source', { type: () => GqlCriterionSource, nullable: true }) source: string | null,
    @Args('indicatorId', { type: () => String, nullable: true, description: 'Id or code of a third-level indicator ("4.15.32" or "32").' }) indicatorId: string | null,
  ): Promise<CriterionScore[]> {
    return criteriaOf(await contents(ctx, score)).filter(
      (c) => (status == null || c.status === status) && (source == null || c.source === source) && (indicatorId == null || c.indicatorId === indicatorId || c.indicatorCode === indicatorId),
    );
  }

  @ResolveField(() => [CriterionScore], { description: 'Criteria waiting for a reviewer (they score 0 until assessed).', complexity: listOf(20) })
  async pendingCriteria(@Parent() score: ScoreSnapshot, @Ctx() ctx: DashboardContext): Promise<CriterionScore[]> {
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
