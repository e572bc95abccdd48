import { Body, Controller, Delete, Get, Param, Patch, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Equipment } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiKeyParam, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { checkKeyParam } from '../ingestion/path-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { EQUIPMENT_ROW, EquipmentBatchDto, EquipmentDto } from './equipment.dto.js';
import { EquipmentService } from './equipment.service.js';

class EquipmentListDto {
  @ApiProperty({ example: '130102001' })
  stationCode: string;

  @ApiProperty({ type: [EquipmentDto] })
  items: EquipmentDto[];
}

@ApiTags('equipment')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/equipment')
export class EquipmentController {
  constructor(
    private readonly equipment: EquipmentService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put()
  @ApiOperation({ summary: 'Replace the whole equipment register', description: 'Lines absent from the items are removed.' })
  @ApiBody({ type: EquipmentBatchDto })
  @ApiWrite({ body: true, batch: true })
  replace(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const items = this.parser.batch(EQUIPMENT_ROW, body);
    return this.runner.run(ctx, (manager) => this.equipment.replace(manager, ctx, code, items));
  }

  @Patch()
  @ApiOperation({ summary: 'Upsert equipment lines by externalId' })
  @ApiBody({ type: EquipmentBatchDto })
  @ApiWrite({ body: true, batch: true })
  upsert(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const items = this.parser.batch(EQUIPMENT_ROW, body);
    return this.runner.run(ctx, (manager) => this.equipment.upsert(manager, ctx, code, items));
  }

  @Delete(':externalId')
  @ApiOperation({ summary: 'Remove one equipment line' })
  @ApiKeyParam('externalId', 64, 'E0001')
  @ApiWrite({ body: false, notFound: "no such station in this key's region (a station outside the region answers the same), or no such line at it" })
  remove(@Param('code') code: string, @Param('externalId') externalId: string, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    checkKeyParam(externalId, 'externalId');
    return this.runner.run(ctx, (manager) => this.equipment.remove(manager, ctx, code, externalId));
  }

  @Get()
  @ApiOperation({ summary: 'Read the equipment register back' })
  @ApiRead(EquipmentListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: Equipment[] }> {
    return { stationCode: code, items: await this.equipment.list(this.dataSource.manager, principal, code) };
  }

  @Get(':externalId')
  @ApiOperation({ summary: 'Read one equipment line back' })
  @ApiKeyParam('externalId', 64, 'E0001')
  @ApiRead(EquipmentDto, "no such station in this key's region (a station outside the region answers the same), or no such line at it")
  async get(@Param('code') code: string, @Param('externalId') externalId: string, @CurrentPrincipal() principal: Principal): Promise<Equipment> {
    checkKeyParam(externalId, 'externalId');
    return (await this.equipment.list(this.dataSource.manager, principal, code, externalId))[0];
  }
}
