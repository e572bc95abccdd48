// OpenAPI pieces shared by every push endpoint: the error body, the Idempotency-Key header
// and the error answers each kind of endpoint can give.
import { applyDecorators, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { ERROR_CODES } from '../common/errors/error-code.js';
import { keySchema, MAX_YEAR, MIN_YEAR, REGION_CODE_SCHEMA, REQUIRED, RULE_TEXT, STATION_CODE_SCHEMA, type SchemaFragment } from './validation/field-rules.js';
import { WriteSummaryDto } from './write-summary.js';

export class FieldProblemDto {
  @ApiPropertyOptional({ description: 'row index in the batch (0-based)', example: 3 })
  index?: number;

  @ApiPropertyOptional({ description: "the row's natural key when readable (externalId, caseNumber, …; stationCode/key in bulk batches)", example: 'P0007' })
  key?: string;

  @ApiProperty({ description: "field path inside the row or body ('' for the row itself)", example: 'trainings[0].year' })
  path: string;

  @ApiProperty({ description: 'why the value was refused', example: 'year must be an integer from 1990 to 2100' })
  reason: string;
}

export class ErrorDto {
  @ApiProperty({ enum: ERROR_CODES, example: 'BAD_USER_INPUT' })
  code: string;

  @ApiProperty({ example: '2 of 120 rows are invalid; nothing was stored' })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  problems?: FieldProblemDto[];

  @ApiProperty({ description: 'the request id (X-Request-Id), to quote when asking for help', example: '0b6f1f5e-3f5a-4c57-9d2a-8e1f0c2b7a10' })
  requestId: string;
}

export class ErrorBodyDto {
  @ApiProperty({ type: ErrorDto })
  error: ErrorDto;
}

export const IDEMPOTENCY_HEADER = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Up to 128 visible ASCII characters, unique per request. A retry with the same key, method, path and body within 24 h gets the first answer (header Idempotent-Replayed: true) and changes nothing; the same key with a different request is a 422.',
  example: 'county-130102-20250301-0001',
});

/** Common answers of every authenticated endpoint. */
export function ApiAuthenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no API key, or an unknown or revoked one', type: ErrorBodyDto }),
    ApiForbiddenResponse({
      description: "the key's role may not do this, or a region or county named in the request lies outside the key's region (a station outside it answers 404, as a missing one)",
      type: ErrorBodyDto,
    }),
  );
}

/** A write answering with a summary; `body` says whether a JSON body is expected. */
export function ApiWrite(opts: { body: boolean; batch?: boolean; summary?: new () => object; notFound?: string; conflict?: string } = { body: true }): MethodDecorator {
  const decorators = [
    HttpCode(200),
    IDEMPOTENCY_HEADER,
    ApiOkResponse({ description: 'applied (or replayed): what changed, row by row', type: opts.summary ?? WriteSummaryDto }),
    ApiBadRequestResponse({ description: 'invalid input: every problem listed with index, key, path and reason; nothing stored', type: ErrorBodyDto }),
    ApiNotFoundResponse({ description: opts.notFound ?? NO_SUCH_STATION, type: ErrorBodyDto }),
    ApiConflictResponse({ description: opts.conflict ?? 'a concurrent request with the same Idempotency-Key failed; retry', type: ErrorBodyDto }),
    ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used for a different request', type: ErrorBodyDto }),
  ];
  if (opts.body) {
    decorators.push(
      ApiUnsupportedMediaTypeResponse({ description: 'the body is not application/json', type: ErrorBodyDto }),
      ApiPayloadTooLargeResponse({ description: opts.batch ? 'more rows than MAX_BATCH_ROWS (5,000) or a body over HTTP_BODY_LIMIT_BYTES' : 'a body over HTTP_BODY_LIMIT_BYTES', type: ErrorBodyDto }),
    );
  }
  return applyDecorators(...decorators);
}

/** The 404 of every station path: a station outside the key's region answers exactly as a missing one. */
export const NO_SUCH_STATION = "no such station in this key's region (a station outside the region answers the same)";

/** A read of something under a station. */
export function ApiRead(type: new () => object, notFound = NO_SUCH_STATION): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type }),
    ApiBadRequestResponse({ description: 'a malformed path or query parameter', type: ErrorBodyDto }),
    ApiNotFoundResponse({ description: notFound, type: ErrorBodyDto }),
  );
}

/** The `{code}` path parameter of every station resource. */
export function ApiStationCode(): MethodDecorator & ClassDecorator {
  return ApiParam({ name: 'code', description: 'station code (1-32 of A-Z a-z 0-9 _ -)', example: '130102001', schema: STATION_CODE_SCHEMA });
}

/** A region code in a path (`{code}` of region resources). */
export function ApiRegionCodeParam(description: string): MethodDecorator & ClassDecorator {
  return ApiParam({ name: 'code', example: '130000', ...published(REGION_CODE_SCHEMA, description) });
}

/** A natural key in a path (externalId, caseNumber, eventKey), with the rules of keyProblem. */
export function ApiKeyParam(name: string, max: number, example: string, description = 'percent-encoded when it holds non-ASCII characters'): MethodDecorator & ClassDecorator {
  return ApiParam({ name, example, ...published(keySchema(max), description) });
}

/** A year in a path (checkYearParam). */
export function ApiYearParam(description: string, example: number): MethodDecorator & ClassDecorator {
  return ApiParam({ name: 'year', description, example, schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR } });
}

/** An optional query parameter with the schema of a field rule. */
export function ApiQueryParam(name: string, description: string, schema: SchemaFragment, example?: string | number): MethodDecorator & ClassDecorator {
  return ApiQuery({ name, required: false, example, ...published(schema, description) });
}

/** `?limit=` of a paged read (parseLimit). */
export function ApiLimitParam(fallback: number, max: number): MethodDecorator & ClassDecorator {
  return ApiQuery({ name: 'limit', required: false, description: `page size, default ${fallback}`, example: fallback, schema: { type: 'integer', minimum: 1, maximum: max } });
}

/** A rule's schema as published: its sentence joined to the description, internal keys dropped. */
function published(fragment: SchemaFragment, description: string): { description: string; schema: Record<string, unknown> } {
  const { [RULE_TEXT]: rule, [REQUIRED]: _required, ...schema } = fragment;
  return { description: rule ? `${description}. Rule: ${String(rule)}.` : description, schema };
}
