// The per-request GraphQL context: the request, a lazily authenticated principal, the
// request's "today" and its DataLoaders. Built by GraphQLContextFactory for every operation.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { authenticate } from '../auth/api-key.guard.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import type { Principal } from '../auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { DashboardLoaders } from './loaders/dashboard-loaders.js';
import { MemoryCaches } from './loaders/memory-caches.js';
import { SnapshotCache } from './loaders/snapshot-cache.js';
import { today } from './loaders/today.js';

interface IncomingRequest {
  id?: string;
  headers: Record<string, string | string[] | undefined>;
}

export class DashboardContext {
  private authentication: Promise<Principal> | null = null;
  private resolved: Principal | null = null;
  private loaderSet: DashboardLoaders | null = null;
  private day: string | null = null;

  constructor(
    readonly req: IncomingRequest,
    private readonly apiKeys: ApiKeyService,
    private readonly timeZone: string,
    private readonly makeLoaders: (today: string) => DashboardLoaders,
  ) {}

  get requestId(): string | null {
    return typeof this.req.id === 'string' ? this.req.id : null;
  }

  /** Verifies the bearer key once per request; UNAUTHENTICATED without a live key. */
  authenticate(): Promise<Principal> {
    this.authentication ??= authenticate(this.apiKeys, this.req.headers.authorization).then((principal) => (this.resolved = principal));
    return this.authentication;
  }

  /** The principal of an operation that passed GqlAuthGuard. */
  get principal(): Principal {
    if (this.resolved === null) throw new Error('principal read before authentication (a resolver without GqlAuthGuard?)');
    return this.resolved;
  }

  /** Who writes, for the audit trail. */
  writeContext(): WriteContext {
    return { principal: this.principal, requestId: this.requestId, idempotency: null };
  }

  /**
   * Today in the configured time zone, read once per request: every resolver of an answer
   * (and the response cache's key) sees the same date, even across midnight.
   */
  get today(): string {
    this.day ??= today(this.timeZone);
    return this.day;
  }

  get loaders(): DashboardLoaders {
    this.loaderSet ??= this.makeLoaders(this.today);
    return this.loaderSet;
  }
}

@Injectable()
export class GraphQLContextFactory {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly apiKeys: ApiKeyService,
    private readonly snapshots: SnapshotCache,
    private readonly caches: MemoryCaches,
  ) {}

  create(req: IncomingRequest): DashboardContext {
    return new DashboardContext(req, this.apiKeys, this.config.timeZone, (day) => new DashboardLoaders(this.dataSource, day, this.snapshots, this.caches));
  }
}
