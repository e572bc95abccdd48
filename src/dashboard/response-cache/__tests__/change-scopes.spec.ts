import type { DataChange } from '../../../database/change-feed.js';
import { ALL_REGIONS, type AnswerScope } from '../answer-scope.js';
import { ChangeScopes } from '../change-scopes.js';

const station = (code: string): AnswerScope => ({ stations: [code], regions: [], any: false });
const region = (code: string): AnswerScope => ({ stations: [], regions: [code], any: false });
const any: AnswerScope = { stations: [], regions: [], any: true };
const rows = (stations: string[] | null, regions: string[] | null): DataChange => ({ table: 'person', tableWide: false, stations, regions });
const tableWide: DataChange = { table: 'region', tableWide: true, stations: null, regions: null };

test('a change to station A leaves B valid and A stale; answers of unknown scope go at any change', () => {
  const scopes = new ChangeScopes(2000);
  const seq = scopes.seq;
  scopes.record(rows(['A'], ['130000', '130400', '130402']));
  expect(scopes.validity(seq, station('A'), 0)).toBe('stale');
  expect(scopes.validity(seq, station('B'), 0)).toBe('fresh');
  expect(scopes.validity(seq, any, 0)).toBe('stale');
  expect(scopes.validity(scopes.seq, station('A'), 0)).toBe('fresh');
});

test('too many stations to name: every station answer goes', () => {
  const scopes = new ChangeScopes(2000);
  const seq = scopes.seq;
  scopes.record(rows(null, ['130000']));
  expect(scopes.validity(seq, station('B'), 0)).toBe('stale');
});

test('region-wide answers are refreshed at most once per interval, and served from the previous refresh meanwhile', () => {
  const scopes = new ChangeScopes(2000);
  scopes.watch(region('130000'), 0);
  scopes.watch(region('140000'), 0);
  scopes.watch(region(ALL_REGIONS), 0);
  const first = scopes.seq;
  // The first change is taken in at once (no refresh yet).
  scopes.record(rows(['A'], ['130000', '130400']));
  expect(scopes.validity(first, region('130000'), 10)).toBe('refreshing');
  expect(scopes.validity(first, region(ALL_REGIONS), 10)).toBe('refreshing');
  expect(scopes.validity(first, region('140000'), 10)).toBe('fresh');
  const second = scopes.seq;
  scopes.record(rows(['B'], ['130000']));
  // Within the interval: the answer read after the first refresh stays.
  expect(scopes.validity(second, region('130000'), 1000)).toBe('fresh');
  expect(scopes.validity(second, region('130000'), 2009)).toBe('fresh');
  // Past it: refreshed; the first answer is two refreshes old now.
  expect(scopes.validity(second, region('130000'), 2010)).toBe('refreshing');
  expect(scopes.validity(first, region('130000'), 2010)).toBe('stale');
  expect(scopes.validity(scopes.seq, region('130000'), 2011)).toBe('fresh');
});

test('refreshAll takes pending changes in at once; a table-wide change drops everything', () => {
  const scopes = new ChangeScopes(2000);
  scopes.watch(region('130000'), 0);
  scopes.record(rows(['A'], ['130000']));
  scopes.validity(scopes.seq, region('130000'), 0);
  const seq = scopes.seq;
  scopes.record(rows(['B'], ['130000']));
  expect(scopes.validity(seq, region('130000'), 1)).toBe('fresh');
  scopes.refreshAll(1);
  expect(scopes.validity(seq, region('130000'), 1)).toBe('refreshing');
  const generation = scopes.generation;
  const before = scopes.seq;
  expect(scopes.record(tableWide)).toBe(true);
  expect(scopes.generation).toBe(generation + 1);
  expect(scopes.validity(before, station('C'), 1)).toBe('stale');
  expect(scopes.validity(before, region('130000'), 1)).toBe('stale');
});
