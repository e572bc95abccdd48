import { Controller, Delete, Get, Headers, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiAuthenticated, ApiWrite, ErrorBodyDto } from '../ingestion/openapi.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { Ctx } from '../ingestion/write-context.decorator.js';
import type { WriteSummary } from '../ingestion/write-summary.js';
import { EVIDENCE_TYPES } from './content-type.js';
import { fileContentDisposition } from './download-headers.js';
import type { FileDescriptor } from './file-attachments.js';
import { ACCEPTED_TYPES_SENTENCE, FilesService } from './files.service.js';

class FileDescriptorDto implements FileDescriptor {
  @ApiProperty({ format: 'uuid', example: '3f0c1a52-7d1e-4b8a-9f4e-2a6d8c1b5e70', description: 'the id to name in fileIds and sealedScanFileId' })
  id: string;

  @ApiProperty({ pattern: '^[0-9a-f]{64}$', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the bytes (the same bytes always give the same value)' })
  sha256: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 183_442, description: 'bytes' })
  size: number;

  @ApiProperty({ enum: Object.values(EVIDENCE_TYPES), description: 'recognised from the content' })
  contentType: string;

  @ApiProperty({ example: '2025年市场准入业务指导记录.pdf', description: 'the file name the uploader gave' })
  name: string;
}

const FILE_ID = ApiParam({
  name: 'id',
  description: 'file id (UUID) answered by the upload',
  schema: { type: 'string', format: 'uuid', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
});
const NOT_FOUND = 'no such file for this key (a file the key may not read answers the same)';
const BINARY = { schema: { type: 'string', format: 'binary' } };

/** Evidence files (佐证材料): upload once, name by id in applications, reviews and inspections. */
@ApiTags('files')
@ApiAuthenticated()
@Controller('api/v1/files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @HttpCode(201)
  @Roles('COUNTY', 'CITY', 'PROVINCE', 'ADMIN')
  @ApiOperation({
    summary: 'Upload one evidence file',
    description:
      `multipart/form-data with exactly one part named \`file\` (with a filename). Accepted: ${ACCEPTED_TYPES_SENTENCE}; at most FILES_MAX_BYTES (20 MiB). ` +
      'The same bytes uploaded twice give the same sha256 and are stored once (each upload has its own id and name). ' +
      'The file can be read by the uploading key, ADMIN keys, and keys that may read a station it is attached to.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'the file, with its name in the part\'s filename' } } } })
  @ApiCreatedResponse({ description: 'stored', type: FileDescriptorDto })
  @ApiBadRequestResponse({ description: 'no part named file, other parts, an empty file or a file name with control or invisible characters; nothing stored', type: ErrorBodyDto })
  @ApiPayloadTooLargeResponse({ description: 'the file is larger than FILES_MAX_BYTES (20 MiB); nothing stored', type: ErrorBodyDto })
  @ApiUnsupportedMediaTypeResponse({ description: 'the body is not multipart/form-data, or the content is none of the accepted types (the message says what was found)', type: ErrorBodyDto })
  upload(@Req() request: FastifyRequest, @Ctx() ctx: WriteContext): Promise<FileDescriptor> {
    return this.files.upload(ctx, request);
  }

  @Get(':id')
  @FILE_ID
  @ApiOperation({
    summary: 'Download an evidence file',
    description: 'The bytes with their Content-Type, Content-Length, ETag (the quoted sha256) and Content-Disposition: attachment with the original name (filename*=UTF-8 and an ASCII filename fallback).',
  })
  @ApiProduces(...Object.values(EVIDENCE_TYPES))
  @ApiOkResponse({ description: 'the bytes', content: Object.fromEntries(Object.values(EVIDENCE_TYPES).map((type) => [type, BINARY])) })
  @ApiBadRequestResponse({ description: 'a malformed file id', type: ErrorBodyDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorBodyDto })
  async download(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const { file, bytes } = await this.files.open(principal, id);
    const etag = `"${file.sha256}"`;
    reply.header('ETag', etag).header('Cache-Control', 'private, no-cache').header('X-Content-Type-Options', 'nosniff');
    if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
      bytes.destroy();
      reply.status(304);
      return undefined;
    }
    reply.header('Content-Disposition', fileContentDisposition(file));
    return new StreamableFile(bytes, { type: file.contentType, length: file.size });
  }

  @Delete(':id')
  @FILE_ID
  @ApiOperation({
    summary: 'Delete an uploaded file (the uploader or ADMIN)',
    description: 'Refused with 409 while an application, review or inspection names the file. The bytes are removed when no other upload has the same sha256.',
  })
  @ApiWrite({ body: false, notFound: NOT_FOUND, conflict: 'the file is attached to an application, review or inspection (or a concurrent request with the same Idempotency-Key failed)' })
  remove(@Param('id') id: string, @Ctx() ctx: WriteContext): Promise<WriteSummary> {
    return this.files.remove(ctx, id);
  }
}
