// Repeated queries run as code compiled by graphql-jit (src/dashboard/jit-execution.ts): a
// document's first execution is graphql-js's, later ones the compiled code's. With the
// response cache off, each operation is sent three times by every role, and the answers
// (HTTP status and body, errors and their codes included) must be the same bytes: the
// dashboard's own queries, then random operations built from the served schema.
import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { STATION_DETAIL, STATION_HEADLINE, PROVINCE_RANKING, PROVINCE_SUMMARY } from '../../bench/graphql/queries.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CITY, COUNTY, countStatements, ok, PROVINCE, seedProvince, type Seeded } from './dashboard-support.js';
import { buildFuzzCase, type FuzzValues } from './fuzz-documents.js';

const RUNS = Number(process.env.GRAPHQL_JIT_RUNS ?? 120);
const SEED = process.env.GRAPHQL_JIT_SEED === undefined ? Date.now() ^ (Math.random() * 2 ** 31) : Number(process.env.GRAPHQL_JIT_SEED);

let t: TestApp;
let s: Seeded;

beforeAll(async () => {
  t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_BYTES: '0' } });
  s = await seedProvince(t, 16);
  await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-01-10', '其他', 'PUSHED', 'jit-1')`,
    [s.countyStation ?? s.province.stationCodes[0]],
  );
});

afterAll(async () => {
  await t.close();
});

interface Request {
  query: string;
  variables?: Record<string, unknown>;
  envelope?: Record<string, unknown>;
}

let sent = 0;

/**
 * The three answers of one request (status and body text) with a key. The document gets a
 * comment of its own at the end, so that its first execution is graphql-js's whatever was
 * sent before (a comment changes neither the operation nor any error location).
 */
async function thrice(key: string | undefined, request: Request): Promise<string[]> {
  const answers: string[] = [];
  const query = `${request.query}\n# ${++sent}`;
  for (let i = 0; i < 3; i++) {
    const call = t.http().post('/graphql').set('content-type', 'application/json');
    if (key) call.set('authorization', `Bearer ${key}`);
    const res = await call.send({ ...request.envelope, query, variables: request.variables ?? {} });
    answers.push(`${res.status} ${res.text}`);
  }
  return answers;
}

function keys(): (string | undefined)[] {
  return [undefined, s.keys.county, s.keys.city, s.keys.province, s.keys.admin];
}

test('the dashboard queries answer the same compiled as interpreted, errors included', async () => {
  const code = s.countyStation ?? s.province.stationCodes[0];
  const requests: Request[] = [
    { query: STATION_DETAIL, variables: { code } },
    { query: STATION_HEADLINE, variables: { code } },
    { query: PROVINCE_RANKING, variables: { region: PROVINCE } },
    { query: PROVINCE_SUMMARY, variables: { region: CITY } },
    // personal data: FORBIDDEN on every name for a PROVINCE key, given to the COUNTY key
    { query: `query($c: String!) { station(code: $c) { code people { externalId name birthMonth } } }`, variables: { c: code } },
    { query: `query($c: String!) { station(code: $c) { vetoes(includeLifted: true) { kind date description } roster { established auxiliary bachelorOrAbove trainingComplianceRate } } }`, variables: { c: code } },
    { query: `query($c: String!) { station(code: $c) { score { indicators { code level points max applicableMax } criteria(status: MET) { code status } } } }`, variables: { c: code } },
    { query: `{ station(code: "999999999") { code } }` },
    // literals become part of generated code: quotes, backticks and template syntax stay data
    { query: '{ station(code: "\\"); throw new Error(`x${1}`); //\\u0027\\n") { code name } }' },
    { query: `query($c: String!) { station(code: $c) { code } }`, variables: { c: 42 } },
    { query: `query($c: String!) { station(code: $c) { code } }` },
    { query: `query($c: String!, $on: Boolean!) { a: station(code: $c) { ...F @include(if: $on) name } } fragment F on Station { code countyName }`, variables: { c: code, on: false } },
    { query: `{ stations(filter: { regionCode: "${COUNTY}" }, first: 2) { totalCount edges { cursor node { code score { total } } } pageInfo { hasNextPage endCursor } } }` },
    { query: `{ vetoes(regionCode: "${PROVINCE}") { stationCode kind station { code } } }` },
    { query: `{ __typename about { version } }` },
    // the operation is the one the client names, or a 400 when the document has none of that name
    { query: `query A { __typename } query B { about { version } }`, envelope: { operationName: 'B' } },
    { query: `query Op { __typename }`, envelope: { operationName: 'Other' } },
  ];
  for (const request of requests) {
    for (const key of keys()) {
      const [first, second, third] = await thrice(key, request);
      expect({ query: request.query, answer: second }).toEqual({ query: request.query, answer: first });
      expect(third).toBe(first);
    }
  }
});

test('a compiled list query batches its loaders as graphql-js does: the same statements', async () => {
  const LIST = `{ stations(first: 12) { edges { node { code countyName score { total criteria { code } } roster { total } vetoes { kind } equipment { broken } } } } }`;
  // Snapshots stay in memory for good: read once before either run. Every station's other
  // in-memory entries go before each run, so that both read the same rows.
  await ok(t, s.keys.province, `{ stations(first: 12) { edges { node { score { criteria { code } } } } } }`);
  const cold = () => t.dataSource.query(`UPDATE person SET major = major WHERE station_code = ANY($1)`, [s.province.stationCodes]);
  await cold();
  const interpreted = await countStatements(t.dataSource, () => ok(t, s.keys.province, LIST));
  await cold();
  const compiled = await countStatements(t.dataSource, () => ok(t, s.keys.province, LIST));
  expect(interpreted.count).toBeGreaterThan(1);
  expect(compiled.statements).toEqual(interpreted.statements);
});

test(`${RUNS} random operations × 5 roles answer the same compiled as interpreted (seed ${SEED})`, async () => {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const values: FuzzValues = { known: [...s.province.stationCodes.slice(0, 4), PROVINCE, CITY, COUNTY, '1①', '32', 'national-2023'] };
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      const fuzz = buildFuzzCase(g, schema, values);
      // Mutations are never compiled; running one three times would not compare like with like.
      if (/^\s*mutation\b/.test(fuzz.query)) return;
      for (const key of keys()) {
        const [first, second, third] = await thrice(key, fuzz);
        if (second !== first || third !== first) {
          const compiled = second === first ? third : second;
          let at = 0;
          while (at < first.length && first[at] === compiled[at]) at++;
          const around = (text: string) => text.slice(Math.max(0, at - 150), at + 150);
          throw new Error(`interpreted: …${around(first)}…\ncompiled: …${around(compiled)}…\nquery: ${fuzz.query}\nvariables: ${JSON.stringify(fuzz.variables)}`);
        }
        compared++;
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  expect(compared).toBeGreaterThan(RUNS);
}, 60_000 + RUNS * 600);
