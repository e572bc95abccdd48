import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GqlCaseProcedure, GqlEquipmentType, GqlFileReviewResult } from '../enums.js';
import { Connection } from './common.types.js';

@ObjectType()
export class EquipmentCount {
  @Field(() => GqlEquipmentType)
  type: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType({ description: 'Equipment register (设施装备) summed; only items in service count for scoring.' })
export class EquipmentSummary {
  @Field(() => [EquipmentCount], { description: 'Quantity in service by type.' })
  inService: EquipmentCount[];

  @Field(() => Int, { description: 'Quantity broken.' })
  broken: number;

  @Field(() => Int, { description: 'Quantity retired.' })
  retired: number;

  @Field(() => Int, { description: 'Register lines.' })
  lines: number;
}

@ObjectType({ description: 'Case ledger (执法办案台账) counted over the 近2年 window of the current score (or today).' })
export class CaseLedgerSummary {
  @Field({ description: 'Window start (YYYY-MM-DD), inclusive.' })
  windowFrom: string;

  @Field({ description: 'Window end: the cut-off.' })
  windowTo: string;

  @Field(() => Int, { description: 'Every case on the ledger.' })
  total: number;

  @Field(() => Int)
  general: number;

  @Field(() => Int)
  simple: number;

  @Field(() => Int, { description: 'Cases closed in the window.' })
  closedInWindow: number;

  @Field(() => Int, { description: 'General-procedure cases closed in the window (what 7④ and 8 look at).' })
  generalClosedInWindow: number;

  @Field(() => Int, { description: 'Of those, entered into the system late (after decision + entryDeadlineDays) or never.' })
  lateEntries: number;

  @Field(() => Int, { description: 'Of those, not archived.' })
  notArchived: number;

  @Field(() => Int, { description: 'Of those, not publicised.' })
  notPublicised: number;

  @Field(() => Int, { description: 'Of those, without a full-process record.' })
  withoutFullProcessRecord: number;

  @Field(() => Int, { description: 'Of those, major decisions without legal review.' })
  majorWithoutLegalReview: number;

  @Field(() => Int, { description: 'Cases closed in the window whose file review failed.' })
  fileReviewFailed: number;

  @Field(() => Int, { description: 'Cases overturned on reconsideration or litigation in the window (overturnedOn, else the closing or decision date).' })
  overturned: number;

  @Field(() => Int, { description: 'Cases closed in the window with a minor-violation exemption (首违免罚).' })
  minorViolationExemptions: number;

  @Field({ description: 'Fines of cases closed in the window, yuan (decimal string).' })
  fineTotal: string;

  @Field({ description: 'Confiscations of cases closed in the window, yuan (decimal string).' })
  confiscationTotal: string;

  @Field(() => Int, { description: "The province's 7④ entry deadline in days after the decision." })
  entryDeadlineDays: number;
}

@ObjectType({ description: 'One case of the ledger.' })
export class EnforcementCase {
  @Field()
  caseNumber: string;

  @Field(() => GqlCaseProcedure)
  procedure: string;

  @Field()
  target: string;

  @Field(() => String, { nullable: true })
  violation: string | null;

  @Field(() => String, { nullable: true })
  filedOn: string | null;

  @Field(() => String, { nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true })
  closedOn: string | null;

  @Field(() => String, { nullable: true })
  enteredOn: string | null;

  @Field()
  archived: boolean;

  @Field()
  publicised: boolean;

  @Field()
  fullProcessRecorded: boolean;

  @Field()
  majorDecision: boolean;

  @Field()
  legalReviewed: boolean;

  @Field(() => GqlFileReviewResult)
  fileReview: string;

  @Field(() => String, { nullable: true, description: '案卷评查 date (YYYY-MM-DD); 9① reads the latest review. Null: the closing date stands in.' })
  fileReviewedOn: string | null;

  @Field()
  overturned: boolean;

  @Field(() => String, { nullable: true, description: 'Date overturned on reconsideration or litigation (YYYY-MM-DD); 9② reads it. Null: the closing date stands in.' })
  overturnedOn: string | null;

  @Field()
  fineAmount: string;

  @Field()
  confiscationAmount: string;

  @Field()
  minorViolationExempted: boolean;
}

@ObjectType()
export class CaseConnection extends Connection(EnforcementCase, 'EnforcementCase') {}

@ObjectType({ description: '12315 figures of one calendar year (a yearly row wins over the months; months are summed).' })
export class ComplaintYear {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: 'Monthly rows summed; 0 when a yearly row was pushed.' })
  months: number;

  @Field(() => Int)
  complaintsReceived: number;

  @Field(() => Int)
  complaintsCheckedOnTime: number;

  @Field(() => Int)
  complaintsClosed: number;

  @Field(() => Int)
  complaintsClosedOnTime: number;

  @Field(() => Int)
  mediationsAttempted: number;

  @Field(() => Int)
  mediationsSucceeded: number;

  @Field(() => Int)
  reportsReceived: number;

  @Field(() => Int)
  reportsVerifiedOnTime: number;

  @Field(() => Int)
  realNameReports: number;

  @Field(() => Int)
  realNameReportersNotified: number;

  @Field(() => Float, { nullable: true, description: 'checkedOnTime / received; null when nothing was received.' })
  checkedOnTimeRate: number | null;

  @Field(() => Float, { nullable: true })
  closedOnTimeRate: number | null;

  @Field(() => Float, { nullable: true })
  mediationSuccessRate: number | null;

  @Field(() => Float, { nullable: true, description: "That year's national average mediation success rate." })
  nationalMediationAverage: number | null;

  @Field(() => Float, { nullable: true })
  reportsVerifiedOnTimeRate: number | null;

  @Field(() => Float, { nullable: true })
  realNameNotifiedRate: number | null;
}
