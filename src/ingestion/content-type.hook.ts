import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Fastify onRequest hook for the REST interface: a write that carries a body must say
 * `Content-Type: application/json` (415 otherwise), before anything parses the body — a
 * form or text body is never read as if it were the JSON the interface defines.
 */
export async function requireJsonBody(request: FastifyRequest): Promise<void> {
  if (!BODY_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  const length = request.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json${type ? `, not ${type}` : ''}`);
  }
}
