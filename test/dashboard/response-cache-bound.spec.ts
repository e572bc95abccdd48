// The response cache holds at most GRAPHQL_RESPONSE_CACHE_BYTES: the least recently used
// answers make room for new ones. 0 turns it off.
import { ResponseCache } from '../../src/dashboard/response-cache/response-cache.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { ok, seedProvince, type Seeded } from './dashboard-support.js';

// About a dozen answers of QUERY (~1 KB each as counted: two bytes a character, and the overhead).
const BOUND = 12_000;
const QUERY = `query($code: String!) { station(code: $code) { code name countyName score { total stars indicators(level: 1) { code name points max } } } }`;

describe('a small bound', () => {
  let t: TestApp;
  let s: Seeded;

  beforeAll(async () => {
    t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_BYTES: String(BOUND) } });
    s = await seedProvince(t, 24);
  });

  afterAll(async () => {
    await t.close();
  });

  test('evicts the least recently used answers and stays within its bytes', async () => {
    const cache = t.app.get(ResponseCache);
    const codes = s.province.stationCodes;
    await ok(t, s.keys.province, QUERY, { code: codes[0] });
    const one = cache.stats();
    expect(one).toMatchObject({ stored: 1, entries: 1, maxBytes: BOUND });
    const perEntry = one.bytes;
    expect(codes.length * perEntry).toBeGreaterThan(2 * BOUND);

    for (const code of codes.slice(1)) await ok(t, s.keys.province, QUERY, { code });
    const full = cache.stats();
    expect(full.bytes).toBeLessThanOrEqual(BOUND);
    expect(full.stored).toBe(codes.length);
    expect(full.entries).toBeLessThan(codes.length / 2);
    expect(full.evictions).toBe(codes.length - full.entries);

    // The most recent is still there, the first one was evicted.
    await ok(t, s.keys.province, QUERY, { code: codes.at(-1) });
    expect(cache.stats().hits).toBe(full.hits + 1);
    await ok(t, s.keys.province, QUERY, { code: codes[0] });
    expect(cache.stats()).toMatchObject({ hits: full.hits + 1, misses: full.misses + 1 });
  });
});

describe('GRAPHQL_RESPONSE_CACHE_BYTES=0', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { GRAPHQL_RESPONSE_CACHE_BYTES: '0' } });
  });

  afterAll(async () => {
    await t.close();
  });

  test('turns the cache off', async () => {
    const key = await t.apiKey('PROVINCE', '130000');
    for (let i = 0; i < 2; i++) await ok(t, key, `{ region(code: "130000") { name } }`);
    expect(t.app.get(ResponseCache).stats()).toEqual({ hits: 0, misses: 0, joined: 0, previous: 0, stored: 0, refused: 0, bypassed: 0, evictions: 0, entries: 0, bytes: 0, maxBytes: 0 });
  });
});
