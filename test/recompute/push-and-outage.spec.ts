// Through the real push interface: a roster change moves the stored score and star exactly
// as the engine says; with the queue's Redis down pushes still succeed and every changed
// station is rescored once it is back.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Person, StationBundle } from '../../src/domain/station-data.js';
import { todayIn } from '../../src/domain/dates.js';
import { generateProvince, type GeneratedProvince } from '../../src/generator/index.js';
import { generateReviewerAssessments } from '../../src/generator/reviewer-assessments.js';
import { StationBundleWriter } from '../../src/ingestion/station-bundle.writer.js';
import { RegionsService } from '../../src/regions/regions.service.js';
import { getRubric, getRubricIndex, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { scoreStation } from '../../src/scoring/engine/index.js';
import { FactsLoader } from '../../src/scoring/facts-loader.js';
import { freePort } from '../support/ports.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const TODAY = todayIn('Asia/Shanghai');
const rubric = getRubric('national-2023');
const FAST = { OUTBOX_POLL_MS: '50', RECOMPUTE_DEBOUNCE_MS: '50' };
const SEED = 'push-outage';
const province = generateProvince({ stations: 40, seed: SEED, asOf: TODAY });

/** Regions, reference data and assessed stations, written through the push services. */
async function seed(t: TestApp, province: GeneratedProvince, bundles: StationBundle[]): Promise<void> {
  await t.app.get(RegionsService).upsert(province.regions.map(({ code, name }) => ({ code, name })));
  for (const a of province.mediationAverages) await t.dataSource.query(`INSERT INTO mediation_average (year, rate) VALUES ($1, $2) ON CONFLICT (year) DO NOTHING`, [a.year, a.rate]);
  await t.app.get(StationBundleWriter).writeMany(bundles);
  for (const bundle of bundles) {
    for (const a of generateReviewerAssessments(bundle, rubric, SEED)) {
      await t.dataSource.query(`INSERT INTO reviewer_assessment (station_code, rubric_version, criterion_id, points, note) VALUES ($1, $2, $3, $4, $5)`, [bundle.code, rubric.version, a.criterionId, a.points, a.note]);
    }
  }
  await t.dataSource.query(`INSERT INTO outbox_event (station_code, reason) SELECT unnest($1::varchar[]), 'test-seed'`, [bundles.map((b) => b.code)]);
}

/** The engine's view of a generated station with its synthetic assessments. */
function engineScore(province: GeneratedProvince, bundle: StationBundle) {
  const facts = {
    ...bundle,
    mediationAverages: province.mediationAverages,
    vetoEvents: bundle.vetoEvents.map((v, i) => ({ ...v, id: String(i), lifted: false })),
    assessments: generateReviewerAssessments(bundle, rubric, SEED),
    missingItemMarks: [],
  };
  return scoreStation(facts, { cutOff: TODAY, rubric, policy: NATIONAL_DEFAULT_POLICY });
}

const current = (t: TestApp, code: string) =>
  t.dataSource.query(`SELECT ss.total::float8 AS total, ss.stars, ss.input_hash, ss.snapshot_id FROM station_score ss WHERE ss.station_code = $1`, [code]).then((r) => r[0]);

/** The roster pushed by a county whose established staff mostly left: auxiliaries only. */
function hollowRoster(people: Person[]): Person[] {
  return people.map((p) => (p.position === 'DIRECTOR' ? p : { ...p, staffingType: 'AUXILIARY', enforcementCertNo: null }));
}

describe('push → score', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runWorker: true, env: FAST });
  });
  afterAll(async () => {
    await t.close();
  });

  test('a roster change pushed over REST changes the stored score and star as the engine says', async () => {
    // A station whose total and star the roster change lowers (found with the engine, deterministically).
    const bundle = [...province.stations()].find((b) => {
      const before = engineScore(province, b);
      const after = engineScore(province, { ...b, personnel: hollowRoster(b.personnel) });
      return before.eligible && after.stars !== before.stars && after.total < before.total;
    })!;
    expect(bundle).toBeDefined();
    await seed(t, province, [bundle]);
    // Idle, not merely scored: the seed's first recompute may precede its assessments.
    await waitForRecomputesIdle(t);
    const before = await current(t, bundle.code);
    expect(before).toBeDefined();
    const key = await t.apiKey('COUNTY', bundle.profile.countyCode);
    const response = await t
      .http()
      .put(`/api/v1/stations/${bundle.code}/personnel`)
      .set('authorization', `Bearer ${key}`)
      .send({ items: hollowRoster(bundle.personnel) })
      .expect(200);
    expect(response.body.updated).toBeGreaterThan(0);

    await waitFor(() => current(t, bundle.code), (row) => row.snapshot_id !== before.snapshot_id);
    await waitForRecomputesIdle(t);
    const after = await current(t, bundle.code);
    const facts = (await new FactsLoader(t.dataSource.manager).load([bundle.code], rubric.version)).get(bundle.code)!.facts;
    const expected = scoreStation(facts, { cutOff: TODAY, rubric, policy: NATIONAL_DEFAULT_POLICY });
    expect(after).toMatchObject({ total: expected.total, stars: expected.stars, input_hash: expected.inputHash });
    expect(after.total).toBeLessThan(before.total);
    expect(after.stars).not.toBe(before.stars);
    // 32① (bachelor share of established staff) is among the criteria that fell, with its reason.
    const [row] = await t.dataSource.query(
      `SELECT c.points::float8 AS points, c.reason FROM station_score ss JOIN score_criterion c ON c.snapshot_id = ss.snapshot_id
       WHERE ss.station_code = $1 AND c.criterion_id = $2`,
      [bundle.code, getRubricIndex(rubric).criterionByCode.get('33')!.id],
    );
    expect(row).toEqual({ points: expected.criteria.find((c) => c.code === '33')!.points, reason: expected.criteria.find((c) => c.code === '33')!.reason });
  });
});

