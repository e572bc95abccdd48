import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AboutResolver } from './about/about.resolver.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BulkModule } from './bulk/bulk.module.js';
import { CasesModule } from './cases/cases.module.js';
import { CertificationsModule } from './certifications/certifications.module.js';
import { formatGraphQLError } from './common/errors/graphql-errors.js';
import { ComplaintsModule } from './complaints/complaints.module.js';
import type { AppRuntime } from './core/app-runtime.js';
import { CoreModule } from './core/core.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { GraphQLContextFactory } from './dashboard/graphql-context.js';
import { queryLimitsPlugin } from './dashboard/graphql-limits.js';
import { ResponseCachePlugin } from './dashboard/response-cache/response-cache.plugin.js';
import { stringifyResult } from './dashboard/response-cache/serialized-data.js';
import { ChangeFeedModule } from './database/change-feed.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { EquipmentModule } from './equipment/equipment.module.js';
import { FilesModule } from './files/files.module.js';
import { FormsModule } from './forms/forms.module.js';
import { HealthModule } from './health/health.module.js';
import { BundleWriterModule } from './ingestion/bundle-writer.module.js';
import { IngestionModule } from './ingestion/ingestion.module.js';
import { OutboxModule } from './outbox/outbox.module.js';
import { PersonnelModule } from './personnel/personnel.module.js';
import { RecomputePipelineModule } from './recompute/recompute-pipeline.module.js';
import { RecomputeModule } from './recompute/recompute.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { RoundsGraphqlModule } from './rounds/graphql/rounds-graphql.module.js';
import { RoundsModule } from './rounds/rounds.module.js';
import { RubricModule } from './rubric/rubric.module.js';
import { ScoringModule } from './scoring/scoring.module.js';
import { StationEventsModule } from './station-events/station-events.module.js';
import { StationsModule } from './stations/stations.module.js';

@Module({})
export class AppModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(runtime),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: runtime.databaseUrl, poolSize: runtime.config.database.poolSize }),
          retryAttempts: 3,
          retryDelay: 500,
        }),
        ChangeFeedModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [DashboardModule],
          inject: [GraphQLContextFactory, ResponseCachePlugin],
          useFactory: (contexts: GraphQLContextFactory, responseCache: ResponseCachePlugin) => ({
            path: '/graphql',
            autoSchemaFile: runtime.emitSchemaFile ? 'schema.gql' : true,
            sortSchema: true,
            graphiql: false,
            playground: false,
            introspection: true,
            formatError: formatGraphQLError,
            // A document of more tokens is refused by the parser, before validation works on it.
            parseOptions: { maxTokens: runtime.config.graphql.maxTokens },
            // Authentication is lazy (only `about` is public) and loaders are per request.
            context: ({ request }: { request: Parameters<GraphQLContextFactory['create']>[0] }) => contexts.create(request),
            // The limits are checked (didResolveOperation) before the response cache may answer
            // (responseForOperation). No HTTP caching of GraphQL answers: the cache-control
            // plugin would wrap every field resolver; whole answers are kept in memory instead.
            plugins: [queryLimitsPlugin(runtime.config.graphql), responseCache, ApolloServerPluginCacheControlDisabled()],
            // Sends the JSON the response cache holds without parsing and serializing it again.
            stringifyResult,
          }),
        }),
        AuthModule,
        HealthModule,
        RecomputeModule,
        RecomputePipelineModule.register({ runWorker: runtime.runWorker }),
        RegionsModule,
        RubricModule,
        // Rating rounds (评定批次): the model, frozen facts and round scoring.
        RoundsModule,
        // Rounds over GraphQL: reviewers' mutations, round reads, verification.
        RoundsGraphqlModule,
        ScoringModule,
        // GraphQL for provincial dashboards and reviewers.
        DashboardModule,
        // County push interface (REST /api/v1): shared machinery, then one module per domain.
        AuditModule,
        OutboxModule,
        IngestionModule,
        StationsModule,
        PersonnelModule,
        EquipmentModule,
        CasesModule,
        ComplaintsModule,
        CertificationsModule,
        StationEventsModule,
        ReferenceModule,
        BulkModule,
        BundleWriterModule,
        // The official forms (附件1/2/3, lists) as .xlsx and PDF.
        FormsModule,
        // Evidence files (佐证材料) for rating rounds.
        FilesModule,
      ],
      providers: [AboutResolver],
    };
  }
}
