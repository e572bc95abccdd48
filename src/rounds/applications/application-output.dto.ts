// What the county REST interface answers for rounds and applications (OpenAPI shapes).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DUTIES } from '../../domain/vocabulary.js';
import { APPLICATION_STATUSES, ROUND_LEVELS, ROUND_STATUSES } from '../round-status.js';

export class RoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '130000' }) provinceCode: string;
  @ApiProperty({ example: '2026年第一批五星市场监督管理所评定' }) name: string;
  @ApiProperty({ enum: ROUND_LEVELS }) level: string;
  @ApiProperty({ format: 'date', description: 'every 近N年 window ends on it' }) cutOff: string;
  @ApiProperty({ format: 'date' }) caseSampleFrom: string;
  @ApiProperty({ format: 'date' }) caseSampleTo: string;
  @ApiProperty({ format: 'date-time' }) applicationDeadline: string;
  @ApiProperty({ description: '公示期 in days' }) publicationDays: number;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) publicationFrom: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) publicationTo: string | null;
  @ApiProperty({ example: 'national-2023' }) rubricVersion: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status: string;
}

export class RoundListDto {
  @ApiProperty({ type: [RoundDto], description: 'newest first' }) items: RoundDto[];
}

export class FileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() sha256: string;
  @ApiProperty() size: number;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty() name: string;
}

class MaterialItemViewDto {
  @ApiProperty() title: string;
  @ApiProperty({ type: [FileDto] }) files: FileDto[];
}

class MaterialsViewDto {
  @ApiProperty({ example: '1①' }) criterion: string;
  @ApiProperty({ example: '1.1.1.1' }) criterionId: string;
  @ApiProperty({ type: [MaterialItemViewDto] }) items: MaterialItemViewDto[];
}

class MissingItemViewDto {
  @ApiProperty({ example: '32' }) item: string;
  @ApiProperty({ example: '4.15.32' }) itemId: string;
  @ApiProperty({ enum: DUTIES }) duty: string;
  @ApiProperty() reason: string;
}

class CertificationViewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' }, description: 'the items answered so far, "1" … "12"' }) items: Record<string, boolean>;
  @ApiProperty() remarks: string;
  @ApiProperty({ type: 'string', nullable: true }) certifiedBy: string | null;
  @ApiProperty({ type: 'string', format: 'date', nullable: true }) certifiedOn: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) sealedScanFileId: string | null;
  @ApiProperty({ type: FileDto, nullable: true }) sealedScan: FileDto | null;
}

class TransitionViewDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, nullable: true, description: 'null: the draft was created' }) from: string | null;
  @ApiProperty({ enum: APPLICATION_STATUSES }) to: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'role of the key (or SYSTEM)', example: 'COUNTY' }) role: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'only to ADMIN keys and the key itself' }) keyId?: string;
  @ApiProperty({ type: 'string', nullable: true }) reason: string | null;
}

class CriterionScoreDto {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() points: number;
  @ApiProperty() max: number;
  @ApiProperty() status: string;
  @ApiProperty() reason: string;
}

class ApplicationResultDto {
  @ApiProperty() total: number;
  @ApiProperty() stars: number;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ description: "reaches the round's level" }) awarded: boolean;
  @ApiProperty({ description: 'read from the confirmed, immutable result' }) confirmed: boolean;
  @ApiProperty({ type: [CriterionScoreDto] }) criteria: CriterionScoreDto[];
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() stationCode: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'sha256 of the frozen facts' }) frozenInputHash: string | null;
  @ApiProperty({ type: [MaterialsViewDto] }) materials: MaterialsViewDto[];
  @ApiProperty({ type: [MissingItemViewDto] }) missingItems: MissingItemViewDto[];
  @ApiProperty({ type: CertificationViewDto, nullable: true }) certification: CertificationViewDto | null;
  @ApiProperty({ type: [TransitionViewDto] }) history: TransitionViewDto[];
  @ApiProperty({ type: ApplicationResultDto, nullable: true, description: 'once the round is PUBLICIZING or CONFIRMED' }) result: ApplicationResultDto | null;
}

class ApplicationSummaryDto {
  @ApiProperty() stationCode: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true }) frozenInputHash: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ApplicationListDto {
  @ApiProperty({ type: [ApplicationSummaryDto] }) items: ApplicationSummaryDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'pass as `after` for the next page; null on the last page' }) nextAfter: string | null;
}
