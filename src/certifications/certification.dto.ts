import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Certification } from '../domain/station-data.js';
import { IsDate, IsPlainObject, IsText, Optional, PAST, Required } from '../ingestion/validation/field-rules.js';
import type { PathProblem, RowSpec } from '../ingestion/validation/validate.js';

export const CERTIFICATION_ITEM_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

export class CertificationInputDto {
  @ApiProperty({
    type: 'object',
    description: '附件3 items "1" … "12" → true/false; an absent item counts as false',
    properties: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k) => [k, { type: 'boolean' }])),
    additionalProperties: false,
    example: { '1': true, '2': true, '3': true, '4': true, '5': true, '6': false, '7': true, '8': true, '9': true, '10': true, '11': true, '12': true },
  })
  @Required()
  @IsPlainObject()
  items: Record<string, boolean>;

  @ApiPropertyOptional({ type: 'string', description: 'certifying body', nullable: true, example: '石家庄市长安区市场监督管理局' })
  @Optional()
  @IsText(200)
  certifiedBy?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2025-01-15' })
  @Optional()
  @IsDate(PAST)
  certifiedOn?: string | null;
}

export class CertificationDto {
  @ApiProperty({ example: 2025 })
  year: number;

  @ApiProperty({ type: 'object', description: 'all 12 items, "1" … "12"', additionalProperties: { type: 'boolean' }, example: { '1': true, '2': false } })
  items: Record<string, boolean>;

  @ApiPropertyOptional({ type: 'string', nullable: true, example: '石家庄市长安区市场监督管理局' })
  certifiedBy: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2025-01-15' })
  certifiedOn: string | null;
}

function checkItems(dto: CertificationInputDto, failed: ReadonlySet<string>): PathProblem[] {
  if (failed.has('items')) return [];
  const problems: PathProblem[] = [];
  for (const [key, value] of Object.entries(dto.items)) {
    if (!(CERTIFICATION_ITEM_KEYS as readonly string[]).includes(key)) problems.push({ path: `items.${key}`, reason: 'unknown item: the items are "1" to "12"' });
    else if (typeof value !== 'boolean') problems.push({ path: `items.${key}`, reason: `item ${key} must be true or false` });
  }
  return problems;
}

/** The certification of a year without its year (taken from the path). */
export type CertificationInput = Omit<Certification, 'year'>;

export const CERTIFICATION_INPUT: RowSpec<CertificationInputDto, CertificationInput> = {
  dto: CertificationInputDto,
  check: checkItems,
  normalize: (dto) => ({
    // All twelve, absent = false: the stored and digested form (附件3: blank counts as no).
    items: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k) => [k, dto.items[k] === true])),
    certifiedBy: dto.certifiedBy ?? null,
    certifiedOn: dto.certifiedOn ?? null,
  }),
};
