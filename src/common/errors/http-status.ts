import { assertUnreachable, type ErrorCode } from './error-code.js';

export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'IDEMPOTENCY_KEY_REUSED':
      return 422;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'QUERY_TOO_COMPLEX':
      return 400;
    case 'SERVICE_UNAVAILABLE':
      return 503;
    case 'INTERNAL_SERVER_ERROR':
      return 500;
    default:
      return assertUnreachable(code);
  }
}

/** Seconds a client should wait before sending the request again (`Retry-After`), when it should. */
export function retryAfterSecondsOf(code: ErrorCode): number | null {
  return code === 'SERVICE_UNAVAILABLE' ? RETRY_AFTER_SECONDS : null;
}

// A dropped connection is replaced at once; a restarting database takes a few seconds.
const RETRY_AFTER_SECONDS = 2;
