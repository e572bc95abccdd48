import { generateProvince, type GenerateOptions } from '../index.js';

const base: GenerateOptions = { stations: 60, seed: 'determinism', asOf: '2025-06-15' };

function dump(opts: GenerateOptions): string {
  const p = generateProvince(opts);
  return JSON.stringify({
    provinceCode: p.provinceCode,
    asOf: p.asOf,
    regions: p.regions,
    mediationAverages: p.mediationAverages,
    stationCodes: p.stationCodes,
    stations: [...p.stations()],
  });
}

describe('determinism', () => {
  it('gives byte-identical output for the same options', () => {
    expect(dump(base)).toBe(dump({ ...base }));
  });

  it('treats 42 and "42" as the same seed', () => {
    expect(dump({ ...base, seed: 42 })).toBe(dump({ ...base, seed: '42' }));
  });

  it('gives different output for a different seed, province or asOf', () => {
    const reference = dump(base);
    expect(dump({ ...base, seed: 'determinism2' })).not.toBe(reference);
    expect(dump({ ...base, provinceCode: '140000' })).not.toBe(reference);
    expect(dump({ ...base, asOf: '2025-06-16' })).not.toBe(reference);
  });

  it('differs station by station under another seed, not just in a few fields', () => {
    const a = generateProvince(base);
    const b = generateProvince({ ...base, seed: 'other' });
    const sameNames = a.station(0).personnel.filter((p, i) => b.station(0).personnel[i]?.name === p.name).length;
    expect(sameNames).toBeLessThan(3);
    expect(a.regions.map((r) => r.name)).not.toEqual(b.regions.map((r) => r.name));
  });

  it('station(i) equals the i-th iterated station, in any access order', () => {
    const p = generateProvince(base);
    const iterated = [...p.stations()];
    expect(iterated).toHaveLength(base.stations);
    const order = [59, 0, 31, 7, 7, 58];
    for (const i of order) expect(p.station(i)).toEqual(iterated[i]);
    // A fresh province asked for one station only gives the same bundle.
    expect(generateProvince(base).station(31)).toEqual(iterated[31]);
  });

  it('is re-iterable: every pass yields the same bundles', () => {
    const p = generateProvince(base);
    const first = JSON.stringify([...p.stations()]);
    const it1 = p.stations();
    const it2 = p.stations();
    // Interleaved iterators do not disturb each other.
    const a0 = it1.next().value;
    const b0 = it2.next().value;
    expect(a0).toEqual(b0);
    expect(JSON.stringify([...p.stations()])).toBe(first);
  });

  it('returns fresh objects, so a caller mutating one bundle cannot change another', () => {
    const p = generateProvince(base);
    const s = p.station(3);
    s.personnel.length = 0;
    s.profile.duties.push('OTHER');
    expect(p.station(3).personnel.length).toBeGreaterThan(0);
    expect(p.station(3)).toEqual([...p.stations()][3]);
  });

  it('keeps a station independent of how many stations the province has, apart from its place', () => {
    // Station i draws from its own stream; only the county layout depends on the count.
    const small = generateProvince({ ...base, stations: 10 }).station(4);
    const large = generateProvince({ ...base, stations: 500 }).station(4);
    expect(large.personnel.map((p) => p.name)).toEqual(small.personnel.map((p) => p.name));
    expect(large.cases.map((c) => c.caseNumber)).toEqual(small.cases.map((c) => c.caseNumber));
  });

  it('rejects bad options', () => {
    expect(() => generateProvince({ ...base, asOf: '2025-02-30' })).toThrow(RangeError);
    expect(() => generateProvince({ ...base, stations: -1 })).toThrow(RangeError);
    expect(() => generateProvince({ ...base, stations: 1.5 })).toThrow(RangeError);
    expect(() => generateProvince({ ...base, provinceCode: '130100' })).toThrow(RangeError);
    expect(() => generateProvince({ ...base, seed: Number.NaN })).toThrow(RangeError);
    const p = generateProvince(base);
    expect(() => p.station(base.stations)).toThrow(RangeError);
    expect(() => p.station(-1)).toThrow(RangeError);
  });

  it('generates an empty province', () => {
    const p = generateProvince({ ...base, stations: 0 });
    expect([...p.stations()]).toEqual([]);
    expect(p.stationCodes).toEqual([]);
    expect(p.regions.length).toBeGreaterThan(100);
  });
});
