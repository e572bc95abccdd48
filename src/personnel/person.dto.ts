// The push interface's Person (附件2 市场监管所人员一览表) as validated DTOs, their normal
// form (the domain Person, which is digested and stored) and the OpenAPI schema.
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import type { DisciplinaryRecord, Person, SpecialEquipmentCert, TrainingYear } from '../domain/station-data.js';
import {
  EDUCATIONS,
  MAJOR_CATEGORIES,
  POSITIONS,
  SPECIAL_EQUIPMENT_CERT_CLASSES,
  STAFFING_TYPES,
  type Education,
  type MajorCategory,
  type Position,
  type SpecialEquipmentCertClass,
  type StaffingType,
} from '../domain/vocabulary.js';
import {
  IsBool,
  IsDate,
  IsDecimalIn,
  IsIntIn,
  IsKey,
  IsList,
  IsMonth,
  IsOneOf,
  IsPlainObject,
  IsStationCode,
  IsText,
  BatchItems,
  DocumentedRules,
  MAX_YEAR,
  MIN_YEAR,
  Nested,
  Optional,
  PAST,
  Required,
} from '../ingestion/validation/field-rules.js';
import type { PathProblem, RowSpec } from '../ingestion/validation/validate.js';

export class SpecialEquipmentCertDto {
  @ApiProperty({ description: '特种设备安全监察员证 number', example: 'TSJC-冀-2021-0087' })
  @Required()
  @IsText(64)
  number: string;

  @ApiProperty({ enum: SPECIAL_EQUIPMENT_CERT_CLASSES, example: 'B' })
  @Required()
  @IsOneOf(SPECIAL_EQUIPMENT_CERT_CLASSES)
  class: SpecialEquipmentCertClass;

  @ApiProperty({ format: 'date', example: '2027-06-30' })
  @Required()
  @IsDate()
  expiresOn: string;
}

export class TrainingYearDto {
  @ApiProperty({ description: 'calendar year of the training', example: 2024 })
  @Required()
  @IsIntIn(MIN_YEAR, MAX_YEAR)
  year: number;

  @ApiPropertyOptional({ description: '脱产培训 days (one decimal)', default: 0, example: 12 })
  @Optional()
  @IsDecimalIn(0, 366, 1)
  offlineDays?: number;

  @ApiPropertyOptional({ description: '脱产培训 hours (one decimal)', default: 0, example: 0 })
  @Optional()
  @IsDecimalIn(0, 99999.9, 1)
  offlineHours?: number;

  @ApiPropertyOptional({ description: '线上培训 hours (one decimal)', default: 0, example: 36.5 })
  @Optional()
  @IsDecimalIn(0, 99999.9, 1)
  onlineHours?: number;

  @ApiPropertyOptional({ description: 'provincial-level (or higher) trainings or cross-region exchanges attended', default: 0, example: 1 })
  @Optional()
  @IsIntIn(0, 999)
  provincialTrainings?: number;
}

export class DisciplinaryRecordDto {
  @ApiProperty({ format: 'date', example: '2024-05-20' })
  @Required()
  @IsDate(PAST)
  date: string;

  @ApiProperty({ description: 'kind of sanction', example: '警告' })
  @Required()
  @IsText(64)
  kind: string;

  @ApiPropertyOptional({ default: '', example: '违反工作纪律' })
  @Optional()
  @IsText(1000, { min: 0, multiline: true })
  description?: string;
}

/** hiredOn is not before birthMonth (compared as ISO text: '1985-07' ≤ '1985-07-01'). */
export const PERSON_DATE_ORDER = [['birthMonth', 'hiredOn'], ['hiredOn', 'leftOn']] as const;

@DocumentedRules({ 'x-not-before': PERSON_DATE_ORDER })
export class PersonDto {
  @ApiProperty({ description: "the county system's id of the person (key of upserts and deletes)", example: 'P0001' })
  @Required()
  @IsKey(64)
  externalId: string;

  @ApiProperty({ example: '张伟' })
  @Required()
  @IsText(100)
  name: string;

  @ApiProperty({ enum: POSITIONS, description: 'DIRECTOR 所长, DEPUTY_DIRECTOR 副所长, STAFF', example: 'DIRECTOR' })
  @Required()
  @IsOneOf(POSITIONS)
  position: Position;

  @ApiPropertyOptional({ type: 'string', description: 'YYYY-MM', nullable: true, example: '1985-07' })
  @Optional()
  @IsMonth(PAST)
  birthMonth?: string | null;

