import { canonicalJson, isCanonicalShape, rowDigest, sha256Hex } from '../row-digest.js';

describe('canonical JSON and row digests', () => {
  test('object keys are sorted at every level; arrays keep their order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });

  test('undefined members are dropped as in JSON; strings are escaped as in JSON', () => {
    expect(canonicalJson({ a: undefined, b: '冀"\\' })).toBe('{"b":"冀\\"\\\\"}');
  });

  test('equal rows have equal digests whatever their key order', () => {
    expect(rowDigest({ x: 1, y: [{ p: true, q: 'a' }] })).toBe(rowDigest({ y: [{ q: 'a', p: true }], x: 1 }));
    expect(rowDigest({ x: 1 })).not.toBe(rowDigest({ x: 2 }));
    expect(rowDigest({ x: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  test('non-finite numbers are refused', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });

  test('the fast path is taken only when JSON.stringify gives the canonical text', () => {
    expect(isCanonicalShape({ a: 1, b: [{ c: null, d: 'x' }] })).toBe(true);
    expect(isCanonicalShape({ b: 1, a: 2 })).toBe(false);
    expect(isCanonicalShape({ a: undefined })).toBe(false);
    expect(isCanonicalShape({ a: Number.POSITIVE_INFINITY })).toBe(false);
    // integer-like keys are enumerated numerically, not as sorted strings
    expect(isCanonicalShape({ '1': true, '2': true, '10': true })).toBe(false);
    for (const row of [{ b: 1, a: { d: 1, c: 2 } }, { '10': 1, '9': 2 }, { a: [3, { z: 1, y: 2 }] }]) {
      expect(rowDigest(row)).toBe(sha256Hex(canonicalJson(row)));
    }
  });
});
