import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import type { AnnualReview, BonusEvent } from '../domain/station-data.js';
import { BatchParser } from '../ingestion/batch-parser.js';
import { ApiAuthenticated, ApiKeyParam, ApiRead, ApiStationCode, ApiWrite } from '../ingestion/openapi.js';
import { checkKeyParam } from '../ingestion/path-params.js';
import { checkStationCode } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import { WriteRunner } from '../ingestion/write-runner.js';
import { WriteSummaryDto, type WriteSummary } from '../ingestion/write-summary.js';
import { AnnualReviewsService } from './annual-reviews.service.js';
import { BonusEventsService } from './bonus-events.service.js';
import { ANNUAL_REVIEW, AnnualReviewDto, BONUS_EVENT, BonusEventDto, VETO_EVENT, VetoEventDto, VetoEventInputDto } from './station-events.dto.js';
import { VetoEventsService, type VetoWriteSummary } from './veto-events.service.js';
import type { VetoEventView } from './veto-events.repository.js';

class BonusEventListDto {
  @ApiProperty({ example: '130102001' }) stationCode: string;
  @ApiProperty({ type: [BonusEventDto], description: 'ordered by date' }) items: BonusEventDto[];
}

class VetoWriteSummaryDto extends WriteSummaryDto {
  @ApiProperty({ description: 'id of the stored veto (created now, or the identical one stored before)', format: 'uuid' }) id: string;
}

class VetoEventListDto {
  @ApiProperty({ example: '130102001' }) stationCode: string;
  @ApiProperty({ type: [VetoEventDto], description: 'ordered by date; pushed and review-raised, active and lifted' }) items: VetoEventDto[];
}

class AnnualReviewViewDto extends AnnualReviewDto {
  @ApiPropertyOptional({ type: 'string', description: 'the ANNUAL_REVIEW_FAILED veto this review raised (INCOMPETENT only)', nullable: true, format: 'uuid' }) vetoId: string | null;
}

class AnnualReviewListDto {
  @ApiProperty({ example: '130102001' }) stationCode: string;
  @ApiProperty({ type: [AnnualReviewViewDto], description: 'ordered by year and subject' }) items: AnnualReviewViewDto[];
}

@ApiTags('bonus-events')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/bonus-events')
export class BonusEventsController {
  constructor(
    private readonly bonus: BonusEventsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiOperation({ summary: 'A bonus event (加分)', description: 'Upserted by eventKey: the same key again is updated (or unchanged), never counted twice.' })
  @ApiBody({ type: BonusEventDto })
  @ApiWrite({ body: true })
  post(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const event = this.parser.one(BONUS_EVENT, body, 'the bonus event');
    return this.runner.run(ctx, (manager) => this.bonus.post(manager, ctx, code, event));
  }

  @Delete(':eventKey')
  @ApiOperation({ summary: 'Remove a bonus event (a correction)' })
  @ApiKeyParam('eventKey', 128, '2024-省级-青年文明号')
  @ApiWrite({ body: false, notFound: "no such station in this key's region (a station outside the region answers the same), or no such event at it" })
  remove(@Param('code') code: string, @Param('eventKey') eventKey: string, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    checkKeyParam(eventKey, 'eventKey', 128);
    return this.runner.run(ctx, (manager) => this.bonus.remove(manager, ctx, code, eventKey));
  }

  @Get()
  @ApiOperation({ summary: 'Read the bonus events back' })
  @ApiRead(BonusEventListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: BonusEvent[] }> {
    return { stationCode: code, items: await this.bonus.list(this.dataSource.manager, principal, code) };
  }
}

@ApiTags('veto-events')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/veto-events')
export class VetoEventsController {
  constructor(
    private readonly vetoes: VetoEventsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'A veto event (否定项)',
    description: 'The same kind, date, description and person again is the same event: answered as unchanged with the stored id. Lifting a veto is a province reviewer action (GraphQL).',
  })
  @ApiBody({ type: VetoEventInputDto })
  @ApiWrite({ body: true, summary: VetoWriteSummaryDto })
  post(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<VetoWriteSummary> {
    checkStationCode(code);
    const veto = this.parser.one(VETO_EVENT, body, 'the veto event');
    return this.runner.run(ctx, (manager) => this.vetoes.post(manager, ctx, code, veto));
  }

  @Get()
  @ApiOperation({ summary: 'Read the veto events back, with their lifted status' })
  @ApiRead(VetoEventListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: VetoEventView[] }> {
    return { stationCode: code, items: await this.vetoes.list(this.dataSource.manager, principal, code) };
  }
}

@ApiTags('annual-reviews')
@ApiAuthenticated()
@ApiStationCode()
@Controller('api/v1/stations/:code/annual-reviews')
export class AnnualReviewsController {
  constructor(
    private readonly reviews: AnnualReviewsService,
    private readonly runner: WriteRunner,
    private readonly parser: BatchParser,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'An annual review result of the station or one person',
    description: 'Upserted by (year, subject). INCOMPETENT raises an ANNUAL_REVIEW_FAILED veto dated YYYY-12-31; changing the result later removes that veto.',
  })
  @ApiBody({ type: AnnualReviewDto })
  @ApiWrite({ body: true })
  post(@Param('code') code: string, @Body() body: unknown, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    checkStationCode(code);
    const review = this.parser.one(ANNUAL_REVIEW, body, 'the annual review');
    return this.runner.run(ctx, (manager) => this.reviews.post(manager, ctx, code, review));
  }

  @Get()
  @ApiOperation({ summary: 'Read the annual reviews back' })
  @ApiRead(AnnualReviewListDto)
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal): Promise<{ stationCode: string; items: (AnnualReview & { vetoId: string | null })[] }> {
    return { stationCode: code, items: await this.reviews.list(this.dataSource.manager, principal, code) };
  }
}
