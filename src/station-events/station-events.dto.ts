import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnnualReview, BonusEvent, VetoEventInput } from '../domain/station-data.js';
import {
  ANNUAL_REVIEW_RESULTS,
  BONUS_CATEGORIES,
  BONUS_LEVELS,
  VETO_KINDS,
  type AnnualReviewResult,
  type BonusCategory,
  type BonusLevel,
  type VetoKind,
} from '../domain/vocabulary.js';
import { DocumentedRules, IsDate, IsDecimalIn, IsIntIn, IsKey, IsOneOf, IsText, MAX_YEAR, MIN_YEAR, Optional, PAST, Required } from '../ingestion/validation/field-rules.js';
import type { PathProblem, RowSpec } from '../ingestion/validation/validate.js';

/** points is given for category OTHER and only for it. */
export const BONUS_POINTS_ONLY_FOR = ['OTHER'] as const;

@DocumentedRules({ 'x-present-if': { points: { category: BONUS_POINTS_ONLY_FOR } } })
export class BonusEventDto {
  @ApiProperty({ description: 'identifies the event: the same key counts once (a second POST updates it)', example: '2024-省级-青年文明号' })
  @Required()
  @IsKey(128)
  eventKey: string;

  @ApiProperty({ enum: BONUS_CATEGORIES, example: 'AWARD' })
  @Required()
  @IsOneOf(BONUS_CATEGORIES)
  category: BonusCategory;

  @ApiProperty({ enum: BONUS_LEVELS, description: 'level of the body that gave it', example: 'PROVINCIAL' })
  @Required()
  @IsOneOf(BONUS_LEVELS)
  level: BonusLevel;

  @ApiProperty({ format: 'date', example: '2024-05-04' })
  @Required()
  @IsDate(PAST)
  date: string;

  @ApiProperty({ description: "'COLLECTIVE' or a person's externalId (checked for format only: the person may have left)", example: 'COLLECTIVE' })
  @Required()
  @IsKey(64)
  subject: string;

  @ApiPropertyOptional({ default: '', example: '荣获省级青年文明号' })
  @Optional()
  @IsText(1000, { min: 0, multiline: true })
  description?: string;

  @ApiPropertyOptional({ type: 'number', description: 'required for category OTHER and only for it: 0 to 10 in steps of 0.5', nullable: true, example: null })
  @Optional()
  @IsDecimalIn(0, 10, 1, 0.5)
  points?: number | null;
}

export function checkBonus(dto: BonusEventDto, failed: ReadonlySet<string>): PathProblem[] {
  if (failed.has('category') || failed.has('points')) return [];
  const hasPoints = dto.points !== undefined && dto.points !== null;
  const forPoints = (BONUS_POINTS_ONLY_FOR as readonly string[]).includes(dto.category);
  if (forPoints && !hasPoints) return [{ path: 'points', reason: 'points is required for category OTHER' }];
  if (!forPoints && hasPoints) return [{ path: 'points', reason: `points is only for category OTHER (${dto.category} earns the points the rubric gives its level)` }];
  return [];
}

export const BONUS_EVENT: RowSpec<BonusEventDto, BonusEvent> = {
  dto: BonusEventDto,
  check: checkBonus,
  normalize: (dto) => ({
    eventKey: dto.eventKey,
    category: dto.category,
    level: dto.level,
    date: dto.date,
    subject: dto.subject,
    description: dto.description ?? '',
    points: dto.points ?? null,
  }),
};

export class VetoEventInputDto {
  @ApiProperty({ enum: VETO_KINDS, example: 'STAFF_DISCIPLINED' })
  @Required()
  @IsOneOf(VETO_KINDS)
  kind: VetoKind;

  @ApiProperty({ format: 'date', example: '2024-09-12' })
  @Required()
  @IsDate(PAST)
  date: string;

  @ApiPropertyOptional({ default: '', example: '工作人员受到警告处分' })
  @Optional()
  @IsText(1000, { min: 0, multiline: true })
  description?: string;

  @ApiPropertyOptional({ type: 'string', description: "the person concerned (checked for format only)", nullable: true, example: 'P0007' })
  @Optional()
  @IsKey(64)
  personExternalId?: string | null;
}

export const VETO_EVENT: RowSpec<VetoEventInputDto, VetoEventInput> = {
  dto: VetoEventInputDto,
  normalize: (dto) => ({ kind: dto.kind, date: dto.date, description: dto.description ?? '', personExternalId: dto.personExternalId ?? null }),
};

export class VetoEventDto extends VetoEventInputDto {
  @ApiProperty({ description: 'stable id assigned by the service', format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['PUSHED', 'ANNUAL_REVIEW'], description: 'ANNUAL_REVIEW: raised by an INCOMPETENT annual review, removed when that review changes' })
  origin: string;

  @ApiProperty({ example: false })
  lifted: boolean;

  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  liftedAt: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true })
  liftReason: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class AnnualReviewDto {
  @ApiProperty({ example: 2024 })
  @Required()
  @IsIntIn(MIN_YEAR, MAX_YEAR)
  year: number;

  @ApiProperty({ description: "'STATION' or a person's externalId (checked for format only)", example: 'STATION' })
  @Required()
  @IsKey(64)
  subject: string;

  @ApiProperty({ enum: ANNUAL_REVIEW_RESULTS, description: 'INCOMPETENT raises an ANNUAL_REVIEW_FAILED veto by itself', example: 'EXCELLENT' })
  @Required()
  @IsOneOf(ANNUAL_REVIEW_RESULTS)
  result: AnnualReviewResult;
}

export const ANNUAL_REVIEW: RowSpec<AnnualReviewDto, AnnualReview> = {
  dto: AnnualReviewDto,
  normalize: (dto) => ({ year: dto.year, subject: dto.subject, result: dto.result }),
};
