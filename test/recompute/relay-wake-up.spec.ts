// The outbox relay is woken by the outbox's notification at commit, not only by its poll:
// with a poll of a minute, a change is still relayed (and scored) within a second or two.
import { generateProvince } from '../../src/generator/index.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor, waitForRecomputesIdle } from '../support/wait-for.js';

const province = generateProvince({ stations: 1, seed: 'wake-up', asOf: '2026-06-30' });

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ runWorker: true, env: { OUTBOX_POLL_MS: '60000', RECOMPUTE_DEBOUNCE_MS: '0' } });
  await insertMediationAverages(t.dataSource, province.mediationAverages);
  // The relay's first pass (at start) is behind us: from here on only a wake-up relays soon.
  await waitForRecomputesIdle(t);
});

afterAll(async () => {
  await t.close();
});

test('a committed outbox row is relayed without waiting for the poll', async () => {
  const bundle = province.station(0);
  await insertStationBundle(t.dataSource, bundle);
  const started = Date.now();
  await t.dataSource.query(`INSERT INTO outbox_event (station_code, reason) VALUES ($1, 'wake-up test')`, [bundle.code]);
  await waitFor(
    () => t.dataSource.query(`SELECT count(*)::int AS n FROM station_score WHERE station_code = $1`, [bundle.code]),
    (rows) => rows[0].n === 1,
    { timeoutMs: 10_000 },
  );
  // Far below the minute's poll.
  expect(Date.now() - started).toBeLessThan(10_000);
});
