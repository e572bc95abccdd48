// Every resolver of rating rounds, listed once for RoundsGraphqlModule and the schema printer.
import { RatingRoundFieldsResolver, RoundApplicationFieldsResolver } from './round-fields.resolver.js';
import { RoundsResolver } from './rounds.resolver.js';

export const ROUNDS_RESOLVERS = [RoundsResolver, RatingRoundFieldsResolver, RoundApplicationFieldsResolver];
