import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiKeyRole } from './api-key.entity.js';
import type { Principal } from './principal.js';

export const ROLES_KEY = 'scorecard:roles';
export const PUBLIC_KEY = 'scorecard:public';

/** Only these roles may call the handler (checked by ApiKeyGuard; published as `x-roles`). */
export const Roles = (...roles: ApiKeyRole[]) => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** No API key needed (health checks). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller of a REST handler. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('CurrentPrincipal used on a route without ApiKeyGuard');
  return request.principal;
});
