import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

interface FastifyError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Turns anything thrown into a DomainError: ours pass through; framework and driver errors
 * that mean "bad input" become 4xx (never a 500 for bad input); the rest is internal.
 */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  const fastify = error as FastifyError;
  switch (fastify?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError('PAYLOAD_TOO_LARGE', 'request body exceeds the size limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return DomainError.badInput(fastify.message ?? 'malformed request body');
  }
  if (error instanceof SyntaxError && /JSON/.test(error.message)) {
    return DomainError.badInput(`malformed JSON: ${error.message}`);
  }
  const pgError = error as PgError;
  switch (pgError?.code) {
    case '23505':
      return DomainError.conflict(`duplicate key (${pgError.constraint ?? 'unique constraint'})`);
    // Lost a race with a concurrent write (deadlock, serialization, lock timeout): nothing was
    // stored and the same request can simply be sent again.
    case '40P01':
    case '40001':
    case '55P03':
      return DomainError.conflict('the write collided with a concurrent one and was rolled back; send it again');
    case '23503':
      return DomainError.badInput(`reference to a missing record (${pgError.constraint ?? 'foreign key'})`);
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return DomainError.badInput(`value rejected by the database (${pgError.constraint ?? pgError.code})`);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) return DomainError.notFound('route');
    if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE', error.message);
    if (status === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE', error.message);
    if (status === 401) return DomainError.unauthenticated(error.message);
    if (status === 403) return DomainError.forbidden(error.message);
    if (status >= 400 && status < 500) return DomainError.badInput(error.message);
  }
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return DomainError.badInput(fastify.message ?? 'bad request');
  }
  return new DomainError('INTERNAL_SERVER_ERROR', 'internal error');
}
