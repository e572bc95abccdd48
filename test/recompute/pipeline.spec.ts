import { generateProvince } from '../../src/generator/index.js';
import { insertMediationAverages, insertStationBundle } from '../support/fixtures.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

const province = generateProvince({ stations: 3, seed: 'pipeline', asOf: '2026-06-30' });

describe('recompute pipeline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ runWorker: true, env: { RECOMPUTE_DEBOUNCE_MS: '50', OUTBOX_POLL_MS: '50' } });
    await insertMediationAverages(t.dataSource, province.mediationAverages);
    for (const bundle of province.stations()) await insertStationBundle(t.dataSource, bundle);
  });
  afterAll(async () => {
    await t.close();
  });

  test('an outbox row becomes a stored score', async () => {
    const code = province.stationCodes[0];
    await t.dataSource.query(`INSERT INTO outbox_event (station_code, reason) VALUES ($1, 'test')`, [code]);
    const rows = await waitFor(() => t.dataSource.query(`SELECT * FROM station_score WHERE station_code = $1`, [code]), (r) => r.length === 1);
    expect(rows[0].stars).toBeGreaterThanOrEqual(0);
  });

  test('a requested run recomputes every station and counts them', async () => {
    const [run] = await t.dataSource.query(`INSERT INTO recompute_run (trigger, cut_off) VALUES ('MANUAL', '2026-06-30') RETURNING id`);
    const done = await waitFor(
      () => t.dataSource.query(`SELECT status, total, done, failed, changed FROM recompute_run WHERE id = $1`, [run.id]),
      (r) => r[0].status === 'SUCCEEDED',
    );
    expect(done[0]).toMatchObject({ total: 3, done: 3, failed: 0 });
  });
});
