// F7: a revoked key is refused at once by every running process, wherever it was revoked
// (the CLI in another process, another API process, plain SQL), also while the change
// feed that carries revocations is down.
import pg from 'pg';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { ChangeFeed } from '../../src/database/change-feed.js';
import { spawnTs, type TsProcess } from '../support/child-process.js';
import { createTestApp, ensureRegionChain, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let a: TestApp;
let b: { process: TsProcess; url: string };

beforeAll(async () => {
  a = await createTestApp();
  await ensureRegionChain(a.dataSource, '130102');
  // A second instance of the service, in a process of its own, on the same database.
  const started = spawnTs('test/support/api-process.ts', { DATABASE_URL: a.database.url, REDIS_URL: a.config.queue.redisUrl ?? '', QUEUE_PREFIX: a.config.queue.prefix, LOG_LEVEL: 'error', FILES_DIR: a.filesDir });
  await started.waitForOutput('api-ready', 60_000);
  b = { process: started, url: `http://127.0.0.1:${/api-ready (\d+)/.exec(started.output())![1]}` };
}, 90_000);

afterAll(async () => {
  if (b) {
    b.process.child.kill('SIGTERM');
    await b.process.exited;
  }
  await a?.close();
});

const READ = '/api/v1/reference/mediation-averages';

/** A read any key may do; its status says whether the key was accepted. */
const status = (t: TestApp | typeof b, key: string): Promise<number> =>
  'url' in t
    ? fetch(`${t.url}${READ}`, { headers: { authorization: `Bearer ${key}` } }).then((r) => r.status)
    : t
        .http()
        .get(READ)
        .set('authorization', `Bearer ${key}`)
        .then((r) => r.status);

/** A live key both instances have just verified (and may hold in memory). */
async function warmKey(): Promise<{ id: string; key: string }> {
  const created = await a.app.get(ApiKeyService).create('COUNTY', '130102', 'revocation test');
  for (let i = 0; i < 3; i++) {
    expect(await status(a, created.key)).toBe(200);
    expect(await status(b, created.key)).toBe(200);
  }
  return created;
}

test('`scorecard apikey revoke ID` in another process: the running server refuses the key at once', async () => {
  const { id, key } = await warmKey();
  const cli = spawnTs('test/support/cli-process.ts', { DATABASE_URL: a.database.url, DATABASE_MIGRATE: 'false', LOG_LEVEL: 'error' }, ['apikey', 'revoke', id]);
  expect(await cli.exited).toEqual({ code: 0, signal: null });
  expect(cli.output()).toContain(`revoked ${id}`);
  expect(await status(a, key)).toBe(401);
  expect(await status(b, key)).toBe(401);
});

test('revoked through one API instance: the other refuses it at once', async () => {
  const { id, key } = await warmKey();
  const other = await warmKey();
  expect(await a.app.get(ApiKeyService).revoke(id)).toBe(true);
  expect(await status(b, key)).toBe(401);
  expect(await status(a, key)).toBe(401);
  // Other keys keep working.
  expect(await status(b, other.key)).toBe(200);
});

test('revoked with plain SQL while the change feed is down: the key is checked against the database', async () => {
  const { id, key } = await warmKey();
  const feed = a.app.get(ChangeFeed);
  const admin = new pg.Client({ connectionString: a.database.url, application_name: 'revocation-test' });
  await admin.connect();
  try {
    const [terminated] = (
      await admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'station-scorecard-change-feed'`)
    ).rows;
    expect(terminated.n).toBeGreaterThanOrEqual(1);
    await waitFor(async () => feed.generation(), (g) => g === null, { timeoutMs: 5000, intervalMs: 5 });
    await admin.query(`UPDATE api_key SET revoked_at = now() WHERE id = $1`, [id]);
    expect(await status(a, key)).toBe(401);
  } finally {
    await admin.end();
  }
  // The feed comes back by itself, and the key stays refused.
  await waitFor(async () => feed.generation(), (g) => g !== null, { timeoutMs: 10_000 });
  expect(await status(a, key)).toBe(401);
});
