import { SerializedData, stringifyResult } from '../serialized-data.js';

const data = { station: { code: '130402001', name: '测试所', score: { total: 812.5, criteria: [{ code: '1①', points: 1 }] }, vetoes: [] } };

test('serialized data is sent exactly as Apollo would serialize the answer', () => {
  const spliced = stringifyResult({ data: new SerializedData(JSON.stringify(data)).asData() });
  expect(spliced).toBe(`${JSON.stringify({ data })}\n`);
  expect(JSON.parse(spliced)).toEqual({ data });
});

test('other answers are serialized as by default', () => {
  const errors = [{ message: 'station 1 not found', extensions: { code: 'NOT_FOUND' } }];
  expect(stringifyResult({ errors, data: null })).toBe(`${JSON.stringify({ errors, data: null })}\n`);
  expect(stringifyResult({ data })).toBe(`${JSON.stringify({ data })}\n`);
});

test('anything else serializing it still gets the right JSON', () => {
  expect(JSON.stringify({ errors: [], data: new SerializedData(JSON.stringify(data)) })).toBe(JSON.stringify({ errors: [], data }));
});
