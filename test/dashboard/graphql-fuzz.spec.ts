// GraphQL fuzz test: random operations built from the served schema (fuzz-documents.ts),
// each sent with no key and with a COUNTY, CITY, PROVINCE and ADMIN key to the real app on
// a seeded database. Whatever the input: no HTTP 5xx, no INTERNAL_SERVER_ERROR, and every
// error carries one of the service's stable codes.
//   GRAPHQL_FUZZ_RUNS (default 250) operations, GRAPHQL_FUZZ_SEED to replay a failure
//   (fast-check prints the seed of a failing run; `gen` replays from the seed alone).
import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ERROR_CODES } from '../../src/common/errors/error-code.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import { submitApplication } from '../rounds/review-support.js';
import { as, openInput, principals } from '../rounds/rounds-support.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { CITY, COUNTY, OTHER_PROVINCE, PROVINCE, seedProvince, type Seeded } from './dashboard-support.js';
import { buildFuzzCase, type FuzzCase, type FuzzValues } from './fuzz-documents.js';

const RUNS = Number(process.env.GRAPHQL_FUZZ_RUNS ?? 250);
const SEED = process.env.GRAPHQL_FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 2 ** 31) : Number(process.env.GRAPHQL_FUZZ_SEED);
const STABLE_CODES = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL_SERVER_ERROR'));

let t: TestApp;
let s: Seeded;
let values: FuzzValues;

beforeAll(async () => {
  t = await createTestApp();
  s = await seedProvince(t, 16);
  const [{ id: vetoId }] = await t.dataSource.query(
    `INSERT INTO veto_event (station_code, kind, date, description, origin, content_digest) VALUES ($1, 'OTHER', '2026-01-10', '其他', 'PUSHED', 'fuzz-1') RETURNING id`,
    [s.province.stationCodes[0]],
  );
  // A rating round with a submitted application: the rounds' queries and mutations reach real rows.
  const province = (await principals(t))[`PROVINCE:${PROVINCE}`];
  const round = await t.app.get(RoundsService).open(as(province), openInput({ name: '模糊测试批次' }));
  await submitApplication(t, round, s.province.stationCodes[0]);
  const cursor = Buffer.from(JSON.stringify(['TOTAL_DESC', 80, s.province.stationCodes[1]])).toString('base64url');
  const badCursor = Buffer.from(JSON.stringify(['CODE', 'a\u0000'])).toString('base64url');
  values = {
    known: [
      ...s.province.stationCodes.slice(0, 4),
      s.farStation,
      PROVINCE,
      CITY,
      COUNTY,
      OTHER_PROVINCE,
      '130100',
      '999999',
      '1①',
      '4.15.32.3',
      '32③',
      '32',
      '46',
      '4.15.32',
      'national-2023',
      vetoId,
      round.id,
      '00000000-0000-0000-0000-000000000000',
      cursor,
      badCursor,
      '2026-06-30T00:00:00Z',
      '现场核查：记录完整',
    ],
  };
});

afterAll(async () => {
  await t.close();
});

const ROLES = ['none', 'COUNTY', 'CITY', 'PROVINCE', 'ADMIN'] as const;

interface Outcome {
  role: (typeof ROLES)[number];
  status: number;
  problem: string | null;
}

/** Sends the case with every role; answers what went wrong per role (problem null: fine). */
async function send(fuzz: FuzzCase): Promise<Outcome[]> {
  const keys: Record<(typeof ROLES)[number], string | undefined> = { none: undefined, COUNTY: s.keys.county, CITY: s.keys.city, PROVINCE: s.keys.province, ADMIN: s.keys.admin };
  const outcomes: Outcome[] = [];
  for (const role of ROLES) {
    const call = t.http().post('/graphql').set('content-type', 'application/json');
    if (keys[role]) call.set('authorization', `Bearer ${keys[role]}`);
    const res = await call.send({ ...fuzz.envelope, query: fuzz.query, variables: fuzz.variables });
    outcomes.push({ role, status: res.status, problem: problemOf(res.status, res.body) });
  }
  return outcomes;
}

function problemOf(status: number, body: { errors?: { extensions?: { code?: unknown } }[]; data?: unknown }): string | null {
  if (status >= 500) return `HTTP ${status}`;
  if (typeof body !== 'object' || body === null || (body.data === undefined && !body.errors?.length)) return 'no JSON answer';
  const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
  const unstable = codes.filter((code) => !STABLE_CODES.has(code));
  return unstable.length > 0 ? `error codes ${unstable.join(', ')}` : null;
}

test(`${RUNS} random operations × 5 roles: no 5xx, no INTERNAL_SERVER_ERROR, stable codes only (seed ${SEED})`, async () => {
  const schema = t.app.get(GraphQLSchemaHost).schema;
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (g) => {
      const fuzz = buildFuzzCase(g, schema, values);
      const outcomes = await send(fuzz);
      for (const o of outcomes) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      const bad = outcomes.filter((o) => o.problem !== null);
      if (bad.length > 0) throw new Error(`${JSON.stringify(bad)}\nquery: ${fuzz.query}\nvariables: ${JSON.stringify(fuzz.variables)}\nenvelope: ${JSON.stringify(fuzz.envelope)}`);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // The generator reaches both sides: answers with data and refusals.
  expect(statuses.get(200)).toBeGreaterThan(0);
  expect(statuses.get(400)).toBeGreaterThan(0);
}, 60_000 + RUNS * 400);
