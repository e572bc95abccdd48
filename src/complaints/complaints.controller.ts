import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { ComplaintFigures } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { COMPLAINT_COUNTS, ComplaintCountsDto, ComplaintFiguresDto, PERIOD_PATTERN, checkPeriodParam } from './complaint-figures.dto.js';
import { ComplaintsService } from './complaints.service.js';

class ComplaintFiguresListDto {
  @ApiProperty({ example: '130102001' })
  stationCode: string;

  @ApiProperty({ type: [ComplaintFiguresDto], description: 'ordered by period' })
  items: ComplaintFiguresDto[];
}

const PERIOD = ApiParam({ name: 'period', description: "'YYYY' for a whole year or 'YYYY-MM' for a month", example: '2024', schema: { type: 'string', pattern: PERIOD_PATTERN.source } });

@ApiTags('complaint-stats')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/complaint-stats')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put(':period')
  @PERIOD
  @ApiOperation({ summary: '12315 figures of one year or month', description: 'Replaces the figures of that period. A part never exceeds its whole.' })
  @ApiBody({ type: ComplaintCountsDto })
  @ApiWrite({ body: true })
  put(@Param('code') code: string, @Param('period') period: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    checkPeriodParam(period);
    const counts = this.parser.one(COMPLAINT_COUNTS, body, 'the complaint figures');
    return this.runner.run(ctx, (manager) => this.complaints.put(manager, ctx, code, { period, ...counts }));
  }

  @Get()
  @ApiOperation({ summary: 'Read every period back' })
  @ApiRead(ComplaintFiguresListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: ComplaintFigures[] }> {
    return { stationCode: code, items: await this.complaints.list(this.dataSource.manager, principal, code) };
  }

  @Get(':period')
  @PERIOD
  @ApiOperation({ summary: 'Read one period back' })
  @ApiRead(ComplaintFiguresDto, "no such station in this key's region (a station outside the region answers the same), or no figures for that period")
  async get(@Param('code') code: string, @Param('period') period: string, @CurrentPrincipal() principal: Principal): Promise<ComplaintFigures> {
    checkPeriodParam(period);
    return (await this.complaints.list(this.dataSource.manager, principal, code, period))[0];
  }
}
