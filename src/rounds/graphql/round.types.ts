// GraphQL types of rating rounds (docs/rounds-api.md): names are the contract.
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../dashboard/types/common.types.js';
import { OBJECTION_STATUSES } from '../round-review.entities.js';
import { APPLICATION_STATUSES, ROUND_LEVELS, ROUND_STATUSES } from '../round-status.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
export const GqlRoundStatus = enumOf(ROUND_STATUSES);
export const GqlApplicationStatus = enumOf(APPLICATION_STATUSES);
export const GqlRoundLevel = enumOf(ROUND_LEVELS);
export const GqlObjectionStatus = enumOf(OBJECTION_STATUSES);
registerEnumType(GqlRoundStatus, { name: 'RoundStatus', description: 'OPEN → REVIEW → PUBLICIZING → CONFIRMED.' });
registerEnumType(GqlApplicationStatus, { name: 'ApplicationStatus', description: 'DRAFT → SUBMITTED → (RETURNED → SUBMITTED) → IN_REVIEW → REVIEWED → AWARDED | NOT_AWARDED (REVOKED after an award).' });
registerEnumType(GqlRoundLevel, { name: 'RoundLevel', description: 'The star level a round rates for.' });
registerEnumType(GqlObjectionStatus, { name: 'ObjectionStatus' });

@ObjectType({ description: 'How many applications of the round have one status.' })
export class RoundStatusCount {
  @Field(() => GqlApplicationStatus)
  status: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'An awarded station whose live score now shows a veto (early warning after confirmation).' })
export class AwardWarning {
  @Field()
  stationCode: string;

  @Field(() => ID)
  vetoId: string;

  @Field()
  kind: string;

  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field({ description: "The veto's reason as the live score shows it." })
  reason: string;
}

@ObjectType({ description: 'A rating round (评定批次).' })
export class RatingRound {
  @Field(() => ID)
  id: string;

  @Field()
  provinceCode: string;

  @Field()
  name: string;

  @Field(() => GqlRoundLevel)
  level: string;

  @Field({ description: 'YYYY-MM-DD: every 近N年 window ends on it.' })
  cutOff: string;

  @Field()
  caseSampleFrom: string;

  @Field()
  caseSampleTo: string;

  @Field(() => Date)
  applicationDeadline: Date;

  @Field(() => Int)
  publicationDays: number;

  @Field(() => String, { nullable: true })
  publicationFrom: string | null;

  @Field(() => String, { nullable: true })
  publicationTo: string | null;

  @Field()
  rubricVersion: string;

  @Field()
  starPolicyId: string;

  @Field(() => GqlRoundStatus)
  status: string;

  @Field(() => Date)
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  applicationsClosedAt: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @Field(() => String, { nullable: true })
  earlyConfirmReason: string | null;

  @Field(() => String, { nullable: true, description: 'chain_hash of the last confirmed result (set at confirmation).' })
  chainHead: string | null;
}

@ObjectType({ description: 'One status change of an application.' })
export class ApplicationTransition {
  @Field(() => GqlApplicationStatus, { nullable: true })
  fromStatus: string | null;

  @Field(() => GqlApplicationStatus)
  toStatus: string;

  @Field({ description: 'API key role, or SYSTEM.' })
  actorRole: string;

  @Field(() => Date)
  at: Date;

  @Field(() => String, { nullable: true })
  reason: string | null;
}

@ObjectType()
export class MaterialItem {
  @Field()
  title: string;

  @Field(() => [String])
  fileIds: string[];
}

@ObjectType({ description: '提供材料目录 of one criterion.' })
export class CriterionMaterials {
  @Field()
  criterionId: string;

  @Field(() => [MaterialItem])
  items: MaterialItem[];
}

@ObjectType({ description: "A reviewer's decision on a declared missing item." })
export class MissingItemDecision {
  @Field()
  accepted: boolean;

  @Field()
  reason: string;

  @Field(() => Date)
  decidedAt: Date;
}

@ObjectType({ description: 'A declared reasonable missing item (合理缺项) with its decision (null: undecided).' })
export class DeclaredMissingItem {
  @Field()
  itemId: string;

  @Field()
  duty: string;

  @Field()
  reason: string;

  @Field(() => MissingItemDecision, { nullable: true })
  decision: MissingItemDecision | null;
}

@ObjectType()
export class CertificationAnswer {
  @Field()
  item: string;

  @Field()
  value: boolean;
}

