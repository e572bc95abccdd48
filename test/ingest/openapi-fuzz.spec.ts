// Property-based test driven by the published OpenAPI document (/api/docs-json): for every
// operation, valid requests generated from its schemas and invalid ones (one constraint
// broken at a time), sent to the real app with keys of the right role and region.
// Never a 5xx; valid ⇒ 2xx, or a documented 404/409; invalid ⇒ 400 naming the path.
// Seeded: OPENAPI_FUZZ_SEED reruns a run, OPENAPI_FUZZ_RUNS sets the number of requests.
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { requestsOf, type FuzzRequest, type Role } from './openapi-fuzz/requests.js';
import { patternString, type Doc } from './openapi-fuzz/schema-values.js';
import { incompleteSubmission, roundFixtures, type RoundFixtures } from './openapi-fuzz/rounds.js';
import { CITY, COUNTY, PROVINCE, bearer, enforcementCase, equipment, fingerprint, loadRegionsAndKeys, person, profile, sendRaw, type Keys } from './ingest-support.js';

const SEED = Number(process.env.OPENAPI_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.OPENAPI_FUZZ_RUNS ?? 1400);
const STATIONS = ['130102001', '130102002'];
const REGION_OF: Record<Role, string> = { COUNTY, CITY, PROVINCE, ADMIN: PROVINCE };

interface Tally {
  requests: number;
  valid: Record<string, number>;
  invalid: Record<string, number>;
}

describe('OpenAPI-driven requests', () => {
  let t: TestApp;
  let keys: Keys;
  let doc: Doc;
  let rounds: RoundFixtures;
  const tally: Tally = { requests: 0, valid: {}, invalid: {} };

  beforeAll(async () => {
    t = await createTestApp();
    keys = await loadRegionsAndKeys(t);
    for (const code of STATIONS) {
      await t.http().put(`/api/v1/stations/${code}`).set(bearer(keys.county)).send(profile()).expect(200);
      await t.http().put(`/api/v1/stations/${code}/personnel`).set(bearer(keys.county)).send({ items: [person(0), person(1)] }).expect(200);
      await t.http().put(`/api/v1/stations/${code}/equipment`).set(bearer(keys.county)).send({ items: [equipment(0)] }).expect(200);
      await t.http().put(`/api/v1/stations/${code}/cases`).set(bearer(keys.county)).send({ items: [enforcementCase(1)] }).expect(200);
    }
    rounds = await roundFixtures(t, STATIONS[0]);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Doc;
  });

  afterAll(async () => {
    await t.close();
    console.log(`OpenAPI fuzz, seed ${SEED}: ${tally.requests} requests; valid by status ${JSON.stringify(tally.valid)}; invalid by status ${JSON.stringify(tally.invalid)}`);
  });

  const keyOf = (role: Role) => ({ COUNTY: keys.county, CITY: keys.city, PROVINCE: keys.province, ADMIN: keys.admin })[role];

  async function send(request: FuzzRequest) {
    const headers: Record<string, string> = bearer(keyOf(request.role));
    if (request.body) headers['content-type'] = request.contentType ?? 'application/json';
    tally.requests++;
    return sendRaw(t, request.method, request.url, headers, request.body);
  }

  test('every operation of the document: no 5xx, valid requests accepted, invalid ones refused with their path', async () => {
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThanOrEqual(30);
    const fixtures = {
      pathRefs: {
        code: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...STATIONS) }, { weight: 1, arbitrary: patternString('^[A-Za-z0-9_-]{1,32}$', 1, 32) }),
        'regions:code': (role: Role) => fc.constant(REGION_OF[role]),
        roundId: fc.constant(rounds.roundId),
        stationCode: fc.constantFrom(...STATIONS),
      },
      bodyRefs: { countyCode: fc.constant(COUNTY), stationCode: fc.constantFrom(...STATIONS), code: fc.constantFrom(PROVINCE, CITY, COUNTY), ...rounds.bodyRefs },
      queryRefs: { regionCode: (role: Role) => REGION_OF[role], parentCode: (role: Role) => REGION_OF[role], provinceCode: () => PROVINCE },
    };
    const perOperation = Math.max(4, Math.ceil(RUNS / operations.length));
    for (const [i, { path, method, op }] of operations.entries()) {
      const documented = new Set(Object.entries(op.responses).filter(([, r]) => !/^not used/.test(String((r as { description?: string }).description))).map(([s]) => Number(s)));
      const property = fc.asyncProperty(requestsOf(doc, method, path, op, fixtures), async (request) => {
        const before = request.invalid ? await fingerprint(t.dataSource) : null;
        const res = await send(request);
        const where = `${method.toUpperCase()} ${request.url} (${request.role}) ${request.invalid ? `broken: ${request.invalid.kind} at '${request.invalid.path}'` : 'valid'} → ${res.status} ${JSON.stringify(res.body).slice(0, 600)}`;
        const bucket = request.invalid ? tally.invalid : tally.valid;
        bucket[res.status] = (bucket[res.status] ?? 0) + 1;
        if (res.status >= 500) throw new Error(`5xx: ${where}`);
        if (!request.invalid) {
          const business = ((res.status === 404 || res.status === 409) && documented.has(res.status)) || incompleteSubmission(path, res);
          if (!(res.status >= 200 && res.status < 300) && !business) throw new Error(`valid request refused: ${where}`);
          return;
        }
        if (res.status !== 400) throw new Error(`invalid request not refused with 400: ${where}`);
        const paths = problemPaths(res.body);
        if (!paths.some((p) => names(p, request.invalid!.path, request.invalid!.prefix))) throw new Error(`400 without the path '${request.invalid.path}': ${where}`);
        if (JSON.stringify(await fingerprint(t.dataSource)) !== JSON.stringify(before)) throw new Error(`a refused request changed data: ${where}`);
      });
      try {
        await fc.assert(property, { seed: SEED + i, numRuns: perOperation, endOnFailure: true, includeErrorInReport: true });
      } catch (error) {
        throw new Error(`OPENAPI_FUZZ_SEED=${SEED} (operation ${i}: ${method.toUpperCase()} ${path})\n${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }, 600_000);
});

/** The full paths of the problems of a 400: `items[3].name` for row 3's `name`. */
function problemPaths(body: { error?: { problems?: { index?: number; path: string }[] } }): string[] {
  return (body.error?.problems ?? []).map((p) => {
    if (p.index === undefined) return p.path;
    const row = `items[${p.index}]`;
    return p.path === '' ? row : p.path.startsWith('[') ? `${row}${p.path}` : `${row}.${p.path}`;
  });
}

/** Whether a problem's path names the broken place (an element of a list of values may be reported at the list). */
function names(problem: string, broken: string, prefix: boolean): boolean {
  if (problem === broken) return true;
  if (prefix && (problem.startsWith(`${broken}.`) || problem.startsWith(`${broken}[`))) return true;
  return problem === broken.replace(/(\[\d+\])+$/, '');
}
