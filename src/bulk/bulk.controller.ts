import { Body, Controller, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BULK_CASE_ROW, BulkCaseBatchDto } from '../cases/case.dto.js';
import { BULK_EQUIPMENT_ROW, BulkEquipmentBatchDto } from '../equipment/equipment.dto.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiWrite } from '../ingestion/openapi.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { BULK_PERSON_ROW, BulkPersonBatchDto } from '../personnel/person.dto.js';
import { BulkService } from './bulk.service.js';

const DESCRIPTION =
  'Upserts rows of many stations of the key\'s region in one transaction, with the same row semantics as PATCH on each station (rows not sent stay). ' +
  'Each row names its station; the key in problems is "stationCode/key". A row of a station that does not exist or lies outside the key\'s region is a 400 (the same problem for both); nothing is stored.';

@ApiTags('bulk')
@ApiAuthenticated()
@Controller('api/v1/bulk')
export class BulkController {
  constructor(
    private readonly bulk: BulkService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
  ) {}

  @Post('personnel')
  @ApiOperation({ summary: 'Upsert people of many stations', description: DESCRIPTION })
  @ApiBody({ type: BulkPersonBatchDto })
  @ApiWrite({ body: true, batch: true, notFound: 'not used (unknown stations are row problems)' })
  personnel(@Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    const rows = this.parser.batch(BULK_PERSON_ROW, body);
    return this.runner.run(ctx, (manager) => this.bulk.personnelUpsert(manager, ctx, rows));
  }

  @Post('equipment')
  @ApiOperation({ summary: 'Upsert equipment lines of many stations', description: DESCRIPTION })
  @ApiBody({ type: BulkEquipmentBatchDto })
  @ApiWrite({ body: true, batch: true, notFound: 'not used (unknown stations are row problems)' })
  equipment(@Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    const rows = this.parser.batch(BULK_EQUIPMENT_ROW, body);
    return this.runner.run(ctx, (manager) => this.bulk.equipmentUpsert(manager, ctx, rows));
  }

  @Post('cases')
  @ApiOperation({ summary: 'Upsert cases of many stations', description: DESCRIPTION })
  @ApiBody({ type: BulkCaseBatchDto })
  @ApiWrite({ body: true, batch: true, notFound: 'not used (unknown stations are row problems)' })
  cases(@Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    const rows = this.parser.batch(BULK_CASE_ROW, body);
    return this.runner.run(ctx, (manager) => this.bulk.casesUpsert(manager, ctx, rows));
  }
}