@ObjectType({ description: '附件3 as certified for the round.' })
export class ApplicationCertification {
  @Field(() => [CertificationAnswer])
  items: CertificationAnswer[];

  @Field()
  remarks: string;

  @Field()
  certifiedBy: string;

  @Field()
  certifiedOn: string;

  @Field()
  sealedScanFileId: string;
}

@ObjectType({ description: 'The latest material review of one criterion.' })
export class CriterionReview {
  @Field()
  criterionId: string;

  @Field(() => Float)
  points: number;

  @Field()
  note: string;

  @Field(() => [String])
  fileIds: string[];

  @Field(() => Date)
  reviewedAt: Date;
}

@ObjectType()
export class InspectionAdjustment {
  @Field()
  criterionId: string;

  @Field(() => Float)
  points: number;

  @Field()
  reason: string;
}

@ObjectType({ description: '实地考察.' })
export class Inspection {
  @Field(() => ID)
  id: string;

  @Field()
  date: string;

  @Field(() => [String])
  inspectors: string[];

  @Field()
  findings: string;

  @Field(() => [InspectionAdjustment])
  adjustments: InspectionAdjustment[];

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType({ description: '异议 during publication.' })
export class Objection {
  @Field(() => ID)
  id: string;

  @Field()
  stationCode: string;

  @Field()
  receivedOn: string;

  @Field()
  fromWhom: string;

  @Field()
  content: string;

  @Field(() => GqlObjectionStatus)
  status: string;

  @Field(() => String, { nullable: true })
  resolutionReason: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Date)
  recordedAt: Date;
}

@ObjectType({ description: "A station's application in a round." })
export class RoundApplication {
  @Field(() => ID)
  id: string;

  @Field()
  roundId: string;

  @Field()
  stationCode: string;

  @Field(() => GqlApplicationStatus)
  status: string;

  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Field(() => Int)
  version: number;

  @Field(() => [CriterionMaterials])
  materials: CriterionMaterials[];

  @Field(() => ApplicationCertification, { nullable: true })
  certification: ApplicationCertification | null;

  /** The declared missing items (read by the missingItems field with their decisions). */
  declared: { itemId: string; duty: string; reason: string }[];
}

@ObjectType()
export class RoundApplicationConnection extends Connection(RoundApplication, 'RoundApplication') {
  @Field(() => Int)
  totalCount: number;
}

@InputType()
export class RoundApplicationFilter {
  @Field(() => GqlApplicationStatus, { nullable: true })
  status?: string | null;

  @Field(() => String, { nullable: true, description: 'Region (province, city or county code) of the stations.' })
  regionCode?: string | null;
}

@InputType()
export class InspectionAdjustmentInput {
  @Field()
  criterionId: string;

  @Field(() => Float)
  points: number;

  @Field()
  reason: string;
}

@InputType()
export class InspectionInput {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => [String])
  inspectors: string[];

  @Field()
  findings: string;

  @Field(() => [InspectionAdjustmentInput], { defaultValue: [] })
  adjustments: InspectionAdjustmentInput[];
}

@InputType()
export class ObjectionInput {
  @Field({ description: 'YYYY-MM-DD' })
  receivedOn: string;

  @Field()
  fromWhom: string;

  @Field()
  content: string;
}

@InputType()
export class OpenRoundInput {
  @Field()
  provinceCode: string;

  @Field()
  name: string;

  @Field(() => GqlRoundLevel)
  level: string;

  @Field({ description: 'YYYY-MM-DD' })
  cutOff: string;

  @Field(() => String, { nullable: true, description: 'Default: the first day of the 4 months ending with the cut-off month.' })
  caseSampleFrom?: string | null;

  @Field(() => String, { nullable: true })
  caseSampleTo?: string | null;

  @Field(() => Date)
  applicationDeadline: Date;

  @Field(() => Int)
  publicationDays: number;
}

@ObjectType()
export class VerificationMismatch {
  @Field({ description: 'Empty for a mismatch of the chain head itself.' })
  stationCode: string;

  @Field()
  reason: string;
}

@ObjectType({ description: 'A confirmed round recomputed from its stored inputs.' })
export class RoundVerification {
  @Field()
  ok: boolean;

  @Field(() => Int)
  checked: number;

  @Field(() => [VerificationMismatch])
  mismatches: VerificationMismatch[];

  @Field(() => String, { nullable: true })
  chainHead: string | null;
}

