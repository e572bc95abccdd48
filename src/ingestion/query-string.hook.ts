import type { FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../common/errors/domain-error.js';

/**
 * Fastify onRequest hook for the REST interface: every query parameter must be valid
 * percent-encoded UTF-8. The query parser decodes leniently (a lone surrogate's bytes
 * would pass as something else), so an unreadable value is a 400 naming the parameter.
 */
export async function requireReadableQuery(request: FastifyRequest): Promise<void> {
  if (!request.url.startsWith('/api/')) return;
  const start = request.url.indexOf('?');
  if (start < 0) return;
  const problems: FieldProblem[] = [];
  for (const pair of request.url.slice(start + 1).split('&')) {
    const [rawName, rawValue = ''] = pair.split('=', 2);
    const name = decoded(rawName) ?? rawName;
    if (decoded(rawName) === null || decoded(rawValue) === null) problems.push({ path: name, reason: `${name} is not valid percent-encoded UTF-8` });
  }
  if (problems.length > 0) throw DomainError.badInput('a query parameter cannot be read', problems);
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}
