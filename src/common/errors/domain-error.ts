import type { ErrorCode } from './error-code.js';

/** One problem with one input value: which row (for batches), which field, and why. */
export interface FieldProblem {
  /** Row index in a batch, when the input is a batch. */
  index?: number;
  /** The row's natural key (externalId, caseNumber, …) when it has one. */
  key?: string;
  /** Dotted path of the field inside the row or body, e.g. `trainings[0].year`. */
  path: string;
  reason: string;
}

/**
 * The one error type services throw. Its code is mapped in one place: http-status.ts gives
 * the HTTP status, which app-exception.filter.ts (REST) and graphql-errors.ts (GraphQL
 * extensions) both use; nothing else decides status codes.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(message: string, problems: FieldProblem[] = []): DomainError {
    return new DomainError('BAD_USER_INPUT', message, problems);
  }

  static notFound(what: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} not found`);
  }

  static forbidden(message: string): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  static unauthenticated(message = 'a valid API key is required (Authorization: Bearer <key>)'): DomainError {
    return new DomainError('UNAUTHENTICATED', message);
  }

  static conflict(message: string): DomainError {
    return new DomainError('CONFLICT', message);
  }

  static unavailable(message: string): DomainError {
    return new DomainError('SERVICE_UNAVAILABLE', message);
  }
}
