import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiQueryParam, ApiRead, ApiWrite } from '../ingestion/openapi.js';
import { parseOptional } from '../ingestion/query-params.js';
import { REGION_CODE_PATTERN, REGION_CODE_SCHEMA } from '../ingestion/validation/field-rules.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { REGION_ROW, RegionBatchDto, RegionListDto } from './region.dto.js';
import { ReferenceService } from './reference.service.js';

@ApiTags('reference')
@ApiAuthenticated()
@Controller('api/v1/reference/regions')
export class RegionsController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put()
  @Roles('PROVINCE', 'ADMIN')
  @ApiOperation({
    summary: 'Load administrative divisions (upsert by code)',
    description: 'ADMIN keys load any code, PROVINCE keys codes inside their province. Names may change; level and parent follow from the code. Nothing is ever removed.',
  })
  @ApiBody({ type: RegionBatchDto })
  @ApiWrite({ body: true, batch: true, notFound: 'not used' })
  put(@Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    const items = this.parser.batch(REGION_ROW, body);
    return this.runner.run(ctx, (manager) => this.reference.putRegions(manager, ctx, items));
  }

  @Get()
  @ApiOperation({ summary: 'List regions under a parent (provinces when no parent is given)' })
  @ApiQueryParam('parentCode', 'the region whose children are listed', REGION_CODE_SCHEMA, '130100')
  @ApiRead(RegionListDto, 'not used')
  async list(@CurrentPrincipal() principal: Principal, @Query('parentCode') parentCode?: string): Promise<{ items: Awaited<ReturnType<ReferenceService['listRegions']>> }> {
    const parent = parseOptional(parentCode, 'parentCode', (v) => (REGION_CODE_PATTERN.test(v) ? null : 'parentCode must be a 6-digit region code'));
    return { items: await this.reference.listRegions(this.dataSource.manager, principal, parent) };
  }
}
