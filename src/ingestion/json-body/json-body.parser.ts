import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../../common/errors/domain-error.js';
import { isPlainObject } from '../validation/field-rules.js';
import { parseStrictJson, type JsonProblem } from './strict-json.js';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The JSON body parser of the whole HTTP server: the push interface (/api/) gets the strict
 * parser (strict-json.ts); other routes (GraphQL) keep Fastify's default parser.
 */
export function useJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const fallback = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done: Done) => {
    if (!request.url.startsWith('/api/')) {
      fallback(request, body.toString('utf8'), done);
      return;
    }
    try {
      done(null, pushInterfaceBody(request.method, body));
    } catch (error) {
      done(error as Error);
    }
  });
}

/** A push interface body, or a 400 naming the path of what is wrong with it. */
export function pushInterfaceBody(method: string, bytes: Buffer): unknown {
  const parsed = parseStrictJson(bytes);
  if (!parsed.ok) throw DomainError.badInput('the request body is not acceptable JSON; nothing was stored', [asFieldProblem(parsed.problem)]);
  if (method !== 'DELETE') return parsed.value;
  // Many HTTP clients send Content-Type: application/json (and at times `{}` or `null`) on
  // every request: nothing there is no body. Anything else would be silently ignored.
  const value = parsed.value;
  if (value === undefined || value === null || (isPlainObject(value) && Object.keys(value).length === 0)) return undefined;
  throw DomainError.badInput('a DELETE takes no body', [{ path: '', reason: 'a DELETE takes no body: the path names what to remove (send no body, or {})' }]);
}

/** `items[3].name` of a batch body is reported as row 3, path `name`, like validation problems. */
function asFieldProblem(problem: JsonProblem): FieldProblem {
  const row = /^items\[(\d+)\](?:\.(.*))?$|^items\[(\d+)\](\[.*)$/.exec(problem.path);
  if (!row) return problem;
  return { index: Number(row[1] ?? row[3]), path: row[2] ?? row[4] ?? '', reason: problem.reason };
}
