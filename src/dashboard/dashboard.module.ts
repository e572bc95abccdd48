import './enums.js';
import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { RecomputeModule } from '../recompute/recompute.module.js';
import { RubricModule } from '../rubric/rubric.module.js';
import { DASHBOARD_RESOLVERS } from './dashboard.resolvers.js';
import { GraphQLContextFactory } from './graphql-context.js';
import { JitExecution } from './jit-execution.js';
import { MemoryCaches } from './loaders/memory-caches.js';
import { SnapshotCache } from './loaders/snapshot-cache.js';
import { StationLists } from './loaders/station-lists.js';
import { ResponseCache } from './response-cache/response-cache.js';
import { ResponseCachePlugin } from './response-cache/response-cache.plugin.js';
import { RecomputeRequestsService } from '../recompute/recompute-requests.service.js';
import { StarPolicyVersionsService } from '../rubric/star-policy-versions.service.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

/**
 * The GraphQL API of provincial dashboards and reviewers. Resolvers are thin: reads go
 * through the request's loaders (loaders/) to the domains' repositories, mutations through
 * the domains' services (assessments, star policies, recompute requests).
 */
@Module({
  imports: [AssessmentsModule, OutboxModule, AuditModule, RubricModule, RecomputeModule],
  providers: [
    ...DASHBOARD_RESOLVERS,
    GraphQLContextFactory,
    SnapshotCache,
    MemoryCaches,
    ResponseCache,
    ResponseCachePlugin,
    StationLists,
    StarPolicyVersionsService,
    RecomputeRequestsService,
    JitExecution,
  ],
  exports: [GraphQLContextFactory, ResponseCachePlugin, SnapshotCache],
})
export class DashboardModule {}
