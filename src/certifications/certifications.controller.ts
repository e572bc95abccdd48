import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { Certification } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiRead, ApiStationCode, ApiWrite, ApiYearParam } from '../ingestion/openapi.js';
import { checkYearParam } from '../ingestion/path-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { CERTIFICATION_INPUT, CertificationDto, CertificationInputDto } from './certification.dto.js';
import { CertificationsService } from './certifications.service.js';

class CertificationListDto {
  @ApiProperty({ example: '130102001' })
  stationCode: string;

  @ApiProperty({ type: [CertificationDto], description: 'ordered by year' })
  items: CertificationDto[];
}

const YEAR = ApiYearParam('rating year', 2025);

@ApiTags('certifications')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/certifications')
export class CertificationsController {
  constructor(
    private readonly certifications: CertificationsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put(':year')
  @YEAR
  @ApiOperation({ summary: 'The county certification (附件3) for a rating year', description: 'Replaces that year\'s certification.' })
  @ApiBody({ type: CertificationInputDto })
  @ApiWrite({ body: true })
  put(@Param('code') code: string, @Param('year') year: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const y = checkYearParam(year);
    const input = this.parser.one(CERTIFICATION_INPUT, body, 'the certification');
    return this.runner.run(ctx, (manager) => this.certifications.put(manager, ctx, code, { year: y, ...input }));
  }

  @Get()
  @ApiOperation({ summary: 'Read every certification back' })
  @ApiRead(CertificationListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: Certification[] }> {
    return { stationCode: code, items: await this.certifications.list(this.dataSource.manager, principal, code) };
  }

  @Get(':year')
  @YEAR
  @ApiOperation({ summary: "Read one year's certification back" })
  @ApiRead(CertificationDto, "no such station in this key's region (a station outside the region answers the same), or no certification for that year")
  async get(@Param('code') code: string, @Param('year') year: string, @CurrentPrincipal() principal: Principal): Promise<Certification> {
    return (await this.certifications.list(this.dataSource.manager, principal, code, checkYearParam(year)))[0];
  }
}
