// What a cached answer depends on, read from the root fields of its operation, so that a
// write to one station drops only what it concerns (response-cache.ts):
// - `station(code)` reads that station's rows only (profile, people, cases, vetoes, scores…);
//   its region names, the rubric, star policies and rounds are table-wide data, whose change
//   drops every answer anyway;
// - lists, rankings, summaries and regions read every station of a region;
// - a root field not named here depends on anything (dropped at any change, as before).
// Directives (@skip, @include) are ignored: the scope can only be wider than needed.
import { getArgumentValues, Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../../auth/principal.js';

/** Any region: a region-wide answer of an ADMIN key over every province. */
export const ALL_REGIONS = '*';

export interface AnswerScope {
  /** Stations whose change drops the answer at once. */
  stations: string[];
  /** Regions (ALL_REGIONS: any) whose stations' changes drop the answer, at most once per interval. */
  regions: string[];
  /** Dropped at any change at once: the operation reads something this module does not know. */
  any: boolean;
}

type Args = Record<string, unknown>;

/** The root fields reading one region's stations: the region argument, else the key's region. */
const REGION_WIDE: Record<string, (args: Args) => unknown> = {
  rankings: (args) => args.regionCode,
  region: (args) => args.code,
  regions: (args) => args.parentCode,
  stations: (args) => (args.filter as Args | null | undefined)?.regionCode,
  vetoes: (args) => args.regionCode,
  awardWarnings: (args) => args.provinceCode,
};

/** Root fields reading no station data (static, or table-wide data only). */
const NO_STATION_DATA = new Set(['__typename', 'about', 'rubric', 'starPolicy']);

/** The scope of a query operation; `any` when it cannot be told. */
export function answerScope(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>>, principal: Principal): AnswerScope {
  const scope: AnswerScope = { stations: [], regions: [], any: false };
  const root = schema.getQueryType();
  for (const selection of operation.selectionSet.selections) {
    // A fragment at the root: not worth following, the answer depends on anything.
    if (selection.kind !== Kind.FIELD || root === null || root === undefined) return { ...scope, any: true };
    const name = selection.name.value;
    if (NO_STATION_DATA.has(name)) continue;
    const field = root.getFields()[name];
    let args: Args;
    try {
      args = field ? getArgumentValues(field, selection, variables as Args) : {};
    } catch {
      // Bad arguments end in an error, which is never cached; stay on the safe side anyway.
      return { ...scope, any: true };
    }
    if (name === 'station' && typeof args.code === 'string') {
      scope.stations.push(args.code);
      continue;
    }
    const regionOf = REGION_WIDE[name];
    if (!regionOf) return { ...scope, any: true };
    const region = regionOf(args);
    scope.regions.push(typeof region === 'string' ? region : principal.role === 'ADMIN' ? ALL_REGIONS : principal.regionCode);
  }
  return scope;
}
