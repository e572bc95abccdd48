import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { errorBody } from '../common/errors/app-exception.filter.js';

/**
 * Fastify's `frameworkErrors`: a URL the router cannot read (a percent-encoding that is not
 * UTF-8, such as a lone surrogate's bytes, or a parameter over maxParamLength) answers a 400
 * in the service's error shape, naming the path parameter when the URL fits a documented
 * route, instead of Fastify's own body.
 */
export class UrlErrors {
  /** Route templates of the OpenAPI document ('/api/v1/stations/{code}/…'), set once it exists. */
  templates: string[] = [];

  readonly handle = (error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void => {
    const segments = request.url.split('?', 1)[0].split('/');
    const bad = segments.findIndex((s) => (error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? s.length > 2048 : !decodes(s)));
    const name = bad < 0 ? null : this.parameterAt(segments, bad);
    const reason = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'is longer than any value the interface accepts' : 'is not valid percent-encoded UTF-8';
    const domainError = DomainError.badInput('the URL cannot be read', [{ path: name ?? '', reason: `${name ?? 'the URL'} ${reason}` }]);
    void reply.code(400).header('x-request-id', request.id).send(errorBody(domainError, String(request.id)));
  };

  private parameterAt(segments: string[], index: number): string | null {
    for (const template of this.templates) {
      const parts = template.split('/');
      if (parts.length !== segments.length) continue;
      if (parts.every((p, i) => i === index || p === segments[i] || /^\{\w+\}$/.test(p)) && /^\{\w+\}$/.test(parts[index])) return parts[index].slice(1, -1);
    }
    return null;
  }
}

function decodes(segment: string): boolean {
  try {
    decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
