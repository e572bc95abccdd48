import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { Roles } from '../auth/auth.decorators.js';
import type { MediationAverage } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiRead, ApiWrite, ApiYearParam } from '../ingestion/openapi.js';
import { checkYearParam } from '../ingestion/path-params.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { MEDIATION_AVERAGE, MediationAverageDto, MediationAverageInputDto } from './complaint-figures.dto.js';
import { ComplaintsService } from './complaints.service.js';

class MediationAverageListDto {
  @ApiProperty({ type: [MediationAverageDto], description: 'ordered by year' })
  items: MediationAverageDto[];
}

const YEAR = ApiYearParam('the year the average describes', 2024);

@ApiTags('reference')
@ApiAuthenticated()
@Controller('api/v1/reference/mediation-averages')
export class MediationAveragesController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put(':year')
  @YEAR
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'National average mediation success rate of a year (ADMIN keys only)',
    description:
      '`{ "rate": 0.72 }` as a fraction. It is national reference data shared by every province, so only ADMIN keys set it (403 for PROVINCE, CITY and COUNTY keys). A change marks every station for recomputation.',
  })
  @ApiBody({ type: MediationAverageInputDto })
  @ApiWrite({ body: true, notFound: 'not used' })
  put(@Param('year') year: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    const y = checkYearParam(year);
    const { rate } = this.parser.one(MEDIATION_AVERAGE, body, 'the mediation average');
    return this.runner.run(ctx, (manager) => this.complaints.putMediationAverage(manager, ctx, y, rate));
  }

  @Get()
  @ApiOperation({ summary: 'Read every year back' })
  @ApiRead(MediationAverageListDto, 'not used')
  async list(): Promise<{ items: (MediationAverage & { updatedAt: string })[] }> {
    return { items: await this.complaints.mediationAverages(this.dataSource.manager) };
  }

  @Get(':year')
  @YEAR
  @ApiOperation({ summary: 'Read one year back' })
  @ApiRead(MediationAverageDto, 'no average for that year')
  async get(@Param('year') year: string): Promise<MediationAverage & { updatedAt: string }> {
    return (await this.complaints.mediationAverages(this.dataSource.manager, checkYearParam(year)))[0];
  }
}
