import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EnforcementCase } from '../domain/station-data.js';
import { CASE_PROCEDURES, FILE_REVIEW_RESULTS, type CaseProcedure, type FileReviewResult } from '../domain/vocabulary.js';
import { BatchItems, DocumentedRules, IsBool, IsDate, IsKey, IsMoney, IsOneOf, IsStationCode, IsText, Optional, PAST, Required } from '../ingestion/validation/field-rules.js';
import type { PathProblem, RowSpec } from '../ingestion/validation/validate.js';

/** Each pair [earlier, later]: when both are given, later is not before earlier. */
export const CASE_DATE_ORDER = [
  ['filedOn', 'decidedOn'],
  ['decidedOn', 'closedOn'],
  ['filedOn', 'closedOn'],
  ['closedOn', 'fileReviewedOn'],
  ['decidedOn', 'overturnedOn'],
] as const;

/** A date that only goes with a value of another field: a review date with a review result, an overturn date with overturned. */
const CASE_DATE_NEEDS = { fileReviewedOn: { fileReview: ['PASSED', 'FAILED'] }, overturnedOn: { overturned: [true] } } as const;

@DocumentedRules({ 'x-not-before': CASE_DATE_ORDER, 'x-present-if': CASE_DATE_NEEDS })
export class CaseDto {
  @ApiProperty({ description: '案件编号; percent-encode it in DELETE paths', example: '冀新市监处罚〔2025〕17号' })
  @Required()
  @IsKey(64)
  caseNumber: string;

  @ApiProperty({ enum: CASE_PROCEDURES, description: 'GENERAL 一般程序, SIMPLE 简易程序', example: 'GENERAL' })
  @Required()
  @IsOneOf(CASE_PROCEDURES)
  procedure: CaseProcedure;

  @ApiProperty({ description: '当事人', example: '石家庄市某某食品有限公司' })
  @Required()
  @IsText(200)
  target: string;

  @ApiPropertyOptional({ type: 'string', description: '违法行为', nullable: true, example: '销售超过保质期的食品' })
  @Optional()
  @IsText(500, { multiline: true })
  violation?: string | null;

  @ApiPropertyOptional({ type: 'string', description: '立案日期', format: 'date', nullable: true, example: '2025-02-10' })
  @Optional()
  @IsDate(PAST)
  filedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', description: '决定日期 (not before filedOn)', format: 'date', nullable: true, example: '2025-03-20' })
  @Optional()
  @IsDate(PAST)
  decidedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', description: '结案日期 (not before decidedOn nor filedOn)', format: 'date', nullable: true, example: '2025-04-02' })
  @Optional()
  @IsDate(PAST)
  closedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', description: 'date entered into the case-handling system', format: 'date', nullable: true, example: '2025-03-22' })
  @Optional()
  @IsDate(PAST)
  enteredOn?: string | null;

  @ApiPropertyOptional({ description: '已归档', default: false, example: true })
  @Optional()
  @IsBool()
  archived?: boolean;

  @ApiPropertyOptional({ description: '已公示', default: false, example: true })
  @Optional()
  @IsBool()
  publicised?: boolean;

  @ApiPropertyOptional({ description: '全过程记录', default: false, example: true })
  @Optional()
  @IsBool()
  fullProcessRecorded?: boolean;

  @ApiPropertyOptional({ description: '重大执法决定', default: false, example: false })
  @Optional()
  @IsBool()
  majorDecision?: boolean;

  @ApiPropertyOptional({ description: '法制审核', default: false, example: false })
  @Optional()
  @IsBool()
  legalReviewed?: boolean;

  @ApiPropertyOptional({ enum: FILE_REVIEW_RESULTS, description: '案卷评查 result', default: 'NOT_REVIEWED', example: 'PASSED' })
  @Optional()
  @IsOneOf(FILE_REVIEW_RESULTS)
  fileReview?: FileReviewResult;

  @ApiPropertyOptional({
    type: 'string',
    description: '案卷评查 date: when the county\'s case-file review judged this file (9① reads the latest review). Only with fileReview PASSED or FAILED; not before closedOn. Absent: the closing date stands in.',
    format: 'date',
    nullable: true,
    example: '2025-05-15',
  })
  @Optional()
  @IsDate(PAST)
  fileReviewedOn?: string | null;

  @ApiPropertyOptional({ description: 'overturned on reconsideration or litigation', default: false, example: false })
  @Optional()
  @IsBool()
  overturned?: boolean;

  @ApiPropertyOptional({
    type: 'string',
    description: 'date the decision was overturned on reconsideration or litigation (9② reads it). Only with overturned true; not before decidedOn. Absent: the closing date stands in.',
    format: 'date',
    nullable: true,
    example: null,
  })
  @Optional()
  @IsDate(PAST)
  overturnedOn?: string | null;

  @ApiPropertyOptional({ description: '罚款, yuan as a decimal string (read back with 2 decimals)', default: '0.00', example: '5000.00' })
  @Optional()
  @IsMoney()
  fineAmount?: string;

