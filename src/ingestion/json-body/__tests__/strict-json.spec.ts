// The strict body parser answers exactly what JSON.parse answers for every well-formed,
// duplicate-free UTF-8 body, and refuses what JSON.parse would silently change, with the path.
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { firstInvalidUtf8, MAX_JSON_DEPTH, parseStrictJson } from '../strict-json.js';

const wellFormed = (v: unknown): boolean =>
  typeof v === 'string' ? !/[\ud800-\udfff]/u.test(v) : Array.isArray(v) ? v.every(wellFormed) : v && typeof v === 'object' ? Object.entries(v).every(([k, x]) => wellFormed(k) && wellFormed(x)) : true;

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('strict JSON', () => {
  test('answers what JSON.parse answers for any JSON value (duplicate keys cannot be written by JSON.stringify)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: MAX_JSON_DEPTH - 1, stringUnit: 'binary' }).filter(wellFormed), (value) => {
        const text = JSON.stringify(value);
        expect(parseStrictJson(bytes(text))).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"items":[{"x":1}],"items":[]}', 'items'],
    ['{"items":[{"name":"a","b":[1,{"c":2,"c":3}]}]}', 'items[0].b[1].c'],
    ['[{"k":1},{"k":1,"j":{},"k":2}]', '[1].k'],
    ['{"a\\u0062":1,"ab":2}', 'ab'],
    ['{"\\"":1,"\\u0022":2}', '"'],
  ])('a duplicate key in %s is refused at %s', (text, path) => {
    expect(parseStrictJson(bytes(text))).toEqual({ ok: false, problem: { path, reason: expect.stringMatching(/^duplicate key/) } });
  });

  test('a duplicate key in a large object (past the linear search) is found too', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `"k${i}":${i}`);
    expect(parseStrictJson(bytes(`{"a":{${keys.join(',')}}}`)).ok).toBe(true);
    expect(parseStrictJson(bytes(`{"a":{${keys.join(',')},"k7":0}}`))).toEqual({ ok: false, problem: { path: 'a.k7', reason: expect.stringMatching(/^duplicate key/) } });
    expect(parseStrictJson(bytes(`[{${keys.join(',')}},{"k7":1,"k8":2}]`)).ok).toBe(true);
  });

  test('keys that only look alike are not duplicates', () => {
    expect(parseStrictJson(bytes('{"a":1,"A":2,"a ":3,"\\\\a":4,"b":{"a":5}}')).ok).toBe(true);
  });

  test.each([
    ['{"x":"\\ud800"}', 'x'],
    ['{"x":"a\\udc00b"}', 'x'],
    ['{"x":["ok","\\ud83d"]}', 'x[1]'],
    ['{"x":"\\ude00\\ud83d"}', 'x'],
    ['{"\\ud800":1}', '\ud800'],
    ['{"items":[{"name":"\\ud800\\u0041"}]}', 'items[0].name'],
  ])('a lone surrogate escape in %s is refused at %s', (text, path) => {
    expect(parseStrictJson(bytes(text))).toEqual({ ok: false, problem: { path, reason: expect.stringMatching(/lone UTF-16 surrogate/) } });
  });

  test('surrogate pairs, escaped or not, are characters like any other', () => {
    expect(parseStrictJson(bytes('{"x":"\\ud83d\\ude00 😀 𠮷"}'))).toEqual({ ok: true, value: { x: '😀 😀 𠮷' } });
  });

  test(`nesting up to ${MAX_JSON_DEPTH} levels passes; deeper is refused at the path of the first container too deep`, () => {
    expect(parseStrictJson(bytes('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).ok).toBe(true);
    expect(parseStrictJson(bytes(`{"a":[${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}]}`))).toEqual({
      ok: false,
      problem: { path: `a${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`, reason: `the body is nested deeper than ${MAX_JSON_DEPTH} levels` },
    });
    expect(parseStrictJson(bytes('['.repeat(100_000) + ']'.repeat(100_000))).ok).toBe(false);
  });

  test('invalid UTF-8 is refused at the path of the string that holds it', () => {
    const body = Buffer.concat([bytes('{"items":[{"a":"x"},{"name":"张'), Buffer.from([0xe4, 0xbc]), bytes('"}]}')]);
    expect(parseStrictJson(body)).toEqual({ ok: false, problem: { path: 'items[1].name', reason: 'the body is not valid UTF-8 (byte 32): send UTF-8 text' } });
    expect(parseStrictJson(Buffer.from([0x7b, 0xff, 0x7d])).ok).toBe(false);
  });

  test('firstInvalidUtf8 agrees with isUtf8, and what lies before it is valid', () => {
    const utf8ish = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
      fc.tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.uint8Array({ minLength: 1, maxLength: 4 })).map(([s, b]) => new Uint8Array([...Buffer.from(s), ...b])),
    );
    fc.assert(
      fc.property(utf8ish, (b) => {
        const offset = firstInvalidUtf8(b);
        expect(offset === b.length).toBe(isUtf8(b));
        expect(isUtf8(b.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  test('an empty or blank body is no body; malformed JSON names the position', () => {
    expect(parseStrictJson(Buffer.alloc(0))).toEqual({ ok: true, value: undefined });
    expect(parseStrictJson(bytes(' \n\t'))).toEqual({ ok: true, value: undefined });
    expect(parseStrictJson(bytes('{"a":'))).toEqual({ ok: false, problem: { path: '', reason: expect.stringMatching(/^malformed JSON: /) } });
  });
});
