import { ByteLru, ENTRY_OVERHEAD_BYTES } from '../byte-lru.js';

// A value of n bytes: n / 2 UTF-16 units.
const bytes = (n: number) => '答'.repeat(n / 2);
// Every key is one character, so an entry of n value bytes costs n + 1 + overhead.
const cost = (n: number) => n + 1 + ENTRY_OVERHEAD_BYTES;

test('the total stays within the bound: the least recently used entries go first', () => {
  const lru = new ByteLru(3 * cost(100), 3 * cost(100));
  lru.set('a', bytes(100));
  lru.set('b', bytes(100));
  lru.set('c', bytes(100));
  expect(lru.get('a')).toBeDefined(); // a is now the youngest
  lru.set('d', bytes(100));
  expect(lru.get('b')).toBeUndefined();
  expect([lru.get('a'), lru.get('c'), lru.get('d')].every(Boolean)).toBe(true);
  expect(lru.bytes).toBe(3 * cost(100));
  expect(lru.evictions).toBe(1);
});

test('a larger entry evicts as many as it needs', () => {
  const lru = new ByteLru(4 * cost(100), 4 * cost(100));
  for (const key of 'abcd') lru.set(key, bytes(100));
  lru.set('e', bytes(2 * cost(100) + 52));
  expect(lru.size).toBe(2);
  expect(lru.get('a') ?? lru.get('b') ?? lru.get('c')).toBeUndefined();
  expect(lru.get('d')).toBeDefined();
  expect(lru.bytes).toBeLessThanOrEqual(lru.maxBytes);
});

test('replacing a key counts its bytes once', () => {
  const lru = new ByteLru(10_000);
  lru.set('a', bytes(100));
  lru.set('a', bytes(300));
  expect(lru.size).toBe(1);
  expect(lru.bytes).toBe(cost(300));
});

test('an entry over the per-entry limit (an eighth of the bound by default) is not kept and evicts nothing', () => {
  const lru = new ByteLru(8 * cost(100));
  lru.set('a', bytes(100));
  expect(lru.set('b', bytes(200))).toBe(false);
  expect(lru.get('a')).toBeDefined();
  expect(lru.size).toBe(1);
});

test('clear empties it', () => {
  const lru = new ByteLru(10_000);
  lru.set('a', bytes(10));
  lru.clear();
  expect([lru.size, lru.bytes, lru.get('a')]).toEqual([0, 0, undefined]);
});
