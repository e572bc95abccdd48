import { Body, Controller, Delete, Get, Param, Patch, Put, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { EnforcementCase } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiKeyParam, ApiLimitParam, ApiQueryParam, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { checkKeyParam } from '../ingestion/path-params.js';
import { parseLimit, parseOptional } from '../ingestion/query-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import { keyProblem, keySchema } from '../ingestion/validation/field-rules.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { CASE_ROW, CaseBatchDto, CaseDto } from './case.dto.js';
import { CasesService } from './cases.service.js';

/** Page size of a ledger read. */
const PAGE = { fallback: 1000, max: 5000 };

class CasePageDto {
  @ApiProperty({ example: '130102001' })
  stationCode: string;

  @ApiProperty({ type: [CaseDto], description: 'ordered by caseNumber' })
  items: CaseDto[];

  @ApiPropertyOptional({ type: 'string', description: 'pass as `after` to read the next page; null on the last page', nullable: true, example: '冀新市监处罚〔2025〕17号' })
  nextAfter: string | null;
}

@ApiTags('cases')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Put()
  @ApiOperation({ summary: 'Replace the whole case ledger', description: 'Cases absent from the items are removed.' })
  @ApiBody({ type: CaseBatchDto })
  @ApiWrite({ body: true, batch: true })
  replace(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const cases = this.parser.batch(CASE_ROW, body);
    return this.runner.run(ctx, (manager) => this.cases.replace(manager, ctx, code, cases));
  }

  @Patch()
  @ApiOperation({ summary: 'Upsert cases by caseNumber' })
  @ApiBody({ type: CaseBatchDto })
  @ApiWrite({ body: true, batch: true })
  upsert(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const cases = this.parser.batch(CASE_ROW, body);
    return this.runner.run(ctx, (manager) => this.cases.upsert(manager, ctx, code, cases));
  }

  @Delete(':caseNumber')
  @ApiOperation({ summary: 'Remove one case', description: 'Percent-encode the case number: /cases/%E5%86%80%E6%96%B0…' })
  @ApiKeyParam('caseNumber', 64, '冀新市监处罚〔2025〕17号')
  @ApiWrite({ body: false, notFound: "no such station in this key's region (a station outside the region answers the same), or no such case at it" })
  remove(@Param('code') code: string, @Param('caseNumber') caseNumber: string, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    checkKeyParam(caseNumber, 'caseNumber');
    return this.runner.run(ctx, (manager) => this.cases.remove(manager, ctx, code, caseNumber));
  }

  @Get()
  @ApiOperation({ summary: 'Read the case ledger back, a page at a time' })
  @ApiQueryParam('after', "caseNumber to start after (the previous page's nextAfter)", keySchema(64))
  @ApiLimitParam(PAGE.fallback, PAGE.max)
  @ApiRead(CasePageDto)
  async list(
    @Param('code') code: string,
    @CurrentPrincipal() principal: Principal,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<{ stationCode: string; items: EnforcementCase[]; nextAfter: string | null }> {
    const page = await this.cases.list(this.dataSource.manager, principal, code, {
      after: parseOptional(after, 'after', (v) => (keyProblem(v, 64) ? `after ${keyProblem(v, 64)}` : null)),
      limit: parseLimit(limit, PAGE.fallback, PAGE.max),
    });
    return { stationCode: code, ...page };
  }

  @Get(':caseNumber')
  @ApiOperation({ summary: 'Read one case back' })
  @ApiKeyParam('caseNumber', 64, '冀新市监处罚〔2025〕17号')
  @ApiRead(CaseDto, "no such station in this key's region (a station outside the region answers the same), or no such case at it")
  get(@Param('code') code: string, @Param('caseNumber') caseNumber: string, @CurrentPrincipal() principal: Principal): Promise<EnforcementCase> {
    checkKeyParam(caseNumber, 'caseNumber');
    return this.cases.get(this.dataSource.manager, principal, code, caseNumber);
  }
}
