/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON here */
// F8: runs that the pipeline creates itself (reference data) or that a region-wide change
// asks for complete, and the scores they leave are what the engine says for the data.
import { todayIn } from '../../src/domain/dates.js';
import { generateProvince } from '../../src/generator/index.js';
import { getRubric } from '../../src/rubric/index.js';
import { StarPolicyStore } from '../../src/rubric/star-policies.service.js';
import { scoreStation, type StationFacts } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const TODAY = todayIn('Asia/Shanghai');
const rubric = getRubric('national-2023');
const province = generateProvince({ stations: 12, seed: 'reference-runs', asOf: TODAY });
const PROVINCE = province.stations().next().value!.profile.countyCode.slice(0, 2) + '0000';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ runWorker: true, env: { OUTBOX_POLL_MS: '50', RECOMPUTE_DEBOUNCE_MS: '50' } });
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  for (const bundle of province.stations()) await insertStationBundle(t.dataSource, bundle);
  await t.dataSource.query(`INSERT INTO outbox_event (station_code, reason) SELECT unnest($1::varchar[]), 'test-seed'`, [province.stationCodes]);
  await waitFor(() => stored(), (rows) => rows.size === province.stationCodes.length);
  await waitForRecomputesIdle(t);
});

afterAll(async () => {
  await t.close();
});

interface Score {
  total: number;
  stars: number;
  inputHash: string;
}

async function stored(): Promise<Map<string, Score>> {
  const rows = await t.dataSource.query(`SELECT station_code, total::float8 AS total, stars, input_hash FROM station_score`);
  return new Map(rows.map((r: any) => [r.station_code, { total: r.total, stars: r.stars, inputHash: r.input_hash }]));
}

/** What a clean scoring of the stored facts says, optionally with facts changed first. */
async function engine(change: (facts: StationFacts) => StationFacts = (f) => f): Promise<Map<string, Score>> {
  const loaded = await new FactsLoader(t.dataSource.manager).load(province.stationCodes, rubric.version);
  const policies = await t.app.get(StarPolicyStore).activeFor([PROVINCE]);
  const out = new Map<string, Score>();
  for (const [code, { facts }] of loaded) {
    const result = scoreStation(change(facts), { cutOff: TODAY, rubric, policy: policies.get(PROVINCE)! });
    out.set(code, { total: result.total, stars: result.stars, inputHash: result.inputHash });
  }
  return out;
}

const runs = (trigger: string) => t.dataSource.query(`SELECT id, status, total, done, failed FROM recompute_run WHERE trigger = $1 ORDER BY created_at`, [trigger]);
const finished = (rows: { status: string }[]) => rows.length > 0 && rows.every((r) => r.status === 'SUCCEEDED' || r.status === 'FAILED');

test('PUT /api/v1/reference/mediation-averages/{year}: the run completes over every station and the scores move', async () => {
  const before = await stored();
  expect(before).toEqual(await engine());
  // The year whose average decides 10① today: raising it to 100% changes some totals.
  const candidates = await Promise.all(
    province.mediationAverages.map(async ({ year }) => {
      const raised = await engine((f) => ({ ...f, mediationAverages: f.mediationAverages.map((a) => (a.year === year ? { ...a, rate: 1 } : a)) }));
      return { year, moved: [...raised].filter(([code, s]) => s.total !== before.get(code)!.total).length };
    }),
  );
  const chosen = candidates.find((c) => c.moved > 0);
  expect(chosen).toBeDefined();

  const key = await t.apiKey('ADMIN', PROVINCE);
  const put = await t.http().put(`/api/v1/reference/mediation-averages/${chosen!.year}`).set('authorization', `Bearer ${key}`).send({ rate: 1 });
  expect(put.status).toBe(200);
  expect(put.body.updated).toBe(1);

  const done = await waitFor(() => runs('REFERENCE_DATA'), finished, { timeoutMs: 20_000 });
  expect(done.map(({ id: _id, ...r }: any) => r)).toEqual([{ status: 'SUCCEEDED', total: province.stationCodes.length, done: province.stationCodes.length, failed: 0 }]);
  await waitForRecomputesIdle(t);
  const after = await stored();
  expect(after).toEqual(await engine());
  expect([...after].filter(([code, s]) => s.total !== before.get(code)!.total)).toHaveLength(chosen!.moved);
});

test('region changes: a region loaded over REST with no stations yet, and a province-wide policy change; both runs complete', async () => {
  const key = await t.apiKey('PROVINCE', PROVINCE);
  const newCounty = `${PROVINCE.slice(0, 2)}9901`;
  const regions = await t
    .http()
    .put('/api/v1/reference/regions')
    .set('authorization', `Bearer ${key}`)
    .send({ items: [{ code: `${PROVINCE.slice(0, 2)}9900`, name: '测试市' }, { code: newCounty, name: '测试县' }] });
  expect(regions.status).toBe(200);
  expect(regions.body.created).toBe(2);

  const empty = await t.graphql(`mutation($r: String!) { startRecompute(regionCode: $r) { id status } }`, { r: newCounty }, key);
  expect(empty.body.errors).toBeUndefined();
  const emptyRun = await waitFor(
    () => t.dataSource.query(`SELECT status, total, done, failed FROM recompute_run WHERE id = $1`, [empty.body.data.startRecompute.id]).then((r) => r[0]),
    (r) => r.status !== 'QUEUED' && r.status !== 'RUNNING',
  );
  expect(emptyRun).toEqual({ status: 'SUCCEEDED', total: 0, done: 0, failed: 0 });

  // Lower thresholds: stars move for the whole province.
  const before = await stored();
  const policy = await t.graphql(
    `mutation($p: String!, $in: StarPolicyInput!) { setStarPolicy(provinceCode: $p, input: $in) { recomputeRun { id } } }`,
    {
      p: PROVINCE,
      in: {
        name: '测试省标准',
        caseEntryDeadlineDays: 7,
        levels: [
          { stars: 5, indicatorSet: 'ALL', threshold: 90, includeBonus: true },
          { stars: 4, indicatorSet: 'STARRED', threshold: 40, includeBonus: true },
          { stars: 3, indicatorSet: 'STARRED', threshold: 20, includeBonus: true },
        ],
      },
    },
    key,
  );
  expect(policy.body.errors).toBeUndefined();
  const runId = policy.body.data.setStarPolicy.recomputeRun.id;
  const policyRun = await waitFor(
    () => t.dataSource.query(`SELECT status, total, done, failed FROM recompute_run WHERE id = $1`, [runId]).then((r) => r[0]),
    (r) => r.status !== 'QUEUED' && r.status !== 'RUNNING',
    { timeoutMs: 20_000 },
  );
  expect(policyRun).toEqual({ status: 'SUCCEEDED', total: province.stationCodes.length, done: province.stationCodes.length, failed: 0 });
  await waitForRecomputesIdle(t);
  const after = await stored();
  expect(after).toEqual(await engine());
  expect([...after].some(([code, s]) => s.stars !== before.get(code)!.stars)).toBe(true);
});
