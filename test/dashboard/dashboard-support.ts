/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here; the assertions check their shape */
// A generated province loaded through the push interface's own bundle writer and scored,
// keys of every role (and some outside it), and helpers to call GraphQL and read errors.
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { ChangeFeed } from '../../src/database/change-feed.js';
import { generateProvince, type GeneratedProvince } from '../../src/generator/index.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { StationScoringService } from '../../src/scoring/station-scoring.service.js';
import { insertMediationAverages } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

export const AS_OF = '2026-06-30';
export const PROVINCE = '130000';
export const CITY = '130400';
/** A county of CITY with one station; OTHER_COUNTY is another county of the same city. */
export const COUNTY = '130402';
export const OTHER_COUNTY = '130403';
export const OTHER_PROVINCE = '140000';

export interface Keys {
  admin: string;
  province: string;
  city: string;
  county: string;
  otherCounty: string;
  otherProvince: string;
}

export interface Seeded {
  province: GeneratedProvince;
  keys: Keys;
  /** A station of COUNTY. */
  countyStation: string;
  /** A station of the province outside CITY. */
  farStation: string;
}

/** Loads `stations` generated stations (regions with their names), scores them at AS_OF and makes keys. */
export async function seedProvince(t: TestApp, stations = 64): Promise<Seeded> {
  const province = generateProvince({ stations, seed: 'dashboard', asOf: AS_OF });
  await t.app.get(RegionsService).upsert(province.regions.map((r) => ({ code: r.code, name: r.name })));
  await t.app.get(RegionsService).upsert([
    { code: OTHER_PROVINCE, name: '山西省' },
    { code: '140100', name: '太原市' },
    { code: '140105', name: '小店区' },
  ]);
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  await t.app.get(StationBundleWriter).writeMany(province.stations(), { chunkSize: 50 });
  const outcome = await t.app.get(StationScoringService).score(province.stationCodes, { cutOff: AS_OF });
  if (outcome.failed.length > 0) throw new Error(`scoring failed: ${JSON.stringify(outcome.failed)}`);
  const keys: Keys = {
    admin: await t.apiKey('ADMIN', PROVINCE),
    province: await t.apiKey('PROVINCE', PROVINCE),
    city: await t.apiKey('CITY', CITY),
    county: await t.apiKey('COUNTY', COUNTY),
    otherCounty: await t.apiKey('COUNTY', OTHER_COUNTY),
    otherProvince: await t.apiKey('PROVINCE', OTHER_PROVINCE),
  };
  const countyStation = province.stationCodes.find((c) => c.startsWith(COUNTY))!;
  const farStation = province.stationCodes.find((c) => !c.startsWith(CITY.slice(0, 4)))!;
  return { province, keys, countyStation, farStation };
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; problems?: { path: string; reason: string }[] };
}

export interface GqlBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GqlError[];
}

/**
 * POSTs an operation and answers the body (any HTTP status). Waits first until the API has
 * heard of every change the test committed (rankings and summaries live in memory until the
 * change feed reports one).
 */
export async function gql<T = Record<string, any>>(t: TestApp, key: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GqlBody<T> & { status: number }> {
  await t.app.get(ChangeFeed).sync();
  const res = await t.graphql(query, variables, key);
  return { ...(res.body as GqlBody<T>), status: res.status };
}

/** The data of an operation that must succeed. */
export async function ok<T = Record<string, any>>(t: TestApp, key: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await gql<T>(t, key, query, variables);
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** The codes of an operation's errors. */
export async function errorCodes(t: TestApp, key: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
  const body = await gql(t, key, query, variables);
  return (body.errors ?? []).map((e) => e.extensions.code);
}

/** Records the SQL statements the app's DataSource runs while `run` runs. */
export async function countStatements(dataSource: DataSource, run: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  const statements: string[] = [];
  const original = dataSource.logger;
  const recorder: TypeOrmLogger = {
    logQuery: (query) => void statements.push(query.replace(/\s+/g, ' ').trim()),
    logQueryError: (...args) => original.logQueryError(...args),
    logQuerySlow: (...args) => original.logQuerySlow(...args),
    logSchemaBuild: (...args) => original.logSchemaBuild(...args),
    logMigration: (...args) => original.logMigration(...args),
    log: (...args) => original.log(...args),
  };
  // The query runner reports every statement to dataSource.logger (which decides whether to print).
  Object.assign(dataSource, { logger: recorder });
  try {
    await run();
  } finally {
    Object.assign(dataSource, { logger: original });
  }
  return { count: statements.length, statements };
}
