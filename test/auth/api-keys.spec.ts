import { ApiKeyService } from '../../src/auth/api-key.service.js';
import { coversRegion, type Principal } from '../../src/auth/principal.js';
import { createTestApp, ensureRegionChain, type TestApp } from '../support/test-app.js';

describe('region scope', () => {
  const key = (role: Principal['role'], regionCode: string): Principal => ({ keyId: 'k', role, regionCode });

  test.each([
    [key('COUNTY', '130102'), '130102', true],
    [key('COUNTY', '130102'), '130104', false],
    [key('COUNTY', '130102'), '130100', false],
    [key('COUNTY', '130102'), '130000', false],
    [key('CITY', '130100'), '130102', true],
    [key('CITY', '130100'), '130100', true],
    [key('CITY', '130100'), '130202', false],
    [key('CITY', '130100'), '130000', false],
    [key('PROVINCE', '130000'), '130102', true],
    [key('PROVINCE', '130000'), '130000', true],
    [key('PROVINCE', '130000'), '140102', false],
    [key('ADMIN', '130000'), '440305', true],
  ])('%o covers %s: %s', (principal, region, expected) => {
    expect(coversRegion(principal, region)).toBe(expected);
  });
});

describe('API keys', () => {
  let t: TestApp;
  let keys: ApiKeyService;

  beforeAll(async () => {
    t = await createTestApp();
    keys = t.app.get(ApiKeyService);
    await ensureRegionChain(t.dataSource, '130102');
  });

  afterAll(async () => {
    await t.close();
  });

  test('a created key verifies to its role and region; only a hash is stored', async () => {
    const created = await keys.create('COUNTY', '130102', 'county system');
    expect(created.key).toMatch(/^ssk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    await expect(keys.verify(created.key)).resolves.toEqual({ keyId: created.id, role: 'COUNTY', regionCode: '130102' });
    const [row] = await t.dataSource.query(`SELECT secret_hash FROM api_key WHERE id = $1`, [created.id]);
    expect(created.key).not.toContain(row.secret_hash);
    expect(row.secret_hash).toHaveLength(64);
  });

  test('a tampered or revoked key does not verify', async () => {
    const created = await keys.create('PROVINCE', '130000');
    const tampered = created.key.slice(0, -1) + (created.key.endsWith('A') ? 'B' : 'A');
    await expect(keys.verify(tampered)).resolves.toBeNull();
    await expect(keys.verify('not-a-key')).resolves.toBeNull();
    expect(await keys.revoke(created.id)).toBe(true);
    await expect(keys.verify(created.key)).resolves.toBeNull();
  });

  test('a key\'s role must match its region level', async () => {
    await expect(keys.create('COUNTY', '130100')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(keys.create('PROVINCE', '990000')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
