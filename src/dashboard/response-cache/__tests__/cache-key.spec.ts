import { canonicalJson } from '../../../ingestion/row-digest.js';
import { responseCacheKey, type ResponseKeyParts } from '../cache-key.js';

const parts: ResponseKeyParts = {
  query: 'query Q($code: String!) { station(code: $code) { name } }',
  operationName: 'Q',
  variables: { code: '130402001', filter: { stars: 3, regionCode: '130400' } },
  role: 'PROVINCE',
  regionCode: '130000',
  keyId: '0b8a5a36-7f0e-4f51-9d7c-3c2f1c1f0e11',
  today: '2026-11-21',
  generation: 7,
};

test('canonical JSON sorts the keys of every object, not the items of arrays', () => {
  expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
});

test('variables in another key order give the same key', () => {
  const reordered = { ...parts, variables: { filter: { regionCode: '130400', stars: 3 }, code: '130402001' } };
  expect(responseCacheKey(reordered)).toBe(responseCacheKey(parts));
  expect(responseCacheKey(parts)).toMatch(/^[0-9a-f]{64}$/);
});

test.each<[string, Partial<ResponseKeyParts>]>([
  ['the query text', { query: `${parts.query} ` }],
  ['the operation name', { operationName: null }],
  ['a variable', { variables: { ...parts.variables, code: '130402002' } }],
  ['the role', { role: 'CITY' }],
  ['the region', { regionCode: '140000' }],
  ['the key', { keyId: '5e0c2a8e-2d1b-4f7a-8c3e-6a9b1d2c3e4f' }],
  ['no key id (a query that selects none)', { keyId: null }],
  ['the day', { today: '2026-11-22' }],
  ['the data generation', { generation: 8 }],
])('%s changes the key', (_what, change) => {
  expect(responseCacheKey({ ...parts, ...change })).not.toBe(responseCacheKey(parts));
});

test('fields cannot run into each other', () => {
  expect(responseCacheKey({ ...parts, role: 'PROVINCE1', regionCode: '30000' })).not.toBe(responseCacheKey(parts));
});
