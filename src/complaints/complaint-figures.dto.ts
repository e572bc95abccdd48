import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_PART_WHOLE, type ComplaintCounts } from '../domain/station-data.js';
import { DomainError } from '../common/errors/domain-error.js';
import { DocumentedRules, IsDecimalIn, IsIntIn, MAX_YEAR, MIN_YEAR, Required } from '../ingestion/validation/field-rules.js';
import type { PathProblem, RowSpec } from '../ingestion/validation/validate.js';

const MAX_COUNT = 2_147_483_647;

@DocumentedRules({ 'x-not-more-than': COMPLAINT_PART_WHOLE })
export class ComplaintCountsDto implements ComplaintCounts {
  @ApiProperty({ description: '投诉受理数', example: 120 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  complaintsReceived: number;

  @ApiProperty({ description: '按时初查 (≤ complaintsReceived)', example: 120 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  complaintsCheckedOnTime: number;

  @ApiProperty({ description: '办结数 (≤ complaintsReceived)', example: 118 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  complaintsClosed: number;

  @ApiProperty({ description: '按时办结 (≤ complaintsClosed)', example: 118 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  complaintsClosedOnTime: number;

  @ApiProperty({ description: '调解数 (≤ complaintsReceived)', example: 80 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  mediationsAttempted: number;

  @ApiProperty({ description: '调解成功数 (≤ mediationsAttempted)', example: 62 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  mediationsSucceeded: number;

  @ApiProperty({ description: '举报受理数', example: 30 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  reportsReceived: number;

  @ApiProperty({ description: '按时核查 (≤ reportsReceived)', example: 30 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  reportsVerifiedOnTime: number;

  @ApiProperty({ description: '实名举报 (≤ reportsReceived)', example: 12 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  realNameReports: number;

  @ApiProperty({ description: '实名举报人已告知 (≤ realNameReports)', example: 12 })
  @Required()
  @IsIntIn(0, MAX_COUNT)
  realNameReportersNotified: number;
}

export class ComplaintFiguresDto extends ComplaintCountsDto {
  @ApiProperty({ description: "'YYYY' (a whole year) or 'YYYY-MM' (a month)", example: '2024' })
  period: string;
}

const COUNT_FIELDS = [
  'complaintsReceived',
  'complaintsCheckedOnTime',
  'complaintsClosed',
  'complaintsClosedOnTime',
  'mediationsAttempted',
  'mediationsSucceeded',
  'reportsReceived',
  'reportsVerifiedOnTime',
  'realNameReports',
  'realNameReportersNotified',
] as const satisfies readonly (keyof ComplaintCounts)[];

/** A part never exceeds its whole, exactly as COMPLAINT_PART_WHOLE lists them. */
export function checkComplaintCounts(dto: ComplaintCountsDto, failed: ReadonlySet<string>): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const [part, whole] of COMPLAINT_PART_WHOLE) {
    if (failed.has(part) || failed.has(whole)) continue;
    if (dto[part] > dto[whole]) problems.push({ path: part, reason: `${part} (${dto[part]}) must not exceed ${whole} (${dto[whole]})` });
  }
  return problems;
}

export const COMPLAINT_COUNTS: RowSpec<ComplaintCountsDto, ComplaintCounts> = {
  dto: ComplaintCountsDto,
  check: checkComplaintCounts,
  normalize: (dto) => Object.fromEntries(COUNT_FIELDS.map((f) => [f, dto[f]])) as unknown as ComplaintCounts,
};

/** 'YYYY' or 'YYYY-MM' of a year MIN_YEAR..MAX_YEAR (1990..2100), as published in OpenAPI. */
export const PERIOD_PATTERN = /^(?:199[0-9]|20[0-9][0-9]|2100)(?:-(?:0[1-9]|1[0-2]))?$/;

/** A period from a path: 'YYYY' or 'YYYY-MM' of a year 1990..2100. */
export function checkPeriodParam(value: string): string {
  if (!PERIOD_PATTERN.test(value)) {
    throw DomainError.badInput('malformed period', [{ path: 'period', reason: `period must be YYYY or YYYY-MM (month 01-12) of a year from ${MIN_YEAR} to ${MAX_YEAR}` }]);
  }
  return value;
}

export class MediationAverageInputDto {
  @ApiProperty({ description: 'national average mediation success rate as a fraction 0..1, at most 4 decimals', example: 0.72 })
  @Required()
  @IsDecimalIn(0, 1, 4)
  rate: number;
}

export class MediationAverageDto extends MediationAverageInputDto {
  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export const MEDIATION_AVERAGE: RowSpec<MediationAverageInputDto, { rate: number }> = {
  dto: MediationAverageInputDto,
  normalize: (dto) => ({ rate: dto.rate }),
};