  @ApiPropertyOptional({ description: '没收违法所得, yuan as a decimal string', default: '0.00', example: '1200.50' })
  @Optional()
  @IsMoney()
  confiscationAmount?: string;

  @ApiPropertyOptional({ description: '首违免罚', default: false, example: false })
  @Optional()
  @IsBool()
  minorViolationExempted?: boolean;
}

export class CaseBatchDto {
  @ApiProperty({ type: [CaseDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); caseNumber unique in the batch' })
  @BatchItems(['caseNumber'])
  items: CaseDto[];
}

export class BulkCaseDto extends CaseDto {
  @ApiProperty({ description: 'station code', example: '130102001' })
  @Required()
  @IsStationCode()
  stationCode: string;
}

export class BulkCaseBatchDto {
  @ApiProperty({ type: [BulkCaseDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); (stationCode, caseNumber) unique in the batch' })
  @BatchItems(['stationCode', 'caseNumber'])
  items: BulkCaseDto[];
}

/** "0012.5" → "12.50": the form PostgreSQL's numeric(14,2) reads back, so digests agree. */
export function normalizeMoney(value: string | undefined | null): string {
  if (value === undefined || value === null) return '0.00';
  if (/^(0|[1-9]\d*)\.\d\d$/.test(value)) return value; // already in that form
  const [whole, fraction = ''] = value.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

/** CASE_DATE_ORDER, each later date reported once (for the first pair it breaks). */
export function checkCase(dto: CaseDto, failed: ReadonlySet<string>): PathProblem[] {
  const problems: PathProblem[] = [];
  if (!failed.has('fileReviewedOn') && dto.fileReviewedOn && (dto.fileReview ?? 'NOT_REVIEWED') === 'NOT_REVIEWED') {
    problems.push({ path: 'fileReviewedOn', reason: 'a review date needs fileReview PASSED or FAILED' });
  }
  if (!failed.has('overturnedOn') && dto.overturnedOn && dto.overturned !== true) problems.push({ path: 'overturnedOn', reason: 'an overturn date needs overturned: true' });
  for (const [earlier, later] of CASE_DATE_ORDER) {
    const [a, b] = [failed.has(earlier) ? null : dto[earlier], failed.has(later) ? null : dto[later]];
    if (a && b && b < a && !problems.some((p) => p.path === later)) problems.push({ path: later, reason: `${later} (${b}) must not be before ${earlier} (${a})` });
  }
  return problems;
}

/**
 * The stored and digested case: defaults applied, money in numeric(14,2) form, keys in
 * sorted order (see rowDigest). fileReviewedOn and overturnedOn appear only when set, so a
 * case pushed before they existed keeps its digest (a re-push of it is still "unchanged").
 */
export function normalizeCase(dto: CaseDto): EnforcementCase {
  const fileReviewedOn = dto.fileReviewedOn ?? null;
  const overturnedOn = dto.overturnedOn ?? null;
  return {
    archived: dto.archived ?? false,
    caseNumber: dto.caseNumber,
    closedOn: dto.closedOn ?? null,
    confiscationAmount: normalizeMoney(dto.confiscationAmount),
    decidedOn: dto.decidedOn ?? null,
    enteredOn: dto.enteredOn ?? null,
    fileReview: dto.fileReview ?? 'NOT_REVIEWED',
    ...(fileReviewedOn === null ? {} : { fileReviewedOn }),
    filedOn: dto.filedOn ?? null,
    fineAmount: normalizeMoney(dto.fineAmount),
    fullProcessRecorded: dto.fullProcessRecorded ?? false,
    legalReviewed: dto.legalReviewed ?? false,
    majorDecision: dto.majorDecision ?? false,
    minorViolationExempted: dto.minorViolationExempted ?? false,
    overturned: dto.overturned ?? false,
    ...(overturnedOn === null ? {} : { overturnedOn }),
    procedure: dto.procedure,
    publicised: dto.publicised ?? false,
    target: dto.target,
    violation: dto.violation ?? null,
  };
}

export const CASE_ROW: RowSpec<CaseDto, EnforcementCase> = {
  dto: CaseDto,
  keyOf: (raw) => (typeof raw.caseNumber === 'string' ? raw.caseNumber : undefined),
  keyName: 'caseNumber',
  check: checkCase,
  normalize: normalizeCase,
};

export const BULK_CASE_ROW: RowSpec<BulkCaseDto, { stationCode: string; row: EnforcementCase }> = {
  dto: BulkCaseDto,
  keyOf: (raw) => (typeof raw.stationCode === 'string' && typeof raw.caseNumber === 'string' ? `${raw.stationCode}/${raw.caseNumber}` : undefined),
  keyName: 'caseNumber',
  check: checkCase,
  normalize: (dto) => ({ stationCode: dto.stationCode, row: normalizeCase(dto) }),
};
