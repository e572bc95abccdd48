import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BatchItems, IsRegionCode, IsText, Required } from '../ingestion/validation/field-rules.js';
import type { RowSpec } from '../ingestion/validation/validate.js';
import type { RegionInput } from '../regions/regions.service.js';

export class RegionInputDto {
  @ApiProperty({ description: 'GB/T 2260 code: 130000 province, 130100 city, 130102 county; the level and parent follow from it', example: '130102' })
  @Required()
  @IsRegionCode()
  code: string;

  @ApiProperty({ example: '长安区' })
  @Required()
  @IsText(100)
  name: string;
}

export class RegionBatchDto {
  @BatchItems(['code'])
  @ApiProperty({
    type: [RegionInputDto],
    description: 'parents first or already loaded; codes unique in the batch',
    example: [
      { code: '130000', name: '河北省' },
      { code: '130100', name: '石家庄市' },
      { code: '130102', name: '长安区' },
    ],
  })
  items: RegionInputDto[];
}

export class RegionDto extends RegionInputDto {
  @ApiProperty({ enum: ['PROVINCE', 'CITY', 'COUNTY'], example: 'COUNTY' })
  level: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, example: '130100' })
  parentCode: string | null;
}

export class RegionListDto {
  @ApiProperty({ type: [RegionDto] })
  items: RegionDto[];
}

export const REGION_ROW: RowSpec<RegionInputDto, RegionInput> = {
  dto: RegionInputDto,
  keyOf: (raw) => (typeof raw.code === 'string' ? raw.code : undefined),
  keyName: 'code',
  normalize: (dto) => ({ code: dto.code, name: dto.name }),
};
