// Apollo plugin answering repeated GraphQL queries from the ResponseCache. A query is looked
// up once its operation is known and the key passed the limits (didResolveOperation), after
// authenticating the key: a revoked key gets UNAUTHENTICATED from the resolvers as before,
// never a cached answer. Mutations and subscriptions always run.
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContextResponseForOperation, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { DashboardContext } from '../graphql-context.js';
import { selectsKeyIds } from '../key-ids.js';
import { ChangeFeed } from '../../database/change-feed.js';
import { responseCacheKey } from './cache-key.js';
import { ResponseCache } from './response-cache.js';
import { SerializedData } from './serialized-data.js';

@Injectable()
export class ResponseCachePlugin implements ApolloServerPlugin<BaseContext> {
  constructor(
    private readonly cache: ResponseCache,
    private readonly feed: ChangeFeed,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext> | void> {
    if (!this.cache.enabled) return;
    const cache = this.cache;
    const feed = this.feed;
    // Set on a miss: where to store the answer once it ran.
    let pending: { key: string; generation: number } | null = null;
    return {
      async responseForOperation(request): Promise<GraphQLResponse | null> {
        const lookup = await cacheable(request, cache.generation());
        if (lookup === null) {
          cache.bypass();
          return null;
        }
        const hit = cache.get(lookup.key, lookup.generation);
        if (hit !== undefined) return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: new SerializedData(hit).asData() } } };
        pending = lookup;
        return null;
      },

      async willSendResponse(request) {
        // A client reading right after its mutation sees the mutation's effect: the answer
        // leaves once the change feed has heard of the commit.
        if (request.operation?.operation === 'mutation') await feed.sync();
        if (pending === null) return;
        const { body, http } = request.response;
        // Only a complete answer: no error anywhere (a FORBIDDEN field, a NOT_FOUND station…), HTTP 200.
        const clean = body?.kind === 'single' && !body.singleResult.errors?.length && !request.errors?.length && (http.status ?? 200) === 200;
        if (!clean || !body.singleResult.data || body.singleResult.extensions !== undefined) {
          cache.refuse();
          return;
        }
        const json = JSON.stringify(body.singleResult.data);
        cache.set(pending.key, pending.generation, json);
        // Sent as serialized here, not serialized a second time.
        request.response.body = { kind: 'single', singleResult: { data: new SerializedData(json).asData() } };
      },
    };
  }
}

/** The key and generation of a cacheable query, or null: not a query, no live key, or nothing may be cached now. */
async function cacheable(request: GraphQLRequestContextResponseForOperation<BaseContext>, generation: number | null): Promise<{ key: string; generation: number } | null> {
  const context = request.contextValue;
  if (generation === null || request.operation?.operation !== 'query' || !(context instanceof DashboardContext)) return null;
  const principal = await authenticated(context);
  if (principal === null) return null;
  const key = responseCacheKey({
    query: request.source,
    operationName: request.request.operationName ?? null,
    variables: request.request.variables ?? {},
    role: principal.role,
    regionCode: principal.regionCode,
    keyId: request.operation && selectsKeyIds(request.schema, request.document, request.operation) ? principal.keyId : null,
    today: context.today,
    generation,
  });
  return { key, generation };
}

/** The request's principal, or null without a live key (the resolvers then answer UNAUTHENTICATED themselves). */
async function authenticated(context: DashboardContext): Promise<Principal | null> {
  try {
    return await context.authenticate();
  } catch {
    return null;
  }
}
