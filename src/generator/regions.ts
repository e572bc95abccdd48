// A synthetic province laid out like GB/T 2260: province PP0000, cities PPCC00, and under
// each city districts PPCC02…, counties PPCC21… and county-level cities PPCC81…, the way
// real codes are allocated. Stations are spread over the counties (at most
// MAX_STATIONS_PER_COUNTY each) and numbered county code + 3-digit sequence.
import { pad } from './calendar.js';
import { DISTRICT_STEMS, PROVINCES, placeStem, townStem } from './names.js';
import { Rng } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { ceil, floor, max, min, round } = Math;

export interface RegionSeed {
  code: string;
  name: string;
  level: 'PROVINCE' | 'CITY' | 'COUNTY';
  parentCode: string | null;
}

export type CountyKind = 'DISTRICT' | 'COUNTY' | 'COUNTY_CITY';

export interface CountyInfo {
  code: string;
  name: string;
  kind: CountyKind;
  cityCode: string;
  cityName: string;
  /** The county bureau that certifies its stations (石安市新华区市场监督管理局). */
  bureauName: string;
  /** Index of its first station in generation order, and how many it has. */
  firstStation: number;
  stationCount: number;
}

export interface RegionLayout {
  provinceCode: string;
  provinceName: string;
  /** One-character provincial abbreviation (冀) used in certificate numbers. */
  provinceAbbr: string;
  regions: RegionSeed[];
  counties: CountyInfo[];
  stationCodes: string[];
  stationNames: string[];
  /** County index of each station. */
  stationCounty: Int32Array;
}

export const BASE_CITIES = 11;
export const MIN_COUNTIES_PER_CITY = 12;
export const MAX_COUNTIES_PER_CITY_BASE = 18;
/** Counties are added once the average would pass this many stations. */
export const TARGET_STATIONS_PER_COUNTY = 45;
export const MAX_STATIONS_PER_COUNTY = 60;
/** County codes 02..99 leave room for 98 counties under one city, and cities 01..99. */
const MAX_COUNTIES_PER_CITY = 98;
const MAX_CITIES = 99;
export const MAX_STATIONS = 400_000;

const PROVINCE_CODE = /^(\d{2})0000$/;

export function buildRegions(seed: string, provinceCode: string, stations: number): RegionLayout {
  const m = PROVINCE_CODE.exec(provinceCode);
  if (!m || Number(m[1]) < 11) throw new RangeError(`provinceCode must look like 130000, got '${provinceCode}'`);
  if (!Number.isInteger(stations) || stations < 0 || stations > MAX_STATIONS) {
    throw new RangeError(`stations must be an integer from 0 to ${MAX_STATIONS}, got ${stations}`);
  }
  const prefix = m[1];
  const rng = new Rng(`${seed}|${provinceCode}|regions`);
  const known = PROVINCES[prefix];
  const provinceName = known ? known[0] : `${placeStem(rng)}省`;
  const provinceAbbr = known ? known[1] : provinceName[0];

  const countiesPerCity = planCountiesPerCity(rng, stations);
  const regions: RegionSeed[] = [{ code: provinceCode, name: provinceName, level: 'PROVINCE', parentCode: null }];
  const counties: CountyInfo[] = [];
  const cityNames = new Set<string>();
  countiesPerCity.forEach((count, c) => {
    const cityCode = `${prefix}${pad(c + 1, 2)}00`;
    const cityName = uniqueName(cityNames, () => `${placeStem(rng)}市`);
    regions.push({ code: cityCode, name: cityName, level: 'CITY', parentCode: provinceCode });
    const used = new Set<string>([cityName]);
    for (const { code, kind } of countyCodes(cityCode, count)) {
      const name = uniqueName(used, () => countyName(rng, kind, used));
      regions.push({ code, name, level: 'COUNTY', parentCode: cityCode });
      counties.push({
        code,
        name,
        kind,
        cityCode,
        cityName,
        bureauName: `${cityName}${name}市场监督管理局`,
        firstStation: 0,
        stationCount: 0,
      });
    }
  });

  const perCounty = apportion(
    stations,
    counties.map(() => rng.real(0.5, 1.5)),
    MAX_STATIONS_PER_COUNTY,
  );
  const stationCodes: string[] = new Array<string>(stations);
  const stationNames: string[] = new Array<string>(stations);
  const stationCounty = new Int32Array(stations);
  let next = 0;
  counties.forEach((county, ci) => {
    county.firstStation = next;
    county.stationCount = perCounty[ci];
    if (perCounty[ci] === 0) return;
    const towns = townNames(new Rng(`${seed}|${provinceCode}|county|${county.code}`), county, perCounty[ci]);
    for (let s = 0; s < perCounty[ci]; s++) {
      stationCodes[next] = `${county.code}${pad(s + 1, 3)}`;
      stationNames[next] = `${county.name}${towns[s]}市场监督管理所`;
      stationCounty[next] = ci;
      next++;
    }
  });
  return { provinceCode, provinceName, provinceAbbr, regions, counties, stationCodes, stationNames, stationCounty };
}

