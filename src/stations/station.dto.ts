import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StationProfile } from '../domain/station-data.js';
import { DUTIES, ROOMS, type Duty, type Room } from '../domain/vocabulary.js';
import { IsBool, IsIntIn, IsPlainObject, IsRegionCode, IsSetOf, IsText, Nested, Optional, Required } from '../ingestion/validation/field-rules.js';
import type { RowSpec } from '../ingestion/validation/validate.js';

export class PremisesDto {
  @ApiPropertyOptional({ description: 'independent or relatively independent premises (39①)', default: false, example: true })
  @Optional()
  @IsBool()
  independent?: boolean;

  @ApiPropertyOptional({ enum: ROOMS, isArray: true, description: 'rooms present (39②③), each at most once', default: [], example: ['OFFICE', 'SERVICE_HALL', 'ARCHIVE_ROOM', 'TOILET'] })
  @Optional()
  @IsSetOf(ROOMS)
  rooms?: Room[];

  @ApiPropertyOptional({ description: 'internet connected (45②)', default: false, example: true })
  @Optional()
  @IsBool()
  internet?: boolean;

  @ApiPropertyOptional({ description: 'business private network or e-government extranet connected (45②)', default: false, example: true })
  @Optional()
  @IsBool()
  privateNetwork?: boolean;
}

export class StationProfileDto {
  @ApiProperty({ example: '长安区建北市场监督管理所' })
  @Required()
  @IsText(200)
  name: string;

  @ApiProperty({ description: 'the county (区/县) the station belongs to; must be loaded as a COUNTY region', example: '130102' })
  @Required()
  @IsRegionCode()
  countyCode: string;

  @ApiProperty({ description: '编制数 (approved headcount)', example: 12 })
  @Required()
  @IsIntIn(0, 10_000)
  approvedHeadcount: number;

  @ApiPropertyOptional({ enum: DUTIES, isArray: true, description: 'duties of the station, each at most once', default: [], example: ['FOOD', 'SPECIAL_EQUIPMENT', 'PRICE'] })
  @Optional()
  @IsSetOf(DUTIES)
  duties?: Duty[];

  @ApiProperty({ type: PremisesDto })
  @Required()
  @IsPlainObject()
  @Nested(() => PremisesDto)
  premises: PremisesDto;
}

const inVocabularyOrder = <T extends string>(values: readonly T[], order: readonly T[]): T[] => [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));

export const STATION_PROFILE: RowSpec<StationProfileDto, StationProfile> = {
  dto: StationProfileDto,
  normalize: (dto) => ({
    name: dto.name,
    countyCode: dto.countyCode,
    approvedHeadcount: dto.approvedHeadcount,
    duties: inVocabularyOrder(dto.duties ?? [], DUTIES),
    premises: {
      independent: dto.premises.independent ?? false,
      rooms: inVocabularyOrder(dto.premises.rooms ?? [], ROOMS),
      internet: dto.premises.internet ?? false,
      privateNetwork: dto.premises.privateNetwork ?? false,
    },
  }),
};

export class VetoCountsDto {
  @ApiProperty({ description: 'vetoes that block stars', example: 0 }) active: number;
  @ApiProperty({ description: 'vetoes lifted by a province reviewer', example: 0 }) lifted: number;
}

export class StationCountsDto {
  @ApiProperty({ example: 12 }) personnel: number;
  @ApiProperty({ example: 30 }) equipment: number;
  @ApiProperty({ example: 36 }) cases: number;
  @ApiProperty({ description: 'complaint figure periods (years and months)', example: 3 }) complaintPeriods: number;
  @ApiProperty({ example: 2 }) certifications: number;
  @ApiProperty({ example: 1 }) bonusEvents: number;
  @ApiProperty({ type: VetoCountsDto }) vetoEvents: VetoCountsDto;
  @ApiProperty({ example: 14 }) annualReviews: number;
}

export class StationDto extends StationProfileDto {
  @ApiProperty({ example: '130102001' }) code: string;
  @ApiProperty({ example: '130100' }) cityCode: string;
  @ApiProperty({ example: '130000' }) provinceCode: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: StationCountsDto, description: 'what is stored under the station' }) counts: StationCountsDto;
}

export class StationListItemDto {
  @ApiProperty({ example: '130102001' }) code: string;
  @ApiProperty({ example: '长安区建北市场监督管理所' }) name: string;
  @ApiProperty({ example: '130102' }) countyCode: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StationListDto {
  @ApiProperty({ type: [StationListItemDto] }) items: StationListItemDto[];
  @ApiPropertyOptional({ type: 'string', description: 'pass as `after` to read the next page; absent on the last page', nullable: true, example: '130102050' }) nextAfter: string | null;
}
