import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { DashboardContext } from './graphql-context.js';

/**
 * Every query and mutation of the dashboard API needs an API key (only `about` is public).
 * Resolver classes carry this guard; field resolvers below them run for an authenticated
 * operation only, and check field-level rights themselves (permissions.ts).
 */
@Injectable()
export class GqlAuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    await GqlExecutionContext.create(context).getContext<DashboardContext>().authenticate();
    return true;
  }
}

/** The request's DashboardContext in a resolver. */
export const GqlContext = createParamDecorator((_data: unknown, context: ExecutionContext): DashboardContext => GqlExecutionContext.create(context).getContext<DashboardContext>());
