import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiLimitParam, ApiQueryParam, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { parseLimit, parseOptional } from '../ingestion/query-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import { REGION_CODE_PATTERN, REGION_CODE_SCHEMA, STATION_CODE_PATTERN, STATION_CODE_SCHEMA } from '../ingestion/validation/field-rules.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { STATION_PROFILE, StationDto, StationListDto, StationProfileDto } from './station.dto.js';
import { StationsService, type StationView } from './stations.service.js';

/** Page size of a station list. */
const PAGE = { fallback: 100, max: 1000 };

@ApiTags('stations')
@ApiAuthenticated()
@Controller('api/v1/stations')
export class StationsController {
  constructor(
    private readonly stations: StationsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put(':code')
  @ApiStationCode()
  @ApiOperation({
    summary: "Create or replace a station's profile",
    description:
      'The county must be loaded as a COUNTY region. The key must cover the county (403) and, when the station exists, its current county: a code taken by a station outside the key\'s region is a 409 (codes are unique across the country; this is the one answer that shows a code is in use elsewhere).',
  })
  @ApiBody({ type: StationProfileDto })
  @ApiWrite({ body: true, notFound: 'not used (PUT creates the station)', conflict: "the code is taken by a station outside the key's region; or a concurrent request with the same Idempotency-Key failed (retry)" })
  put(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const profile = this.parser.one(STATION_PROFILE, body, 'the station profile');
    return this.runner.run(ctx, (manager) => this.stations.put(manager, ctx, code, profile));
  }

  @Get(':code')
  @ApiStationCode()
  @ApiOperation({ summary: 'Read a station back, with counts of what is stored under it' })
  @ApiRead(StationDto)
  get(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<StationView> {
    return this.stations.get(this.dataSource.manager, principal, code);
  }

  @Get()
  @ApiOperation({ summary: "List the stations in the key's region", description: 'Ordered by code; page with `after` = the previous page\'s nextAfter.' })
  @ApiQueryParam('regionCode', "a province, city or county inside the key's region", REGION_CODE_SCHEMA, '130102')
  @ApiQueryParam('after', 'station code to start after', STATION_CODE_SCHEMA, '130102050')
  @ApiLimitParam(PAGE.fallback, PAGE.max)
  @ApiRead(StationListDto)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('regionCode') regionCode?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): ReturnType<StationsService['list']> {
    return this.stations.list(this.dataSource.manager, principal, {
      regionCode: parseOptional(regionCode, 'regionCode', (v) => (REGION_CODE_PATTERN.test(v) ? null : 'regionCode must be a 6-digit region code')),
      after: parseOptional(after, 'after', (v) => (STATION_CODE_PATTERN.test(v) ? null : 'after must be a station code')),
      limit: parseLimit(limit, PAGE.fallback, PAGE.max),
    });
  }
}
