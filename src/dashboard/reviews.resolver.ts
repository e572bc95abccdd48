import { UseGuards } from '@nestjs/common';
import { Args, Float, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '../common/errors/domain-error.js';
import { GqlContext, GqlAuthGuard } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { VetoLiftService } from '../assessments/veto-lift.service.js';
import { AssessCriterionPayload, LiftVetoPayload, MissingItemPayload } from './types/review.types.js';
import type { Station } from './types/station.types.js';

const QUEUED = 'The station is queued for recompute in the same transaction (outbox); its score changes once the recompute pipeline has run.';

/** Reviewer mutations (PROVINCE, CITY or ADMIN keys within their region; see permissions.ts). */
@Resolver()
@UseGuards(GqlAuthGuard)
export class ReviewsResolver {
  constructor(
    private readonly reviews: AssessmentsService,
    private readonly vetoes: VetoLiftService,
  ) {}

  @Mutation(() => AssessCriterionPayload, {
    description: `Scores a criterion (0..max in steps of 0.5) with a note and evidence references; it overrides the criterion's source, DATA and ATTESTED included. Audited with the points and note before and after. ${QUEUED}`,
  })
  async assessCriterion(
    @GqlContext() ctx: DashboardContext,
    @Args('stationCode') stationCode: string,
    @Args('criterionId', { description: 'Criterion id ("4.15.32.3") or code ("32③").' }) criterionId: string,
    @Args('points', { type: () => Float }) points: number,
    @Args('note') note: string,
    @Args('evidenceRefs', { type: () => [String], defaultValue: [] }) evidenceRefs: string[],
  ): Promise<AssessCriterionPayload> {
    const result = await this.reviews.assess(ctx.writeContext(), { stationCode, criterionId, points, note, evidenceRefs });
    return { ...result, station: await stationOf(ctx, stationCode) };
  }

  @Mutation(() => MissingItemPayload, { description: `Marks a criterion or a whole third-level indicator (id or code) as a reasonable missing item (合理缺项, note 4), with a justification. ${QUEUED}` })
  async markMissingItem(
    @GqlContext() ctx: DashboardContext,
    @Args('stationCode') stationCode: string,
    @Args('itemId', { description: 'Criterion ("32③", "4.15.32.3") or third-level indicator ("32", "4.15.32").' }) itemId: string,
    @Args('justification') justification: string,
  ): Promise<MissingItemPayload> {
    const result = await this.reviews.markMissing(ctx.writeContext(), stationCode, itemId, justification);
    return { ...result, station: await stationOf(ctx, stationCode) };
  }

  @Mutation(() => MissingItemPayload, { description: `Removes a missing-item mark; the justification is kept in the audit trail. NOT_FOUND when not marked. ${QUEUED}` })
  async unmarkMissingItem(
    @GqlContext() ctx: DashboardContext,
    @Args('stationCode') stationCode: string,
    @Args('itemId') itemId: string,
    @Args('justification') justification: string,
  ): Promise<MissingItemPayload> {
    await this.reviews.unmarkMissing(ctx.writeContext(), stationCode, itemId, justification);
    return { changed: true, mark: null, station: await stationOf(ctx, stationCode) };
  }

  @Mutation(() => LiftVetoPayload, { description: `Lifts a veto with a reason (PROVINCE within its province, or ADMIN); CONFLICT when already lifted. ${QUEUED}` })
  async liftVeto(@GqlContext() ctx: DashboardContext, @Args('vetoId') vetoId: string, @Args('reason') reason: string): Promise<LiftVetoPayload> {
    const veto = await this.vetoes.lift(ctx.writeContext(), vetoId, reason);
    return { veto, station: await stationOf(ctx, veto.stationCode) };
  }
}

async function stationOf(ctx: DashboardContext, code: string): Promise<Station> {
  const station = await ctx.loaders.station.load(code);
  if (!station) throw DomainError.notFound(`station ${code}`);
  return station;
}