describe('queue outage', () => {
  let t: TestApp;
  let redis: ChildProcess;
  let port: number;

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(() => t?.http().get('/health/ready').then((r) => r.status) ?? Promise.resolve(0), (status) => status === 200, { timeoutMs: 10_000 }).catch(() => undefined);
  };

  beforeAll(async () => {
    port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    t = await createTestApp({ runWorker: true, env: { ...FAST, REDIS_URL: `redis://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    redis.kill('SIGKILL');
  });

  test('pushes succeed while Redis is down; every changed station is rescored when it returns', async () => {
    const bundles = [0, 1, 2].map((i) => province.station(i));
    await seed(t, province, bundles);
    await waitForRecomputesIdle(t);
    const scored = await Promise.all(bundles.map((b) => current(t, b.code)));
    expect(scored.every((row) => row !== undefined)).toBe(true);

    redis.kill('SIGKILL');
    await waitFor(() => t.http().get('/health/ready').then((r) => r.status), (status) => status === 503);
    const changed = bundles.slice(0, 2);
    for (const bundle of changed) {
      const key = await t.apiKey('COUNTY', bundle.profile.countyCode);
      await t.http().put(`/api/v1/stations/${bundle.code}/personnel`).set('authorization', `Bearer ${key}`).send({ items: hollowRoster(bundle.personnel) }).expect(200);
    }
    // The changes wait in the outbox meanwhile.
    await new Promise((r) => setTimeout(r, 500));
    const waiting = await t.dataSource.query(`SELECT DISTINCT station_code FROM outbox_event WHERE relayed_at IS NULL ORDER BY station_code`);
    expect(waiting.map((r: { station_code: string }) => r.station_code)).toEqual(changed.map((b) => b.code).sort());

    await startRedis();
    const rescored = await waitFor(
      () => Promise.all(changed.map((b) => current(t, b.code))),
      (rows) => rows.every((row, i) => row.snapshot_id !== scored[i].snapshot_id),
      { timeoutMs: 30_000 },
    );
    expect(rescored).toHaveLength(2);
    expect(await current(t, bundles[2].code)).toEqual(scored[2]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE relayed_at IS NULL`)).toEqual([{ n: 0 }]);
  });
});
