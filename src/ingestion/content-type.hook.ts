import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The one write whose body is multipart/form-data: the evidence file upload. */
const MULTIPART_ROUTES = new Set(['POST /api/v1/files']);

/**
 * Fastify onRequest hook for the REST interface: a write that carries a body must say
 * `Content-Type: application/json` (415 otherwise), before anything parses the body — a
 * form or text body is never read as if it were the JSON the interface defines. The file
 * upload is the exception: it must be multipart/form-data.
 */
export async function requireJsonBody(request: FastifyRequest): Promise<void> {
  if (!BODY_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
  const length = request.headers['content-length'];
  const hasBody = (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (MULTIPART_ROUTES.has(`${request.method} ${request.url.split('?')[0]}`)) {
    if (type !== 'multipart/form-data') throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be multipart/form-data${type ? `, not ${type}` : ''}`);
    return;
  }
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json${type ? `, not ${type}` : ''}`);
  }
}
