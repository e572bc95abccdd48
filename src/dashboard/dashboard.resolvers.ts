// Every resolver of the GraphQL API, listed once for the module and the schema printer.
import { AboutResolver } from '../about/about.resolver.js';
import { FORMS_RESOLVERS } from '../forms/forms.resolver.js';
import { ROUNDS_RESOLVERS } from '../rounds/graphql/rounds.resolvers.js';
import { RecomputeResolver } from './recompute.resolver.js';
import { RegionSummaryResolver, RegionsResolver } from './regions.resolver.js';
import { ReviewsResolver } from './reviews.resolver.js';
import { RosterEntryResolver } from './roster.resolver.js';
import { RubricResolver } from './rubric.resolver.js';
import { ScoreResolver } from './score.resolver.js';
import { StationDetailResolver } from './station-detail.resolver.js';
import { StationRecordsResolver } from './station-records.resolver.js';
import { StationsResolver } from './stations.resolver.js';
import { VetoesResolver } from './vetoes.resolver.js';

export const DASHBOARD_RESOLVERS = [
  RubricResolver,
  RegionsResolver,
  RegionSummaryResolver,
  StationsResolver,
  StationDetailResolver,
  StationRecordsResolver,
  ScoreResolver,
  RosterEntryResolver,
  VetoesResolver,
  ReviewsResolver,
  RecomputeResolver,
];

/** Resolvers of the whole schema (the public `about` included). */
export const SCHEMA_RESOLVERS = [AboutResolver, ...DASHBOARD_RESOLVERS, ...FORMS_RESOLVERS, ...ROUNDS_RESOLVERS];
