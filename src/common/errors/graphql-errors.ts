import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError } from './domain-error.js';
import type { ErrorCode } from './error-code.js';
import { httpStatusOf } from './http-status.js';
import { toDomainError } from './to-domain-error.js';

/** A DomainError (or anything thrown in a resolver) as a GraphQL error with a stable code. */
export function toGraphQLError(exception: unknown): GraphQLError {
  if (exception instanceof GraphQLError) return exception;
  const error = toDomainError(exception);
  return new GraphQLError(error.code === 'INTERNAL_SERVER_ERROR' ? 'internal error' : error.message, {
    extensions: {
      code: error.code,
      ...(error.problems.length > 0 ? { problems: error.problems } : {}),
    },
  });
}

/**
 * A DomainError raised before execution (an Apollo plugin refusing an operation): the
 * response carries no data, so it also takes the HTTP status of its code.
 */
export function toRequestGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(error.problems.length > 0 ? { problems: error.problems } : {}),
      http: { status: httpStatusOf(error.code) },
    },
  });
}

// Apollo's own codes for errors raised before any resolver runs.
const APOLLO_CODES: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED: 'BAD_USER_INPUT',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_USER_INPUT',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_USER_INPUT',
  OPERATION_RESOLUTION_FAILURE: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

// graphql-js's parser stopping at its maxTokens option (GRAPHQL_MAX_TOKENS, app.module.ts).
const TOKEN_LIMIT = /Document contains more (?:than|that) (\d+) tokens/;

/** Apollo `formatError`: every error leaves with one of our codes and no stack trace. */
export function formatGraphQLError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const raw = (original as { originalError?: unknown })?.originalError ?? original;
  const code = String(formatted.extensions?.code ?? '');
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (tokens) {
    return { message: `query document exceeds the limit of ${tokens[1]} tokens (GRAPHQL_MAX_TOKENS)`, extensions: { code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode } };
  }
  if (raw instanceof DomainError) {
    return { ...formatted, extensions: { code: raw.code, ...(raw.problems.length ? { problems: raw.problems } : {}) } };
  }
  if (code && APOLLO_CODES[code]) {
    // A DomainError from a resolver arrives here as the GraphQLError toGraphQLError made of
    // it (BAD_USER_INPUT): keep its problems.
    const problems = formatted.extensions?.problems;
    return { ...formatted, extensions: { code: APOLLO_CODES[code], ...(Array.isArray(problems) && problems.length > 0 ? { problems } : {}) } };
  }
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: rest };
  }
  // Apollo refuses some requests with an HTTP 4xx and no code (a persisted query whose hash
  // does not match its text, an unknown persisted-query version): the client's input.
  if (clientStatusOf(original)) return { message: formatted.message, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } };
  const mapped = toDomainError(raw);
  return {
    message: mapped.code === 'INTERNAL_SERVER_ERROR' ? 'internal error' : mapped.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: mapped.code },
  };
}

function clientStatusOf(error: unknown): boolean {
  const status = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined)?.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500;
}