/** About 11 cities of 12-18 counties; more counties (and cities) for large provinces. */
function planCountiesPerCity(rng: Rng, stations: number): number[] {
  const needed = ceil(stations / TARGET_STATIONS_PER_COUNTY);
  const cityCount = min(MAX_CITIES, max(BASE_CITIES, ceil(needed / 90)));
  const base = Array.from({ length: cityCount }, () => rng.int(MIN_COUNTIES_PER_CITY, MAX_COUNTIES_PER_CITY_BASE));
  const baseTotal = base.reduce((a, b) => a + b, 0);
  if (needed <= baseTotal) return base;
  return apportion(needed, base, MAX_COUNTIES_PER_CITY);
}

/**
 * Split `total` into integer shares proportional to `weights` (largest remainder), none
 * above `cap`; the overflow goes to the shares with the most room left.
 */
export function apportion(total: number, weights: readonly number[], cap: number): number[] {
  if (total > cap * weights.length) throw new RangeError(`cannot fit ${total} into ${weights.length} × ${cap}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (total * w) / sum);
  const shares = ideal.map((x) => floor(x));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = ideal.map((x, i) => [x - floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k++, left--) shares[byRemainder[k % byRemainder.length][1]]++;
  let overflow = 0;
  for (let i = 0; i < shares.length; i++) {
    if (shares[i] > cap) {
      overflow += shares[i] - cap;
      shares[i] = cap;
    }
  }
  while (overflow > 0) {
    // Give one to the share furthest below the cap, lowest index first.
    let best = -1;
    for (let i = 0; i < shares.length; i++) if (shares[i] < cap && (best < 0 || shares[i] < shares[best])) best = i;
    shares[best]++;
    overflow--;
  }
  return shares;
}

/** Districts from 02, counties from 21, county-level cities from 81 (GB/T 2260 habit). */
function countyCodes(cityCode: string, count: number): Array<{ code: string; kind: CountyKind }> {
  let cities = min(19, round(count * 0.12));
  let districts = min(19, max(1, round(count * 0.25)));
  let plain = count - cities - districts;
  if (plain > 60) {
    const extra = plain - 60;
    const toDistricts = min(19 - districts, extra);
    districts += toDistricts;
    cities += extra - toDistricts;
    plain = 60;
  }
  if (plain < 0) {
    // Tiny counts: keep at least one district, drop the others.
    cities = max(0, count - districts);
    plain = 0;
  }
  const head = cityCode.slice(0, 4);
  const out: Array<{ code: string; kind: CountyKind }> = [];
  for (let i = 0; i < districts; i++) out.push({ code: `${head}${pad(2 + i, 2)}`, kind: 'DISTRICT' });
  for (let i = 0; i < plain; i++) out.push({ code: `${head}${pad(21 + i, 2)}`, kind: 'COUNTY' });
  for (let i = 0; i < cities; i++) out.push({ code: `${head}${pad(81 + i, 2)}`, kind: 'COUNTY_CITY' });
  return out;
}

function countyName(rng: Rng, kind: CountyKind, used: ReadonlySet<string>): string {
  switch (kind) {
    case 'DISTRICT': {
      const stem = rng.pick(DISTRICT_STEMS);
      return used.has(`${stem}区`) ? `${placeStem(rng)}区` : `${stem}区`;
    }
    case 'COUNTY':
      return `${placeStem(rng)}县`;
    case 'COUNTY_CITY':
      return `${placeStem(rng)}市`;
  }
}

/** Distinct town or street stems for the stations of one county; a county seat is often 城关. */
function townNames(rng: Rng, county: CountyInfo, count: number): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  if (county.kind !== 'DISTRICT' && rng.chance(0.6)) {
    used.add('城关');
    out.push('城关');
  }
  while (out.length < count) out.push(uniqueName(used, () => townStem(rng)));
  return out;
}

function uniqueName(used: Set<string>, make: () => string): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const name = make();
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  // The pools hold well over a thousand stems, so this is only a guard.
  for (let n = 2; ; n++) {
    const name = `${make()}${n}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}
