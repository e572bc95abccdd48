import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GqlEducation, GqlMajorCategory, GqlPosition, GqlSpecialEquipmentCertClass, GqlStaffingType } from '../enums.js';
import { KeyCount, listOf } from './common.types.js';

@ObjectType({ description: 'Who works at a station, counted (附件2). No personal data.' })
export class RosterSummary {
  @Field(() => Int, { description: 'People on the roster today (people who have left are not counted anywhere here).' })
  total: number;

  @Field(() => Int, { description: '在编 (every staffing type but AUXILIARY; note 11).' })
  established: number;

  @Field(() => Int, { description: '编外 auxiliary staff.' })
  auxiliary: number;

  @Field(() => [KeyCount], { description: 'Key: StaffingType.' })
  byStaffingType: KeyCount[];

  @Field(() => [KeyCount], { description: 'Established staff; key: Education.' })
  byEducation: KeyCount[];

  @Field(() => [KeyCount], { description: 'Established staff; key: MajorCategory.' })
  byMajorCategory: KeyCount[];

  @Field(() => Int, { description: 'Established staff with a bachelor\'s degree or higher.' })
  bachelorOrAbove: number;

  @Field(() => Int, { description: 'Established staff holding an enforcement certificate.' })
  enforcementCertHolders: number;

  @Field(() => Int, { description: 'Staff with a special equipment inspector certificate valid today (any class).' })
  specialEquipmentCertHolders: number;

  @Field(() => Int, { description: 'Of those, class B.' })
  classBSpecialEquipmentCertHolders: number;

  @Field(() => Int, { description: 'The training year counted: the calendar year before the current one.' })
  trainingYear: number;

  @Field(() => Int, { description: 'Established staff trained ≥ 12 days offline or ≥ 90 hours offline plus online in trainingYear (36①).' })
  trainingCompliant: number;

  @Field(() => Float, { nullable: true, description: 'trainingCompliant / established; null without established staff.' })
  trainingComplianceRate: number | null;

  @Field(() => Int)
  informationAdministrators: number;

  @Field({ description: 'A director (所长) is on the roster.' })
  hasDirector: boolean;
}

@ObjectType('TrainingYear', { description: 'Training of one calendar year.' })
export class TrainingYearView {
  @Field(() => Int)
  year: number;

  @Field(() => Float)
  offlineDays: number;

  @Field(() => Float)
  offlineHours: number;

  @Field(() => Float)
  onlineHours: number;

  @Field(() => Int)
  provincialTrainings: number;
}

@ObjectType({
  description:
    'One person on the roster. name, birthMonth, enforcementCertNo and specialEquipmentCertNo are personal data: only a county key (its own stations) or an admin key reads them; other keys get FORBIDDEN on those fields.',
})
export class RosterEntry {
  @Field()
  externalId: string;

  @Field(() => GqlPosition)
  position: string;

  @Field(() => GqlStaffingType)
  staffingType: string;

  @Field()
  established: boolean;

  @Field(() => GqlEducation)
  education: string;

  @Field(() => String, { nullable: true })
  major: string | null;

  @Field(() => GqlMajorCategory)
  majorCategory: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  hiredOn: string | null;

  @Field(() => Int)
  secondedMonths: number;

  @Field()
  hasEnforcementCert: boolean;

  @Field(() => GqlSpecialEquipmentCertClass, { nullable: true })
  specialEquipmentCertClass: string | null;

  @Field(() => String, { nullable: true })
  specialEquipmentCertExpiresOn: string | null;

  @Field(() => String, { nullable: true })
  lastHealthCheckOn: string | null;

  @Field()
  informationAdministrator: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day the person left; from then on they are in no ratio and not on 附件2. Null while on the roster.' })
  leftOn: string | null;

  @Field(() => [TrainingYearView], { complexity: listOf(3) })
  trainings: TrainingYearView[];
}
