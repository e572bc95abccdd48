import { Module } from '@nestjs/common';
import { DashboardModule } from '../../dashboard/dashboard.module.js';
import { RoundsModule } from '../rounds.module.js';
import { ROUNDS_RESOLVERS } from './rounds.resolvers.js';

/** The GraphQL side of rating rounds (reviewers and dashboards); the services live in RoundsModule. */
@Module({
  imports: [DashboardModule, RoundsModule],
  providers: [...ROUNDS_RESOLVERS],
})
export class RoundsGraphqlModule {}
