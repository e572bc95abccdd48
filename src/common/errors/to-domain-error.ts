import { HttpException } from '@nestjs/common';
import { DomainError } from './domain-error.js';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
  /** TypeORM's QueryFailedError keeps the driver's error here. */
  driverError?: unknown;
}

// SQLSTATEs of a server going away or refusing connections for now: class 08 (connection
// exception), admin/crash shutdown, cannot connect now (starting up), too many connections.
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors of a connection that could not be made or broke.
const TRANSIENT_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres and pg-pool raise these without a code.
const TRANSIENT_MESSAGES = /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout)/;

/**
 * A fault of the connection, not of the request: the same request may succeed in a moment
 * (on a new connection). Looks through TypeORM's wrapper at the driver's error.
 */
export function isTransientConnectionError(error: unknown): boolean {
  for (let current = error as PgError | undefined, depth = 0; current && typeof current === 'object' && depth < 3; current = current.driverError as PgError | undefined, depth++) {
    const code = typeof current.code === 'string' ? current.code : '';
    if (code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_SOCKET_CODES.has(code)) return true;
    if (typeof current.message === 'string' && TRANSIENT_MESSAGES.test(current.message)) return true;
  }
  return false;
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
  if (isTransientConnectionError(error)) {
    return DomainError.unavailable('the database could not be reached or the connection was lost; nothing was stored: retry the request (a write with the same Idempotency-Key)');
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
