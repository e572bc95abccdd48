import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toGraphQLError } from './graphql-errors.js';
import { httpStatusOf, retryAfterSecondsOf } from './http-status.js';
import type { DomainError } from './domain-error.js';
import { toDomainError } from './to-domain-error.js';

/**
 * The one place errors leave the service. REST: `{ error: { code, message, problems?,
 * requestId } }` with the status of the code. GraphQL: a GraphQLError with `extensions.code`.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') {
      const error = toGraphQLError(exception);
      if (error.extensions.code === 'INTERNAL_SERVER_ERROR') {
        this.logger.error('GraphQL resolver failed', exception instanceof Error ? exception.stack : String(exception));
      }
      return error;
    }
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const reply = context.getResponse<FastifyReply>();
    const error = toDomainError(exception);
    const status = httpStatusOf(error.code);
    const retryAfter = retryAfterSecondsOf(error.code);
    if (retryAfter !== null) {
      // A transient fault (the database went away): one line, no stack.
      this.logger.warn(`${request.method} ${request.url} [${request.id}]: ${exception instanceof Error ? exception.message : String(exception)}`);
      void reply.header('retry-after', String(retryAfter));
    } else if (status >= 500) {
      this.logger.error(`${request.method} ${request.url} [${request.id}]`, exception instanceof Error ? exception.stack : String(exception));
    }
    return reply.status(status).send(errorBody(error, request.id));
  }
}

/** The REST error body: `{ error: { code, message, problems?, requestId } }`. */
export function errorBody(error: DomainError, requestId: string): { error: Record<string, unknown> } {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.problems.length > 0 ? { problems: error.problems } : {}),
      requestId,
    },
  };
}
