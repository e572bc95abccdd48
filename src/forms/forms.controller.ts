import { Controller, Get, Header, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags, ApiBadRequestResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiAuthenticated, ApiRegionCodeParam, ApiStationCode, ErrorBodyDto } from '../ingestion/openapi.js';
import { contentDisposition, STATION_FORM_FILES, type FormFile } from './download.js';
import { FormsService } from './forms.service.js';
import { PDF_CONTENT_TYPE } from './render/pdf/pdf-support.js';
import { XLSX_CONTENT_TYPE } from './render/xlsx/xlsx-support.js';

const BINARY = { schema: { type: 'string', format: 'binary' } };

/** Downloads of the official forms (附件1/2/3) and the ranking, scoped like the data they show. */
@ApiTags('forms')
@ApiAuthenticated()
@Controller('api/v1')
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get('stations/:code/forms/:file')
  @Header('Cache-Control', 'no-store')
  @ApiStationCode()
  @ApiParam({ name: 'file', enum: STATION_FORM_FILES, description: 'form number and format: 1 附件1 评分表, 2 附件2 人员一览表 (xlsx only), 3 附件3 证明材料' })
  @ApiOperation({
    summary: "One of a station's official forms, live (as of its current score)",
    description:
      '1.xlsx / 1.pdf: 附件1 评分表 with every criterion\'s points and reason, bonus, vetoes, totals, stars and the result digest. ' +
      '2.xlsx: 附件2 人员一览表 (names, birth months and certificate numbers only for keys that may read personal data; other keys see （已隐去）). ' +
      '3.xlsx / 3.pdf: 附件3 证明材料, the latest certification up to this year. Content-Disposition carries a UTF-8 file name and an ASCII fallback.',
  })
  @ApiProduces(XLSX_CONTENT_TYPE, PDF_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [XLSX_CONTENT_TYPE]: BINARY, [PDF_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed station code', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'no such station, form or format (附件2 has no PDF), no score yet (附件1) or no certification (附件3)', type: ErrorBodyDto })
  async stationForm(@Param('code') code: string, @Param('file') file: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return sendFormFile(reply, await this.forms.stationForm(principal, code, file));
  }

  @Get('regions/:code/ranking.xlsx')
  @Header('Cache-Control', 'no-store')
  @ApiRegionCodeParam("a province, city or county code inside the key's region")
  @ApiOperation({ summary: "A region's live ranking as .xlsx", description: 'Eligible stations by total (desc), then code, with competition ranks, as GraphQL `rankings` orders them; streamed (a province of 40,000 stations is one file).' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'the file', content: { [XLSX_CONTENT_TYPE]: BINARY } })
  @ApiBadRequestResponse({ description: 'a malformed region code', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: 'no such region', type: ErrorBodyDto })
  async ranking(@Param('code') code: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    return sendFormFile(reply, await this.forms.rankingXlsx(principal, code));
  }
}

/** A form file as the answer: its Content-Disposition, type and (for a buffer) length. */
export function sendFormFile(reply: FastifyReply, file: FormFile): StreamableFile {
  reply.header('Content-Disposition', contentDisposition(file));
  return Buffer.isBuffer(file.body) ? new StreamableFile(file.body, { type: file.contentType, length: file.body.length }) : new StreamableFile(file.body, { type: file.contentType });
}
