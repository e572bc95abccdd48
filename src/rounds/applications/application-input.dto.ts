// The draft body of a county application (docs/rounds-api.md "Draft body"): the shapes and
// per-field rules. What needs the round's rubric (criterion codes, indicator codes) and the
// database (file ids) is checked by application-draft.ts, in the same 400.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { CERTIFICATION_ITEM_KEYS } from '../../certifications/certification.dto.js';
import { DUTIES, type Duty } from '../../domain/vocabulary.js';
import { UUID_PATTERN } from '../../files/file-attachments.js';
import { IsDate, IsList, IsOneOf, IsPlainObject, IsText, Nested, Optional, PAST, Required, documented } from '../../ingestion/validation/field-rules.js';

export const MAX_MATERIAL_CRITERIA = 200;
export const MAX_MATERIAL_ITEMS = 50;
export const MAX_FILES_PER_ITEM = 20;
export const MAX_MISSING_ITEMS = 100;
export const MAX_TITLE = 200;
export const MAX_ITEM_CODE = 16;
export const MAX_REASON = 500;
export const MAX_REMARKS = 2000;
export const MAX_CERTIFIED_BY = 200;

const UUID_SCHEMA = { type: 'string', format: 'uuid', pattern: UUID_PATTERN.source, minLength: 36, maxLength: 36 };
const FILE_ID_RULE = 'a file id (UUID) from POST /api/v1/files';

/** A file id: a UUID (whether the key may use it is checked against the database). */
export function IsFileId(): PropertyDecorator {
  return documented(
    UUID_SCHEMA,
    ValidateBy({
      name: 'isFileId',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && UUID_PATTERN.test(value),
        defaultMessage: () => `$property must be ${FILE_ID_RULE}`,
      },
    }),
  );
}

/** A list of file ids; each element is checked (with its index in the path) by the draft rules. */
function IsFileIdList(): PropertyDecorator {
  const list = IsList(MAX_FILES_PER_ITEM);
  return documented({ items: UUID_SCHEMA, uniqueItems: true }, list);
}

export class MaterialItemDto {
  @ApiProperty({ type: 'string', description: '提供材料目录: the title of one material', example: '市场准入业务指导记录（2025年）' })
  @Required()
  @IsText(MAX_TITLE)
  title: string;

  @ApiPropertyOptional({ type: [String], description: `uploaded files of this material, each ${FILE_ID_RULE}, each at most once`, default: [] })
  @Optional()
  @IsFileIdList()
  fileIds?: string[];
}

export class CriterionMaterialsDto {
  @ApiProperty({ type: 'string', description: 'the criterion by code ("1①", "33") or id ("1.1.1.1"), each criterion at most once', example: '1①' })
  @Required()
  @IsText(MAX_ITEM_CODE)
  criterion: string;

  @ApiProperty({ type: [MaterialItemDto], description: 'the materials provided for the criterion; an empty list provides nothing (submitting needs at least one, or a declared missing item)' })
  @Required()
  @IsList(MAX_MATERIAL_ITEMS)
  @Nested(() => MaterialItemDto, { each: true })
  items: MaterialItemDto[];
}

export class MissingItemDto {
  @ApiProperty({ type: 'string', description: 'a criterion ("32③", "4.15.32.3") or third-level indicator ("32", "4.15.32") declared a reasonable missing item (合理缺项, note 4), each at most once', example: '32' })
  @Required()
  @IsText(MAX_ITEM_CODE)
  item: string;

  @ApiProperty({ enum: DUTIES, description: 'the duty the station does not have (未承担职责)', example: 'SPECIAL_EQUIPMENT' })
  @Required()
  @IsOneOf(DUTIES)
  duty: Duty;

  @ApiProperty({ type: 'string', description: 'why (shown to reviewers and on 附件1)', example: '辖区无特种设备监管职责' })
  @Required()
  @IsText(MAX_REASON, { multiline: true })
  reason: string;
}

export class RoundCertificationDto {
  @ApiProperty({
    type: 'object',
    description: '附件3 items "1" … "12" → true/false; submitting needs all twelve',
    properties: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k) => [k, { type: 'boolean' }])),
    additionalProperties: false,
    example: Object.fromEntries(CERTIFICATION_ITEM_KEYS.map((k) => [k, true])),
  })
  @Required()
  @IsPlainObject()
  items: Record<string, boolean>;

  @ApiPropertyOptional({ type: 'string', description: '有关情况说明', nullable: true, example: '有关情况说明' })
  @Optional()
  @IsText(MAX_REMARKS, { min: 0, multiline: true })
  remarks?: string | null;

  @ApiPropertyOptional({ type: 'string', description: 'the certifying body (required to submit)', nullable: true, example: '某县市场监督管理局' })
  @Optional()
  @IsText(MAX_CERTIFIED_BY)
  certifiedBy?: string | null;

  @ApiPropertyOptional({ type: 'string', format: 'date', description: 'required to submit', nullable: true, example: '2026-05-20' })
  @Optional()
  @IsDate(PAST)
  certifiedOn?: string | null;

  @ApiPropertyOptional({ type: 'string', description: `the sealed scan of 附件3, ${FILE_ID_RULE} (required to submit)`, nullable: true })
  @Optional()
  @IsFileId()
  sealedScanFileId?: string | null;
}

export class ApplicationDraftDto {
  @ApiPropertyOptional({ type: [CriterionMaterialsDto], description: 'materials by criterion, each criterion at most once', default: [] })
  @Optional()
  @IsList(MAX_MATERIAL_CRITERIA, { uniqueBy: 'criterion' })
  @Nested(() => CriterionMaterialsDto, { each: true })
  materials?: CriterionMaterialsDto[];

  @ApiPropertyOptional({ type: [MissingItemDto], description: 'declared reasonable missing items, each item at most once', default: [] })
  @Optional()
  @IsList(MAX_MISSING_ITEMS, { uniqueBy: 'item' })
  @Nested(() => MissingItemDto, { each: true })
  missingItems?: MissingItemDto[];

  @ApiPropertyOptional({ type: RoundCertificationDto, nullable: true, description: '附件3 as certified for this round (may be completed before submitting)' })
  @Optional()
  @IsPlainObject()
  @Nested(() => RoundCertificationDto)
  certification?: RoundCertificationDto | null;
}
