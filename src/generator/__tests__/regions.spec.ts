import { MAX_STATIONS, generateProvince } from '../index.js';
import { MAX_STATIONS_PER_COUNTY, apportion, buildRegions } from '../regions.js';

function stationsPerCounty(codes: readonly string[]): Map<string, number> {
  const per = new Map<string, number>();
  for (const c of codes) per.set(c.slice(0, 6), (per.get(c.slice(0, 6)) ?? 0) + 1);
  return per;
}

describe('regions', () => {
  it('a 2,500-station province: 11 cities of 12-18 counties, about 15 stations a county', () => {
    const p = generateProvince({ stations: 2500, seed: 'regions', asOf: '2025-06-15' });
    const cities = p.regions.filter((r) => r.level === 'CITY');
    const counties = p.regions.filter((r) => r.level === 'COUNTY');
    expect(p.regions[0]).toEqual({ code: '130000', name: '河北省', level: 'PROVINCE', parentCode: null });
    expect(cities).toHaveLength(11);
    for (const city of cities) {
      expect(city.name).toMatch(/^[\u4e00-\u9fff]{2}市$/);
      const under = counties.filter((c) => c.parentCode === city.code);
      expect(under.length).toBeGreaterThanOrEqual(12);
      expect(under.length).toBeLessThanOrEqual(18);
      // Districts from 02, counties from 21, county-level cities from 81, named to match.
      for (const c of under) {
        const xx = Number(c.code.slice(4));
        const suffix = xx < 21 ? '区' : xx < 81 ? '县' : '市';
        expect(xx).toBeGreaterThanOrEqual(2);
        expect(c.name.endsWith(suffix)).toBe(true);
      }
    }
    const per = stationsPerCounty(p.stationCodes);
    const average = 2500 / counties.length;
    expect(average).toBeGreaterThan(11);
    expect(average).toBeLessThan(19);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(MAX_STATIONS_PER_COUNTY);
    // Codes run 001, 002, … within each county, in code order overall.
    expect([...p.stationCodes].sort()).toEqual(p.stationCodes);
    for (const [county, n] of per) {
      const seqs = p.stationCodes.filter((c) => c.startsWith(county)).map((c) => Number(c.slice(6)));
      expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  it('grows the number of counties with the number of stations', () => {
    const counties = (n: number) => buildRegions('grow', '130000', n).counties.length;
    expect(counties(10)).toBe(counties(2500));
    expect(counties(40_000)).toBeGreaterThanOrEqual(Math.ceil(40_000 / MAX_STATIONS_PER_COUNTY));
    const layout = buildRegions('grow', '130000', 40_000);
    expect(Math.max(...layout.counties.map((c) => c.stationCount))).toBeLessThanOrEqual(MAX_STATIONS_PER_COUNTY);
    expect(layout.counties.reduce((s, c) => s + c.stationCount, 0)).toBe(40_000);
    expect(new Set(layout.stationCodes).size).toBe(40_000);
  });

  it('handles the largest supported province and refuses a larger one', () => {
    const layout = buildRegions('max', '130000', MAX_STATIONS);
    expect(layout.stationCodes).toHaveLength(MAX_STATIONS);
    expect(Math.max(...layout.counties.map((c) => c.stationCount))).toBeLessThanOrEqual(MAX_STATIONS_PER_COUNTY);
    const cityCodes = layout.regions.filter((r) => r.level === 'CITY').map((r) => r.code);
    expect(cityCodes.every((c) => /^13\d{2}00$/.test(c) && c !== '130000')).toBe(true);
    expect(new Set(layout.regions.map((r) => r.code)).size).toBe(layout.regions.length);
    expect(() => buildRegions('max', '130000', MAX_STATIONS + 1)).toThrow(RangeError);
  });

  it('names provinces by their code and invents one for an unknown prefix', () => {
    expect(buildRegions('x', '440000', 1).provinceName).toBe('广东省');
    expect(buildRegions('x', '440000', 1).provinceAbbr).toBe('粤');
    const unknown = buildRegions('x', '990000', 1);
    expect(unknown.provinceName).toMatch(/^[\u4e00-\u9fff]{2}省$/);
    expect(() => buildRegions('x', '13000', 1)).toThrow(RangeError);
    expect(() => buildRegions('x', '000000', 1)).toThrow(RangeError);
  });

  it('station names are county name + town + 市场监督管理所', () => {
    const layout = buildRegions('names', '130000', 300);
    layout.stationNames.forEach((name, i) => {
      const county = layout.counties[layout.stationCounty[i]];
      expect(name.startsWith(county.name)).toBe(true);
      expect(name.endsWith('市场监督管理所')).toBe(true);
      expect(layout.stationCodes[i].startsWith(county.code)).toBe(true);
    });
  });
});

describe('apportion', () => {
  it('splits a total by weight without passing the cap', () => {
    const shares = apportion(100, [1, 1, 8], 60);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...shares)).toBe(60);
    expect(apportion(10, [1, 1, 1, 1, 1], 60).reduce((a, b) => a + b, 0)).toBe(10);
    expect(apportion(0, [1, 2], 5)).toEqual([0, 0]);
    expect(() => apportion(11, [1, 1], 5)).toThrow(RangeError);
  });
});
