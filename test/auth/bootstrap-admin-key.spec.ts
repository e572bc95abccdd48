// BOOTSTRAP_ADMIN_KEY_FILE: the first ADMIN key of a fresh deployment, registered at start
// from a secret file when no active ADMIN key exists, once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { bootstrapAdminKey, BootstrapAdminKeyError } from '../../src/auth/bootstrap-admin-key.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(path.join(tmpdir(), 'bootstrap-key-'));
});

afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

function newKey(): string {
  return `ssk_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`;
}

function keyFile(text: string): string {
  const file = path.join(dir, `${randomBytes(4).toString('hex')}.key`);
  writeFileSync(file, text);
  return file;
}

const settings = (keyFile: string | null, regionName: string | null = '山西省') => ({ keyFile, regionCode: '140000', regionName });

test('nothing to do without the variable', async () => {
  await expect(bootstrapAdminKey(t.app, settings(null))).resolves.toBeNull();
});

test.each([
  ['an empty file', ''],
  ['a comment only', '# the key goes here\n'],
  ['a key with a bad prefix', 'ssk_ABC_' + 'x'.repeat(43)],
  ['two keys on the first line', `${newKey()} ${newKey()}`],
])('%s stops the start with a message naming the variable and the format', async (_what, text) => {
  const file = keyFile(text);
  const error = await bootstrapAdminKey(t.app, settings(file)).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BootstrapAdminKeyError);
  expect((error as Error).message).toBe(`BOOTSTRAP_ADMIN_KEY_FILE: the first line of ${file} must be an API key ssk_<12 of a-z 0-9>_<43 of A-Z a-z 0-9 _ ->`);
});

test('a missing file stops the start', async () => {
  await expect(bootstrapAdminKey(t.app, settings(path.join(dir, 'absent.key')))).rejects.toThrow(/^BOOTSTRAP_ADMIN_KEY_FILE: cannot read .*absent\.key \(ENOENT\)$/);
});

test('a region not loaded and no name for it stops the start', async () => {
  await expect(bootstrapAdminKey(t.app, settings(keyFile(newKey()), null))).rejects.toThrow('BOOTSTRAP_ADMIN_REGION: region 140000 is not loaded; set BOOTSTRAP_ADMIN_REGION_NAME to load it');
});

test('registers the key once, as ADMIN; later starts leave it; a revoked bootstrap key never comes back', async () => {
  const key = newKey();
  const file = keyFile(`# first ADMIN key of the deployment\n\n${key}\n`);
  await expect(bootstrapAdminKey(t.app, settings(file))).resolves.toBe('registered');
  const keys = t.app.get(ApiKeyService);
  const principal = await keys.verify(key);
  expect(principal).toMatchObject({ role: 'ADMIN', regionCode: '140000' });
  expect((await t.dataSource.query(`SELECT name FROM region WHERE code = '140000'`))[0].name).toBe('山西省');
  const [row] = await t.dataSource.query(`SELECT secret_hash, label FROM api_key WHERE id = $1`, [principal!.keyId]);
  expect(key).not.toContain(row.secret_hash);
  expect(row.label).toBe('bootstrap (BOOTSTRAP_ADMIN_KEY_FILE)');

  // The next start: an ADMIN key exists; the file is not even read.
  await expect(bootstrapAdminKey(t.app, settings(path.join(dir, 'deleted-since.key')))).resolves.toBe('admin-exists');

  await keys.revoke(principal!.keyId);
  await expect(bootstrapAdminKey(t.app, settings(file))).resolves.toBe('already-registered');
  await expect(keys.verify(key)).resolves.toBeNull();
  // Another key in the file: the deployment has no ADMIN key, so it is registered.
  await expect(bootstrapAdminKey(t.app, settings(keyFile(newKey())))).resolves.toBe('registered');
});
