// County REST of rating rounds (docs/rounds-api.md "County applications"): read the
// province's rounds, put a draft, submit, withdraw, read the application back. Thin: the
// service decides; reviewers work over GraphQL (another module's resolvers).
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { DomainError, type FieldProblem } from '../../common/errors/domain-error.js';
import { checkUuid } from '../../dashboard/args.js';
import { UUID_PATTERN } from '../../files/file-attachments.js';
import { ApiAuthenticated, ApiLimitParam, ApiQueryParam, ErrorBodyDto, IDEMPOTENCY_HEADER } from '../../ingestion/openapi.js';
import { parseLimit, parseOptional } from '../../ingestion/query-params.js';
import { STATION_CODE_PATTERN, STATION_CODE_SCHEMA } from '../../ingestion/validation/field-rules.js';
import type { WriteContext } from '../../ingestion/write-context.js';
import { Ctx } from '../../ingestion/write-context.decorator.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundsService } from '../rounds.service.js';
import { ApplicationDraftDto } from './application-input.dto.js';
import { ApplicationDto, ApplicationListDto, RoundDto, RoundListDto } from './application-output.dto.js';
import type { ApplicationView } from './application-view.js';
import { ApplicationsService, type ApplicationSummary } from './applications.service.js';

const PAGE = { fallback: 100, max: 500 };
const PROVINCE_CODE_PATTERN = /^(?:0[1-9]|[1-9][0-9])0000$/;
const PROVINCE_CODE_SCHEMA = { type: 'string', pattern: PROVINCE_CODE_PATTERN.source, minLength: 6, maxLength: 6 };
const ROUND_ID = ApiParam({ name: 'roundId', description: 'the round (GET /api/v1/rounds)', schema: { type: 'string', format: 'uuid', pattern: UUID_PATTERN.source, minLength: 36, maxLength: 36 } });
const STATION = ApiParam({ name: 'stationCode', description: 'station code (1-32 of A-Z a-z 0-9 _ -)', example: '130102001', schema: STATION_CODE_SCHEMA });
const NOT_FOUND = "no such round, or no such station in this key's region (a station outside the region answers the same), or no application of it yet";
const FORBIDDEN = "the round belongs to a province outside the key's region";
const CONFLICT = 'the round or the application is in a status that does not allow this, or the deadline has passed (the message names the status)';

function roundView(r: RatingRoundRecord): RoundDto {
  return {
    id: r.id,
    provinceCode: r.provinceCode,
    name: r.name,
    level: r.level,
    cutOff: r.cutOff,
    caseSampleFrom: r.caseSampleFrom,
    caseSampleTo: r.caseSampleTo,
    applicationDeadline: r.applicationDeadline.toISOString(),
    publicationDays: r.publicationDays,
    publicationFrom: r.publicationFrom,
    publicationTo: r.publicationTo,
    rubricVersion: r.rubricVersion,
    status: r.status,
  };
}

