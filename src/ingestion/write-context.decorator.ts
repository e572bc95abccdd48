import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IdempotentRequest } from './idempotency/idempotency.interceptor.js';
import type { WriteContext } from './write-context.js';

/** The WriteContext of a REST request: its principal, request id and Idempotency-Key claim. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): WriteContext => {
  const request = context.switchToHttp().getRequest<IdempotentRequest>();
  if (!request.principal) throw new Error('Ctx used on a route without ApiKeyGuard');
  return { principal: request.principal, requestId: String(request.id), idempotency: request.idempotency ?? null };
});