  @ApiProperty({ enum: EDUCATIONS, example: 'BACHELOR' })
  @Required()
  @IsOneOf(EDUCATIONS)
  education: Education;

  @ApiPropertyOptional({ type: 'string', nullable: true, example: '法学' })
  @Optional()
  @IsText(100)
  major?: string | null;

  @ApiProperty({ enum: MAJOR_CATEGORIES, example: 'LAW' })
  @Required()
  @IsOneOf(MAJOR_CATEGORIES)
  majorCategory: MajorCategory;

  @ApiProperty({ enum: STAFFING_TYPES, description: '行政编 ADMINISTRATIVE, 参公编 CIVIL_SERVANT_MANAGED, 事业编 PUBLIC_INSTITUTION, 工勤编 WORKER, 其他编制 OTHER_ESTABLISHED, 编外 AUXILIARY', example: 'ADMINISTRATIVE' })
  @Required()
  @IsOneOf(STAFFING_TYPES)
  staffingType: StaffingType;

  @ApiPropertyOptional({ type: 'string', description: '执法证 number', nullable: true, example: '13010220190045' })
  @Optional()
  @IsText(64)
  enforcementCertNo?: string | null;

  @ApiPropertyOptional({ type: SpecialEquipmentCertDto, nullable: true })
  @Optional()
  @IsPlainObject()
  @Nested(() => SpecialEquipmentCertDto)
  specialEquipmentCert?: SpecialEquipmentCertDto | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2012-08-01' })
  @Optional()
  @IsDate(PAST)
  hiredOn?: string | null;

  @ApiPropertyOptional({ description: 'months seconded out (借出) in the last 2 years', default: 0, example: 0 })
  @Optional()
  @IsIntIn(0, 24)
  secondedMonths?: number;

  @ApiPropertyOptional({ type: [TrainingYearDto], description: 'one entry per calendar year (years unique)', default: [] })
  @Optional()
  @IsList(50, { uniqueBy: 'year' })
  @Nested(() => TrainingYearDto, { each: true })
  trainings?: TrainingYearDto[];

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2024-11-15' })
  @Optional()
  @IsDate(PAST)
  lastHealthCheckOn?: string | null;

  @ApiPropertyOptional({ description: '信息管理员 (may be part-time)', default: false, example: false })
  @Optional()
  @IsBool()
  informationAdministrator?: boolean;

  @ApiPropertyOptional({ type: [DisciplinaryRecordDto], default: [] })
  @Optional()
  @IsList(100)
  @Nested(() => DisciplinaryRecordDto, { each: true })
  disciplinaryRecords?: DisciplinaryRecordDto[];

  @ApiPropertyOptional({
    type: 'string',
    format: 'date',
    nullable: true,
    description:
      'the day the person left the station (not before hiredOn). From then on they are in no ratio and not on 附件2; their dated records still count in their windows. A roster PUT sets it to today for people it no longer lists; null brings a person back.',
    example: null,
  })
  @Optional()
  @IsDate(PAST)
  leftOn?: string | null;
}

export class PersonBatchDto {
  @ApiProperty({ type: [PersonDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); externalId unique in the batch' })
  @BatchItems(['externalId'])
  items: PersonDto[];
}

const PERSONAL =
  'Personal data: present for a COUNTY key on the stations of its county and for ADMIN keys; left out of the answer (absent, not null) for every other key';

export class SpecialEquipmentCertReadDto extends OmitType(SpecialEquipmentCertDto, ['number']) {
  @ApiPropertyOptional({ description: `特种设备安全监察员证 number. ${PERSONAL}`, example: 'TSJC-冀-2021-0087' })
  number?: string;
}

/** A person as reads answer it (GET …/personnel, GET …/personnel/{externalId}). */
export class PersonReadDto extends OmitType(PersonDto, ['name', 'birthMonth', 'enforcementCertNo', 'specialEquipmentCert']) {
  @ApiPropertyOptional({ description: PERSONAL, example: '张伟' })
  name?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: `YYYY-MM. ${PERSONAL}`, example: '1985-07' })
  birthMonth?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: `执法证 number. ${PERSONAL}`, example: '13010220190045' })
  enforcementCertNo?: string | null;

  @ApiPropertyOptional({ type: SpecialEquipmentCertReadDto, nullable: true, description: 'class and expiry for every key; the number is personal data' })
  specialEquipmentCert: SpecialEquipmentCertReadDto | null;
}

