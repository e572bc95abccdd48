import { Body, Controller, Delete, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiKeyParam, ApiQueryParam, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { checkKeyParam } from '../ingestion/path-params.js';
import { parseBoolean } from '../ingestion/query-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { PERSON_ROW, PersonBatchDto, PersonReadDto } from './person.dto.js';
import { PersonnelService, type PersonRead } from './personnel.service.js';

class PersonListDto {
  @ApiProperty({ example: '130102001' })
  stationCode: string;

  @ApiProperty({ type: [PersonReadDto], description: 'every person on the roster, by externalId; absent optional fields read back as null or their default; personal fields only for keys allowed to read them' })
  items: PersonReadDto[];
}

@ApiTags('personnel')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/personnel')
export class PersonnelController {
  constructor(
    private readonly personnel: PersonnelService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put()
  @ApiOperation({
    summary: 'Replace the whole roster',
    description:
      'The roster becomes exactly the items. People absent from it leave today: they are kept with leftOn set (counted as removed), so their dated records still count; DELETE erases an entry made by mistake.',
  })
  @ApiBody({ type: PersonBatchDto })
  @ApiWrite({ body: true, batch: true })
  replace(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const people = this.parser.batch(PERSON_ROW, body);
    return this.runner.run(ctx, (manager) => this.personnel.replace(manager, ctx, code, people));
  }

  @Patch()
  @ApiOperation({ summary: 'Upsert people by externalId', description: 'People not in the batch stay as they are.' })
  @ApiBody({ type: PersonBatchDto })
  @ApiWrite({ body: true, batch: true })
  upsert(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const people = this.parser.batch(PERSON_ROW, body);
    return this.runner.run(ctx, (manager) => this.personnel.upsert(manager, ctx, code, people));
  }

  @Delete(':externalId')
  @ApiOperation({ summary: 'Erase one person', description: 'Erases an entry made by mistake, with their trainings and records (audited). Someone who left is marked by leftOn instead (or dropped from a PUT).' })
  @ApiKeyParam('externalId', 64, 'P0001')
  @ApiWrite({ body: false, notFound: "no such station in this key's region (a station outside the region answers the same), or no such person at it" })
  remove(@Param('code') code: string, @Param('externalId') externalId: string, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    checkKeyParam(externalId, 'externalId');
    return this.runner.run(ctx, (manager) => this.personnel.remove(manager, ctx, code, externalId));
  }

  @Get()
  @ApiOperation({ summary: 'Read the roster back', description: 'People who have left (leftOn today or earlier) only with includeDeparted=true.' })
  @ApiQueryParam('includeDeparted', 'also list people who have left (default false)', { type: 'boolean' }, 'true')
  @ApiRead(PersonListDto)
  async list(@Param('code') code: string, @Query('includeDeparted') includeDeparted: string | undefined, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: PersonRead[] }> {
    const departed = parseBoolean(includeDeparted, 'includeDeparted') ?? false;
    return { stationCode: code, items: await this.personnel.list(this.dataSource.manager, principal, code, departed) };
  }

  @Get(':externalId')
  @ApiOperation({ summary: 'Read one person back', description: 'Also someone who has left (see leftOn).' })
  @ApiKeyParam('externalId', 64, 'P0001')
  @ApiRead(PersonReadDto, "no such station in this key's region (a station outside the region answers the same), or no such person at it")
  get(@Param('code') code: string, @Param('externalId') externalId: string, @CurrentPrincipal() principal: Principal): Promise<PersonRead> {
    checkKeyParam(externalId, 'externalId');
    return this.personnel.get(this.dataSource.manager, principal, code, externalId);
  }
}
