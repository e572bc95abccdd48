import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from './api-key.entity.js';
import type { Principal } from './principal.js';

export const ROLES_KEY = 'scorecard:roles';
export const PUBLIC_KEY = 'scorecard:public';

/** Only these roles may call the handler (checked by ApiKeyGuard). */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/** No API key needed (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller of a REST handler. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without ApiKeyGuard');
  return request.principal;
});
