// Apollo plugin answering repeated GraphQL queries from the ResponseCache. A query is looked
// up once its operation is known and the key passed the limits (didResolveOperation), after
// authenticating the key: a revoked key gets UNAUTHENTICATED from the resolvers as before,
// never a cached answer. Mutations and subscriptions always run. Concurrent misses of the same
// key run once: the others wait for the first and take its answer if it was stored (then it
// was still valid after they arrived), else run themselves.
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContextResponseForOperation, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../auth/principal.js';
import { DashboardContext } from '../graphql-context.js';
import { selectsKeyIds } from '../key-ids.js';
import { ChangeFeed } from '../../database/change-feed.js';
import { answerScope, type AnswerScope } from './answer-scope.js';
import { responseCacheKey } from './cache-key.js';
import { ResponseCache, type ReadPoint } from './response-cache.js';
import { SerializedData } from './serialized-data.js';

interface Lookup {
  key: string;
  at: ReadPoint;
  scope: AnswerScope;
}

@Injectable()
export class ResponseCachePlugin implements ApolloServerPlugin<BaseContext> {
  /** Misses being answered, by key: the stored JSON once done, null when it was not stored. */
  private readonly running = new Map<string, Promise<string | null>>();

  constructor(
    private readonly cache: ResponseCache,
    private readonly feed: ChangeFeed,
  ) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext> | void> {
    if (!this.cache.enabled) return;
    const cache = this.cache;
    const feed = this.feed;
    const running = this.running;
    // Set on a miss: where to store the answer once it ran, and whom to tell.
    let pending: (Lookup & { done: (json: string | null) => void }) | null = null;
    return {
      async responseForOperation(request): Promise<GraphQLResponse | null> {
        const lookup = await cacheable(request, cache);
        if (lookup === null) {
          cache.bypass();
          return null;
        }
        const hit = await served(cache, running, lookup);
        if (hit !== undefined) return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: new SerializedData(hit).asData() } } };
        pending = { ...lookup, done: leading(running, lookup.key) };
        return null;
      },

      async willSendResponse(request) {
        // A client reading right after its mutation sees the mutation's effect: the answer
        // leaves once the change feed has heard of the commit, and lists and summaries are
        // read anew whatever the refresh interval.
        if (request.operation?.operation === 'mutation') {
          await feed.sync();
          cache.refreshRegionWide();
        }
        if (pending === null) return;
        const { body, http } = request.response;
        // Only a complete answer: no error anywhere (a FORBIDDEN field, a NOT_FOUND station…), HTTP 200.
        const clean = body?.kind === 'single' && !body.singleResult.errors?.length && !request.errors?.length && (http.status ?? 200) === 200;
        if (!clean || !body.singleResult.data || body.singleResult.extensions !== undefined) {
          cache.refuse();
          pending.done(null);
          return;
        }
        const json = JSON.stringify(body.singleResult.data);
        pending.done(cache.set(pending.key, pending.at, pending.scope, json) ? json : null);
        // Sent as serialized here, not serialized a second time.
        request.response.body = { kind: 'single', singleResult: { data: new SerializedData(json).asData() } };
      },
    };
  }
}

/**
 * The answer to serve without running: a fresh one; the previous refresh of a region-wide
 * one while another request reads it anew; or the answer of a concurrent miss. Undefined:
 * this request runs (and is the one others wait for).
 */
async function served(cache: ResponseCache, running: Map<string, Promise<string | null>>, lookup: Lookup & { found: ReturnType<ResponseCache['lookup']> }): Promise<string | undefined> {
  const found = lookup.found;
  const leader = running.get(lookup.key);
  if (found?.fresh) {
    cache.countLookup('hit');
    return found.json;
  }
  if (found && leader) {
    cache.countLookup('previous');
    return found.json;
  }
  const joinedJson = leader && !found ? await joined(leader) : undefined;
  cache.countLookup(joinedJson !== undefined ? 'joined' : 'miss');
  return joinedJson;
}

/** Registers a miss as the one others wait for (unless one already is); returns how to finish it. */
function leading(running: Map<string, Promise<string | null>>, key: string): (json: string | null) => void {
  if (running.has(key)) return () => undefined;
  let resolve!: (json: string | null) => void;
  const promise = new Promise<string | null>((r) => (resolve = r));
  running.set(key, promise);
  return (json) => {
    running.delete(key);
    resolve(json);
  };
}

// A leader that never finishes (it should not happen: every response passes willSendResponse)
// must not hold its followers: past this they run themselves.
const JOIN_TIMEOUT_MS = 5000;

/** The answer of a miss under way for the same key, when it was stored in time. */
async function joined(leader: Promise<string | null>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), JOIN_TIMEOUT_MS)));
  const json = await Promise.race([leader, timeout]).finally(() => clearTimeout(timer));
  return json ?? undefined;
}

/**
 * The key, read point, scope and cached entry of a cacheable query, or null: not a query, no
 * live key, or nothing may be cached now. The read point is taken after authenticating and
 * together with the lookup, with no await between: a change received in between would make
 * the answer of this request unstorable (read before a refresh it then found done).
 */
async function cacheable(request: GraphQLRequestContextResponseForOperation<BaseContext>, cache: ResponseCache): Promise<(Lookup & { found: ReturnType<ResponseCache['lookup']> }) | null> {
  const context = request.contextValue;
  const operation = request.operation;
  if (operation?.operation !== 'query' || !(context instanceof DashboardContext)) return null;
  const principal = await authenticated(context);
  const at = cache.readPoint();
  if (principal === null || at === null) return null;
  const variables = request.request.variables ?? {};
  const key = responseCacheKey({
    query: request.source,
    operationName: request.request.operationName ?? null,
    variables,
    role: principal.role,
    regionCode: principal.regionCode,
    keyId: selectsKeyIds(request.schema, request.document, operation) ? principal.keyId : null,
    today: context.today,
    generation: at.generation,
  });
  const scope = answerScope(request.schema, operation, variables, principal);
  return { key, at, scope, found: cache.lookup(key, scope) };
}

/** The request's principal, or null without a live key (the resolvers then answer UNAUTHENTICATED themselves). */
async function authenticated(context: DashboardContext): Promise<Principal | null> {
  try {
    return await context.authenticate();
  } catch {
    return null;
  }
}
