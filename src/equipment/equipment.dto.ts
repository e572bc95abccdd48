import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Equipment } from '../domain/station-data.js';
import { EQUIPMENT_STATUSES, EQUIPMENT_TYPES, type EquipmentStatus, type EquipmentType } from '../domain/vocabulary.js';
import { BatchItems, IsDate, IsIntIn, IsKey, IsOneOf, IsStationCode, Optional, PAST, Required } from '../ingestion/validation/field-rules.js';
import type { RowSpec } from '../ingestion/validation/validate.js';

export class EquipmentDto {
  @ApiProperty({ description: "the county system's id of the register line", example: 'E0001' })
  @Required()
  @IsKey(64)
  externalId: string;

  @ApiProperty({ enum: EQUIPMENT_TYPES, description: 'a LAPTOP counts as a computer and a portable computer; a MULTIFUNCTION_PRINTER as printer, copier and scanner', example: 'HANDHELD_TERMINAL' })
  @Required()
  @IsOneOf(EQUIPMENT_TYPES)
  type: EquipmentType;

  @ApiProperty({ example: 4 })
  @Required()
  @IsIntIn(1, 100_000)
  quantity: number;

  @ApiProperty({ enum: EQUIPMENT_STATUSES, description: 'only IN_SERVICE items count for scoring', example: 'IN_SERVICE' })
  @Required()
  @IsOneOf(EQUIPMENT_STATUSES)
  status: EquipmentStatus;

  @ApiPropertyOptional({ type: 'string', format: 'date', nullable: true, example: '2023-04-18' })
  @Optional()
  @IsDate(PAST)
  acquiredOn?: string | null;
}

export class EquipmentBatchDto {
  @ApiProperty({ type: [EquipmentDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); externalId unique in the batch' })
  @BatchItems(['externalId'])
  items: EquipmentDto[];
}

export class BulkEquipmentDto extends EquipmentDto {
  @ApiProperty({ description: 'station code', example: '130102001' })
  @Required()
  @IsStationCode()
  stationCode: string;
}

export class BulkEquipmentBatchDto {
  @ApiProperty({ type: [BulkEquipmentDto], description: 'at most 5,000 rows (MAX_BATCH_ROWS); (stationCode, externalId) unique in the batch' })
  @BatchItems(['stationCode', 'externalId'])
  items: BulkEquipmentDto[];
}

export function normalizeEquipment(dto: EquipmentDto): Equipment {
  // keys in sorted order (see rowDigest)
  return { acquiredOn: dto.acquiredOn ?? null, externalId: dto.externalId, quantity: dto.quantity, status: dto.status, type: dto.type };
}

export const EQUIPMENT_ROW: RowSpec<EquipmentDto, Equipment> = {
  dto: EquipmentDto,
  keyOf: (raw) => (typeof raw.externalId === 'string' ? raw.externalId : undefined),
  keyName: 'externalId',
  normalize: normalizeEquipment,
};

export const BULK_EQUIPMENT_ROW: RowSpec<BulkEquipmentDto, { stationCode: string; row: Equipment }> = {
  dto: BulkEquipmentDto,
  keyOf: (raw) => (typeof raw.stationCode === 'string' && typeof raw.externalId === 'string' ? `${raw.stationCode}/${raw.externalId}` : undefined),
  keyName: 'externalId',
  normalize: (dto) => ({ stationCode: dto.stationCode, row: normalizeEquipment(dto) }),
};
