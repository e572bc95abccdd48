import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { checkFirst, decodeCursor } from './cursor.js';
import { GqlContext } from './graphql-auth.js';
import type { DashboardContext } from './graphql-context.js';
import { onRoster, type PersonView } from '../personnel/roster.js';
import { listOf, perItem } from './types/common.types.js';
import { CaseConnection, CaseLedgerSummary, ComplaintYear, EquipmentSummary } from './types/ledger.types.js';
import { MissingItemMark, ReviewerAssessment } from './types/review.types.js';
import { RosterEntry, RosterSummary } from './types/roster.types.js';
import { Station } from './types/station.types.js';
import { Veto } from './types/veto.types.js';

/** What counties pushed about a station, and what reviewers stored, each through a loader. */
@Resolver(() => Station)
export class StationRecordsResolver {
  @ResolveField(() => RosterSummary, { description: 'Roster counts (附件2); no personal data.' })
  async roster(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<RosterSummary> {
    return ctx.loaders.rosterCounts.load(station.code);
  }

  @ResolveField(() => [RosterEntry], { description: 'Everyone on the roster today (and those who have left, with includeDeparted); personal fields are guarded (see RosterEntry).', complexity: listOf(15) })
  async people(
    @Parent() station: Station,
    @GqlContext() ctx: DashboardContext,
    @Args('includeDeparted', { type: () => Boolean, defaultValue: false, description: 'Also people who have left (leftOn today or earlier).' }) includeDeparted: boolean,
  ): Promise<PersonView[]> {
    const people = await ctx.loaders.people.load(station.code);
    return includeDeparted ? people : people.filter((p) => onRoster(p, ctx.loaders.today));
  }

  @ResolveField(() => EquipmentSummary)
  equipment(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<EquipmentSummary> {
    return ctx.loaders.equipment.load(station.code);
  }

  @ResolveField(() => CaseLedgerSummary)
  caseSummary(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<CaseLedgerSummary> {
    return ctx.loaders.caseSummary.load(station.code);
  }

  @ResolveField(() => CaseConnection, { description: 'The case ledger in case-number order, keyset-paged (first ≤ 100).', complexity: perItem(20) })
  async cases(
    @Parent() station: Station,
    @GqlContext() ctx: DashboardContext,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<CaseConnection> {
    const key = after == null ? null : String(decodeCursor('CASE', after, 1)[0]);
    const page = await ctx.loaders.casePage.load({ stationCode: station.code, first: checkFirst(first, 100), after: key });
    return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null } };
  }

  @ResolveField(() => [ComplaintYear], { description: '12315 figures per calendar year, newest first.', complexity: listOf(3) })
  complaints(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<ComplaintYear[]> {
    return ctx.loaders.complaints.load(station.code);
  }

  @ResolveField(() => [Veto], { description: 'Veto events, newest first; lifted ones only when asked.', complexity: listOf(3) })
  async vetoes(@Parent() station: Station, @GqlContext() ctx: DashboardContext, @Args('includeLifted', { defaultValue: false }) includeLifted: boolean): Promise<Veto[]> {
    const all = await ctx.loaders.vetoes.load(station.code);
    return includeLifted ? all : all.filter((v) => !v.lifted);
  }

  @ResolveField(() => [ReviewerAssessment], { description: "Reviewers' stored assessments, in rubric order.", complexity: listOf(20) })
  assessments(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<ReviewerAssessment[]> {
    return ctx.loaders.assessments.load(station.code);
  }

  @ResolveField(() => [MissingItemMark], { description: 'Missing items marked by reviewers.', complexity: listOf(3) })
  missingItemMarks(@Parent() station: Station, @GqlContext() ctx: DashboardContext): Promise<MissingItemMark[]> {
    return ctx.loaders.marks.load(station.code);
  }
}
