import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiAuthenticated, ApiStationCode, ErrorBodyDto } from '../ingestion/openapi.js';
import { STATION_FORM_FILES } from './download.js';
import { sendFormFile as send } from './forms.controller.js';
import { PDF_CONTENT_TYPE } from './render/pdf/pdf-support.js';
import { XLSX_CONTENT_TYPE } from './render/xlsx/xlsx-support.js';
import { RoundFormsService } from './rounds-forms.service.js';

const BINARY = { schema: { type: 'string', format: 'binary' } };
const ROUND_ID = ApiParam({
  name: 'roundId',
  description: 'the rating round (its id, a UUID)',
  example: '3f0c2b9e-8a4d-4c1e-9b7a-2d5e6f708192',
  schema: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', maxLength: 36 },
});
const NO_SUCH_ROUND = "no such rating round in the key's province (a round of another province answers the same)";

const PUBLICATION_DESCRIPTION =
  'The stations proposed for the round\'s level: REVIEWED or AWARDED applications whose round result reaches it, by city, county, then total; with the 公示期. ' +
  'Any key of the round\'s province (it is public), once the round is PUBLICIZING or CONFIRMED.';

/** Downloads of a rating round's forms: a station's 附件1/2/3 in the round, the 公示名单 and the full result table. */
@ApiTags('forms')
@ApiAuthenticated()
@Controller('api/v1/rounds')
export class RoundFormsController {
  constructor(private readonly forms: RoundFormsService) {}

  @Get(':roundId/stations/:code/forms/:file')
  @Header('Cache-Control', 'no-store')
  @ROUND_ID
  @ApiStationCode()
  @ApiParam({ name: 'file', enum: STATION_FORM_FILES, description: 'form number and format: 1 附件1 评分表, 2 附件2 人员一览表 (xlsx only), 3 附件3 证明材料' })
  @ApiOperation({
    summary: "One of a station's official forms in a rating round (as its application stands)",
    description:
      '1.xlsx / 1.pdf: 附件1 评分表 of the application: the round\'s score of the frozen facts with the round\'s reviews (the stored result once the round is CONFIRMED), ' +
      'the round\'s name and cut-off in the header, 提供材料目录 listing the application\'s materials (titles and file names) and declared 合理缺项 with their decisions, the result digest at the foot. ' +
      '2.xlsx: 附件2 人员一览表 of the frozen personnel (people who had left by the cut-off left out; personal data only for keys that may read it, others see （已隐去）). ' +
      '3.xlsx / 3.pdf: 附件3 证明材料 as certified in the application (also for a draft, to print and seal). ' +
      'A station outside the key\'s region answers 404, as a missing one.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE, PDF_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [XLSX_CONTENT_TYPE]: BINARY, [PDF_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed round id or station code', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: `${NO_SUCH_ROUND}; no such station in the key's region, or no application of it in the round; no such form or format; no certification in the application (附件3)`, type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'the application was never submitted (DRAFT): 附件1 and 附件2 exist once it is; the message names the status', type: ErrorBodyDto })
  async stationForm(
    @Param('roundId') roundId: string,
    @Param('code') code: string,
    @Param('file') file: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return send(reply, await this.forms.stationForm(principal, roundId, code, file));
  }

  @Get(':roundId/publication-list.xlsx')
  @Header('Cache-Control', 'no-store')
  @ROUND_ID
  @ApiOperation({ summary: "A round's 公示名单 as .xlsx", description: PUBLICATION_DESCRIPTION })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [XLSX_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed round id', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NO_SUCH_ROUND, type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'the round is not published yet (OPEN or REVIEW); the message names the status', type: ErrorBodyDto })
  async publicationListXlsx(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return send(reply, await this.forms.publicationList(principal, roundId, 'xlsx'));
  }

  @Get(':roundId/publication-list.pdf')
  @Header('Cache-Control', 'no-store')
  @ROUND_ID
  @ApiOperation({ summary: "A round's 公示名单 as PDF", description: PUBLICATION_DESCRIPTION })
  @ApiProduces(PDF_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [PDF_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed round id', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NO_SUCH_ROUND, type: ErrorBodyDto })
  @ApiConflictResponse({ description: 'the round is not published yet (OPEN or REVIEW); the message names the status', type: ErrorBodyDto })
  async publicationListPdf(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return send(reply, await this.forms.publicationList(principal, roundId, 'pdf'));
  }

  @Get(':roundId/results.xlsx')
  @Roles('PROVINCE', 'ADMIN')
  @Header('Cache-Control', 'no-store')
  @ROUND_ID
  @ApiOperation({
    summary: "A round's full result table as .xlsx (PROVINCE of the round's province, ADMIN)",
    description:
      'Every application that was submitted, by city, county and station code: its status, raw, applicable, re-based points, bonus, total, stars, vetoes, pending criteria and result digest ' +
      '(the stored result once the round is CONFIRMED, else scored from the frozen facts and the round\'s reviews). Streamed: a province-wide round of 40,000 applications is one file.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [XLSX_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed round id', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NO_SUCH_ROUND, type: ErrorBodyDto })
  async resultsXlsx(@Param('roundId') roundId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return send(reply, await this.forms.resultsXlsx(principal, roundId));
  }
}