/** A person of a bulk batch: the same fields plus the station it belongs to. */
export class BulkPersonDto extends PersonDto {
  @ApiProperty({ description: 'station code', example: '130102001' })
  @Required()
  @IsStationCode()
  stationCode: string;
}

export class BulkPersonBatchDto {
  @ApiProperty({ type: [BulkPersonDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); (stationCode, externalId) unique in the batch' })
  @BatchItems(['stationCode', 'externalId'])
  items: BulkPersonDto[];
}

export function checkPerson(dto: PersonDto, failed: ReadonlySet<string>): PathProblem[] {
  const problems: PathProblem[] = [];
  const seen = new Map<number, number>();
  (!failed.has('trainings') ? (dto.trainings ?? []) : []).forEach((t, i) => {
    const first = seen.get(t.year);
    if (first !== undefined) problems.push({ path: `trainings[${i}].year`, reason: `year ${t.year} appears twice (also trainings[${first}])` });
    else seen.set(t.year, i);
  });
  if (!failed.has('hiredOn') && !failed.has('birthMonth') && dto.hiredOn && dto.birthMonth && dto.hiredOn.slice(0, 7) < dto.birthMonth) {
    problems.push({ path: 'hiredOn', reason: 'hiredOn must not be before birthMonth' });
  }
  if (!failed.has('hiredOn') && !failed.has('leftOn') && dto.hiredOn && dto.leftOn && dto.leftOn < dto.hiredOn) {
    problems.push({ path: 'leftOn', reason: `leftOn (${dto.leftOn}) must not be before hiredOn (${dto.hiredOn})` });
  }
  return problems;
}

/**
 * The stored and digested person: defaults applied, order-free lists sorted, keys in sorted
 * order (see rowDigest). leftOn appears only when set, so a person pushed before it existed
 * keeps their digest. A stored Person is a valid PersonDto, so this also normalises one.
 */
export function normalizePerson(dto: PersonDto): Person {
  const leftOn = dto.leftOn ?? null;
  const cert: SpecialEquipmentCert | null = dto.specialEquipmentCert
    ? { class: dto.specialEquipmentCert.class, expiresOn: dto.specialEquipmentCert.expiresOn, number: dto.specialEquipmentCert.number }
    : null;
  const trainings: TrainingYear[] = (dto.trainings ?? [])
    .map((t) => ({
      offlineDays: t.offlineDays ?? 0,
      offlineHours: t.offlineHours ?? 0,
      onlineHours: t.onlineHours ?? 0,
      provincialTrainings: t.provincialTrainings ?? 0,
      year: t.year,
    }))
    .sort((a, b) => a.year - b.year);
  const records: DisciplinaryRecord[] = (dto.disciplinaryRecords ?? [])
    .map((r) => ({ date: r.date, description: r.description ?? '', kind: r.kind }))
    .sort((a, b) => compare(a.date, b.date) || compare(a.kind, b.kind) || compare(a.description, b.description));
  return {
    birthMonth: dto.birthMonth ?? null,
    disciplinaryRecords: records,
    education: dto.education,
    enforcementCertNo: dto.enforcementCertNo ?? null,
    externalId: dto.externalId,
    hiredOn: dto.hiredOn ?? null,
    informationAdministrator: dto.informationAdministrator ?? false,
    lastHealthCheckOn: dto.lastHealthCheckOn ?? null,
    ...(leftOn === null ? {} : { leftOn }),
    major: dto.major ?? null,
    majorCategory: dto.majorCategory,
    name: dto.name,
    position: dto.position,
    secondedMonths: dto.secondedMonths ?? 0,
    specialEquipmentCert: cert,
    staffingType: dto.staffingType,
    trainings,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const PERSON_ROW: RowSpec<PersonDto, Person> = {
  dto: PersonDto,
  keyOf: (raw) => (typeof raw.externalId === 'string' ? raw.externalId : undefined),
  keyName: 'externalId',
  check: checkPerson,
  normalize: normalizePerson,
};

export interface StationPerson {
  stationCode: string;
  row: Person;
}

export const BULK_PERSON_ROW: RowSpec<BulkPersonDto, StationPerson> = {
  dto: BulkPersonDto,
  keyOf: (raw) => (typeof raw.stationCode === 'string' && typeof raw.externalId === 'string' ? `${raw.stationCode}/${raw.externalId}` : undefined),
  keyName: 'externalId',
  check: checkPerson,
  normalize: (dto) => ({ stationCode: dto.stationCode, row: normalizePerson(dto) }),
};
