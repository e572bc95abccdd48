import type { DataChange } from '../../../database/change-feed.js';
import { ChangeScopes } from '../../response-cache/change-scopes.js';
import { StationScopedCache } from '../station-scoped-cache.js';

const stations = (...codes: string[]): DataChange => ({ table: 'person', tableWide: false, stations: codes, regions: [] });
const many: DataChange = { table: 'person', tableWide: false, stations: null, regions: null };
const tableWide: DataChange = { table: 'region', tableWide: true, stations: null, regions: null };

/** A cache over its own change bookkeeping; `c.record` takes a change in as MemoryCaches does. */
function cache(capacity = 10, maxStations = 4 * capacity): { c: StationScopedCache<string> & { record(change: DataChange): void }; feed: { up: boolean } } {
  const feed = { up: true };
  const changes = new ChangeScopes(0, maxStations);
  const c = Object.assign(new StationScopedCache<string>(changes, capacity, () => feed.up), {
    record(change: DataChange) {
      if (changes.record(change)) c.clear();
    },
  });
  return { c, feed };
}

test('a value stays until a change names its station; other stations keep theirs', () => {
  const { c } = cache();
  const at = c.readPoint();
  expect(c.set('A', at, 'a')).toBe(true);
  expect(c.set('B', at, 'b')).toBe(true);
  c.record(stations('A'));
  expect(c.get('A')).toBeUndefined();
  expect(c.get('B')).toBe('b');
});

test('a value read before a change to its station is not kept (the read may predate the write)', () => {
  const { c } = cache();
  const at = c.readPoint();
  c.record(stations('A'));
  expect(c.set('A', at, 'old')).toBe(false);
  expect(c.get('A')).toBeUndefined();
  // another station's value read at the same point is still good
  expect(c.set('B', at, 'b')).toBe(true);
  const after = c.readPoint();
  expect(c.set('A', after, 'new')).toBe(true);
  expect(c.get('A')).toBe('new');
});

test('a change naming no stations, or a table-wide one, drops everything read before it', () => {
  const { c } = cache();
  c.set('A', c.readPoint(), 'a');
  c.record(many);
  expect(c.get('A')).toBeUndefined();
  c.set('B', c.readPoint(), 'b');
  const before = c.readPoint();
  c.record(tableWide);
  expect(c.get('B')).toBeUndefined();
  expect(c.size).toBe(0);
  expect(c.set('C', before, 'c')).toBe(false);
});

test('variants of one station (e.g. the day) are separate entries that go together', () => {
  const { c } = cache();
  const at = c.readPoint();
  c.set('A', at, 'monday', '2026-12-07');
  c.set('A', at, 'tuesday', '2026-12-08');
  expect(c.get('A', '2026-12-07')).toBe('monday');
  expect(c.get('A', '2026-12-08')).toBe('tuesday');
  expect(c.get('A')).toBeUndefined();
  c.record(stations('A'));
  expect(c.get('A', '2026-12-07')).toBeUndefined();
  expect(c.get('A', '2026-12-08')).toBeUndefined();
});

test('nothing is read or kept while the change feed is down', () => {
  const { c, feed } = cache();
  c.set('A', c.readPoint(), 'a');
  feed.up = false;
  expect(c.readPoint()).toBeNull();
  expect(c.get('A')).toBeUndefined();
  expect(c.set('B', { generation: 0, seq: 0 }, 'b')).toBe(false);
  feed.up = true;
  // the feed's own "lost and back" is a table-wide change
  c.record(tableWide);
  expect(c.get('A')).toBeUndefined();
});

test('past its capacity the oldest entry goes first', () => {
  const { c } = cache(2);
  const at = c.readPoint();
  c.set('A', at, 'a');
  c.set('B', at, 'b');
  c.set('C', at, 'c');
  expect(c.size).toBe(2);
  expect(c.get('A')).toBeUndefined();
  expect([c.get('B'), c.get('C')]).toEqual(['b', 'c']);
});

test('the list of changed stations stays bounded: past it everything earlier counts as changed', () => {
  const { c } = cache(2);
  c.set('Z', c.readPoint(), 'z');
  for (let i = 0; i < 9; i++) c.record(stations(`S${i}`));
  // 9 stations > the 8 the bookkeeping remembers: forgotten, and so Z (read before them) is dropped too
  expect(c.get('Z')).toBeUndefined();
  c.set('Y', c.readPoint(), 'y');
  c.record(stations('S0'));
  expect(c.get('Y')).toBe('y');
});
