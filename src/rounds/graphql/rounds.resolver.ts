// Queries and mutations of rating rounds for province reviewers and dashboards
// (docs/rounds-api.md). Thin: the services decide; reads check the round's province.
import { UseGuards } from '@nestjs/common';
import { Args, Float, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { GqlContext, GqlAuthGuard } from '../../dashboard/graphql-auth.js';
import type { DashboardContext } from '../../dashboard/graphql-context.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import { RoundPublicationService } from '../review/round-publication.service.js';
import { RoundReviewService } from '../review/round-review.service.js';
import { RoundVerificationService } from '../review/round-verification.service.js';
import { RoundsService } from '../rounds.service.js';
import { toApplication, toObjection } from './round-mapping.js';
import { InspectionInput, Objection, ObjectionInput, OpenRoundInput, RatingRound, RoundApplication, RoundVerification } from './round.types.js';

const MANAGE = 'PROVINCE keys of the round\'s province and ADMIN; others FORBIDDEN. Audited.';

@Resolver()
@UseGuards(GqlAuthGuard)
export class RoundsResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roundsService: RoundsService,
    private readonly review: RoundReviewService,
    private readonly publication: RoundPublicationService,
    private readonly verification: RoundVerificationService,
  ) {}

  @Query(() => [RatingRound], { description: "Rounds of a province (default: the key's; ADMIN: all), newest first." })
  async rounds(@GqlContext() ctx: DashboardContext, @Args('provinceCode', { type: () => String, nullable: true }) provinceCode: string | null): Promise<RatingRound[]> {
    const list = await this.roundsService.list(ctx.principal, provinceCode);
    const due = list.filter((r) => r.status === 'OPEN' && r.applicationDeadline.getTime() <= Date.now());
    if (due.length === 0) return list;
    for (const r of due) await this.review.closeDue(r.id);
    return this.roundsService.list(ctx.principal, provinceCode);
  }

  @Query(() => RatingRound, { description: 'One round; NOT_FOUND when unknown or outside the key\'s province.' })
  async round(@GqlContext() ctx: DashboardContext, @Args('id', { type: () => ID }) id: string): Promise<RatingRound> {
    const round = await this.roundsService.get(ctx.principal, id);
    if (round.status !== 'OPEN' || round.applicationDeadline.getTime() > Date.now()) return round;
    await this.review.closeDue(id);
    return this.roundsService.get(ctx.principal, id);
  }

  @Query(() => RoundVerification, { description: 'Recomputes every confirmed result of the round from its stored inputs and the hash chain.' })
  verifyRound(@GqlContext() ctx: DashboardContext, @Args('id', { type: () => ID }) id: string): Promise<RoundVerification> {
    return this.verification.verify(ctx.principal, id);
  }

  @Mutation(() => RatingRound, { description: `Opens a round (OPEN). ${MANAGE}` })
  openRound(@GqlContext() ctx: DashboardContext, @Args('input') input: OpenRoundInput): Promise<RatingRound> {
    return this.roundsService.open(ctx.writeContext(), input);
  }

  @Mutation(() => RatingRound, { description: `Ends the application phase now: OPEN → REVIEW (also happens at the deadline). ${MANAGE}` })
  closeApplications(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string): Promise<RatingRound> {
    return this.review.closeApplications(ctx.writeContext(), roundId);
  }

  @Mutation(() => RoundApplication, { description: `退回补正: RETURNED for correction (round in REVIEW). ${MANAGE}` })
  async returnApplication(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('stationCode') stationCode: string, @Args('reason') reason: string): Promise<RoundApplication> {
    return toApplication(await this.review.returnApplication(ctx.writeContext(), roundId, stationCode, reason));
  }

  @Mutation(() => RoundApplication, { description: `Material review of one criterion (0..max, steps of 0.5); a DATA or ATTESTED criterion needs a note. ${MANAGE}` })
  async reviewCriterion(
    @GqlContext() ctx: DashboardContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('stationCode') stationCode: string,
    @Args('criterionId', { description: 'Criterion id ("1.1.1.1") or code ("1①").' }) criterionId: string,
    @Args('points', { type: () => Float }) points: number,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @Args('fileIds', { type: () => [String], defaultValue: [] }) fileIds: string[],
  ): Promise<RoundApplication> {
    return toApplication(await this.review.reviewCriterion(ctx.writeContext(), { roundId, stationCode, criterionId, points, note, fileIds }));
  }

  @Mutation(() => RoundApplication, { description: `实地考察: its adjustments override the material reviews. ${MANAGE}` })
  async recordInspection(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('stationCode') stationCode: string, @Args('input') input: InspectionInput): Promise<RoundApplication> {
    return toApplication(await this.review.recordInspection(ctx.writeContext(), roundId, stationCode, input));
  }

  @Mutation(() => RoundApplication, { description: `Accepts (re-bases the score) or rejects a declared missing item. ${MANAGE}` })
  async decideMissingItem(
    @GqlContext() ctx: DashboardContext,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('stationCode') stationCode: string,
    @Args('itemId') itemId: string,
    @Args('accepted') accepted: boolean,
    @Args('reason') reason: string,
  ): Promise<RoundApplication> {
    return toApplication(await this.review.decideMissingItem(ctx.writeContext(), roundId, stationCode, itemId, accepted, reason));
  }

  @Mutation(() => RatingRound, { description: `公示: PUBLICIZING for publicationDays from \`from\`; CONFLICT naming every application still in review and its pending criteria. ${MANAGE}` })
  publishRound(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('from', { description: 'YYYY-MM-DD' }) from: string): Promise<RatingRound> {
    return this.publication.publish(ctx.writeContext(), roundId, from);
  }

  @Mutation(() => Objection, { description: `异议 during publication. ${MANAGE}` })
  async recordObjection(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('stationCode') stationCode: string, @Args('input') input: ObjectionInput): Promise<Objection> {
    const objection = await this.publication.recordObjection(ctx.writeContext(), roundId, stationCode, input);
    return toObjection(objection, stationCode.trim());
  }

  @Mutation(() => Objection, { description: `Upheld: the station goes back to review (IN_REVIEW). ${MANAGE}` })
  async resolveObjection(@GqlContext() ctx: DashboardContext, @Args('objectionId', { type: () => ID }) objectionId: string, @Args('upheld') upheld: boolean, @Args('reason') reason: string): Promise<Objection> {
    const objection = await this.publication.resolveObjection(ctx.writeContext(), objectionId, upheld, reason);
    const application = await new RoundApplicationsRepository(this.dataSource).get(objection.applicationId);
    return toObjection(objection, application.stationCode);
  }

  @Mutation(() => RatingRound, { description: `认定: results stored in a hash chain and sealed; CONFIRMED. Refused while an objection is open, an application is not REVIEWED, or before the period ends unless an ADMIN key gives earlyReason. ${MANAGE}` })
  confirmRound(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('earlyReason', { type: () => String, nullable: true }) earlyReason: string | null): Promise<RatingRound> {
    return this.publication.confirm(ctx.writeContext(), roundId, earlyReason, ctx.today);
  }

  @Mutation(() => RoundApplication, { description: `摘星: AWARDED → REVOKED, kept as history. ${MANAGE}` })
  async revokeAward(@GqlContext() ctx: DashboardContext, @Args('roundId', { type: () => ID }) roundId: string, @Args('stationCode') stationCode: string, @Args('reason') reason: string): Promise<RoundApplication> {
    return toApplication(await this.publication.revokeAward(ctx.writeContext(), roundId, stationCode, reason));
  }
}
