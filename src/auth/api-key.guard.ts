import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/errors/domain-error.js';
import type { ApiKeyRole } from './api-key.entity.js';
import { ApiKeyService } from './api-key.service.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';
import type { Principal } from './principal.js';

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** REST authentication: `Authorization: Bearer <api key>`, then the handler's @Roles. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly apiKeys: ApiKeyService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // GraphQL authenticates in its context factory
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await authenticate(this.apiKeys, request.headers.authorization);
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(principal.role)) {
      throw DomainError.forbidden(`this operation needs one of the roles ${roles.join(', ')}; the key has ${principal.role}`);
    }
    return true;
  }
}

/** Resolves an Authorization header to a principal, or throws UNAUTHENTICATED. */
export async function authenticate(apiKeys: ApiKeyService, header: string | string[] | undefined): Promise<Principal> {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  if (!match) throw DomainError.unauthenticated();
  const principal = await apiKeys.verify(match[1]);
  if (!principal) throw DomainError.unauthenticated('the API key is unknown or revoked');
  return principal;
}