@ApiTags('rating rounds')
@ApiAuthenticated()
@Controller('api/v1/rounds')
export class RoundsController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly applications: ApplicationsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The rating rounds (评定批次) of the key's province, newest first", description: 'ADMIN keys: every round, or one province with `provinceCode`.' })
  @ApiQueryParam('provinceCode', "a province (ADMIN keys), or the key's own", PROVINCE_CODE_SCHEMA, '130000')
  @ApiOkResponse({ type: RoundListDto })
  @ApiBadRequestResponse({ description: 'a malformed query parameter', type: ErrorBodyDto })
  async list(@CurrentPrincipal() principal: Principal, @Query('provinceCode') provinceCode?: string): Promise<RoundListDto> {
    const province = parseOptional(provinceCode, 'provinceCode', (v) => (PROVINCE_CODE_PATTERN.test(v) ? null : 'provinceCode must be a 6-digit province code ending in 0000'));
    return { items: (await this.rounds.list(principal, province ?? null)).map(roundView) };
  }

  @Get(':roundId')
  @ROUND_ID
  @ApiOperation({ summary: 'One rating round' })
  @ApiOkResponse({ type: RoundDto })
  @ApiBadRequestResponse({ description: 'roundId is not a UUID', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'no such round', type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  async get(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal): Promise<RoundDto> {
    return roundView(await this.applications.readRound(principal, roundId));
  }

  @Get(':roundId/applications')
  @ROUND_ID
  @ApiOperation({ summary: "The applications of the key's stations in the round", description: "Ordered by station code; page with `after` = the previous page's nextAfter." })
  @ApiQueryParam('after', 'station code to start after', STATION_CODE_SCHEMA, '130102050')
  @ApiLimitParam(PAGE.fallback, PAGE.max)
  @ApiOkResponse({ type: ApplicationListDto })
  @ApiBadRequestResponse({ description: 'a malformed path or query parameter', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'no such round', type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  listApplications(
    @Param('roundId') roundId: string,
    @CurrentPrincipal() principal: Principal,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ): Promise<{ items: ApplicationSummary[]; nextAfter: string | null }> {
    checkUuid(roundId, 'roundId');
    const from = parseOptional(after, 'after', (v) => (STATION_CODE_PATTERN.test(v) ? null : 'after must be a station code'));
    return this.applications.list(principal, roundId, from, parseLimit(limit, PAGE.fallback, PAGE.max));
  }

  @Put(':roundId/applications/:stationCode')
  @ROUND_ID
  @STATION
  @ApiOperation({
    summary: 'Create or replace the draft application of a station',
    description: 'While the round is OPEN and before its deadline, for a DRAFT (or a new) application; a RETURNED one also while the round is in REVIEW. Criteria and items by code ("1①", "32") or id ("1.1.1.1", "4.15.32"). Every problem at once.',
  })
  @IDEMPOTENCY_HEADER
  @ApiBody({ type: ApplicationDraftDto })
  @ApiCreatedResponse({ description: 'the draft was created', type: ApplicationDto })
  @ApiOkResponse({ description: 'the draft was replaced', type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'invalid input: every problem with its path (unknown criteria, duplicates, unknown or unusable files); nothing stored', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  @ApiConflictResponse({ description: CONFLICT, type: ErrorBodyDto })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for a different request', type: ErrorBodyDto })
  async put(
    @Param('roundId') roundId: string,
    @Param('stationCode') stationCode: string,
    @Body() body: unknown,
    @Ctx() ctx: WriteContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ApplicationView> {
    checkPath(roundId, stationCode);
    const answer = await this.applications.putDraft(ctx, roundId, stationCode, body);
    void reply.status(answer.status);
    return answer.body;
  }

  @Post(':roundId/applications/:stationCode/submit')
  @HttpCode(200)
  @IDEMPOTENCY_HEADER
  @ROUND_ID
  @STATION
  @ApiOperation({ summary: "Submit the application: checks completeness, freezes the station's facts, status SUBMITTED" })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'a malformed path, or the application is incomplete: every criterion with neither materials nor a declared missing item, and every missing part of the certification', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  @ApiConflictResponse({ description: CONFLICT, type: ErrorBodyDto })
  submit(@Param('roundId') roundId: string, @Param('stationCode') stationCode: string, @Ctx() ctx: WriteContext): Promise<ApplicationView> {
    checkPath(roundId, stationCode);
    return this.applications.submit(ctx, roundId, stationCode);
  }

  @Post(':roundId/applications/:stationCode/withdraw')
  @HttpCode(200)
  @IDEMPOTENCY_HEADER
  @ROUND_ID
  @STATION
  @ApiOperation({ summary: 'Withdraw a submitted application (back to DRAFT): before the deadline and before its review starts' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'a malformed path parameter', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  @ApiConflictResponse({ description: CONFLICT, type: ErrorBodyDto })
  withdraw(@Param('roundId') roundId: string, @Param('stationCode') stationCode: string, @Ctx() ctx: WriteContext): Promise<ApplicationView> {
    checkPath(roundId, stationCode);
    return this.applications.withdraw(ctx, roundId, stationCode);
  }

  @Get(':roundId/applications/:stationCode')
  @ROUND_ID
  @STATION
  @ApiOperation({ summary: 'The application: status, history, materials with their files, missing items, certification; its result once the round is published' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiBadRequestResponse({ description: 'a malformed path parameter', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorBodyDto })
  @ApiForbiddenResponse({ description: FORBIDDEN, type: ErrorBodyDto })
  getApplication(@Param('roundId') roundId: string, @Param('stationCode') stationCode: string, @CurrentPrincipal() principal: Principal): Promise<ApplicationView> {
    checkPath(roundId, stationCode);
    return this.applications.get(principal, roundId, stationCode);
  }
}

/** Both path parameters at once, each malformed one with its name. */
function checkPath(roundId: string, stationCode: string): void {
  const problems: FieldProblem[] = [];
  if (!UUID_PATTERN.test(roundId)) problems.push({ path: 'roundId', reason: 'a UUID' });
  if (!STATION_CODE_PATTERN.test(stationCode)) problems.push({ path: 'stationCode', reason: '1 to 32 characters of A-Z, a-z, 0-9, _ and -' });
  if (problems.length > 0) throw DomainError.badInput('malformed path parameters', problems);
}
