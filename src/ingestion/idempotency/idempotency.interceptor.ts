import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, map, switchMap, type Observable } from 'rxjs';
import type { Principal } from '../../auth/principal.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { canonicalJson, sha256Hex } from '../row-digest.js';
import type { IdempotencyClaim } from '../write-context.js';
import { IdempotencyRaceLost, IdempotencyService, type StoredAnswer } from './idempotency.service.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

export interface IdempotentRequest extends FastifyRequest {
  principal?: Principal;
  idempotency?: IdempotencyClaim;
}

/**
 * `Idempotency-Key` on writes: a retry of a request that succeeded gets the first answer
 * (with `Idempotent-Replayed: true`) and changes nothing; the same key with a different
 * request is a 422. The write itself claims and stores the key (WriteRunner).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly records: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers['idempotency-key'];
    if (header === undefined || !WRITE_METHODS.has(request.method) || !request.principal) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) {
      throw DomainError.badInput('malformed Idempotency-Key', [{ path: 'Idempotency-Key', reason: 'must be 1 to 128 visible ASCII characters' }]);
    }
    const principal = request.principal;
    const claim: IdempotencyClaim = {
      key,
      method: request.method,
      path: request.url,
      requestHash: sha256Hex(`${request.method}\n${request.url}\n${canonicalJson(request.body ?? null)}`),
    };
    const replay = (answer: StoredAnswer | null): unknown => {
      if (!answer) throw DomainError.conflict('a concurrent request with this Idempotency-Key failed; retry');
      if (answer.requestHash !== claim.requestHash) {
        throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request');
      }
      reply.header('idempotent-replayed', 'true');
      reply.status(answer.statusCode);
      return answer.responseBody;
    };
    return from(this.records.find(principal.keyId, key)).pipe(
      switchMap((stored) => {
        if (stored) return from([replay(stored)]);
        request.idempotency = claim;
        return next.handle().pipe(
          catchError((error: unknown) => {
            if (!(error instanceof IdempotencyRaceLost)) throw error;
            return from(this.records.find(principal.keyId, key)).pipe(map(replay));
          }),
        );
      }),
    );
  }
}
