// Synthetic data for a whole province: regions, reference data and a lazily generated,
// re-iterable stream of station bundles, all determined by (seed, stations, provinceCode,
// asOf). Used by the demo data, the benchmarks and the tests.
import { isIsoDate, yearOf } from '../domain/dates.js';
import type { IsoDate, MediationAverage, StationBundle } from '../domain/station-data.js';
import { dayOf } from './calendar.js';
import { generateMediationAverages } from './complaints.js';
import type { ProvinceContext } from './context.js';
import { seedKey } from './random.js';
import { buildRegions, type RegionSeed } from './regions.js';
import { generateStation } from './station.js';

export type { RegionSeed } from './regions.js';
export { MAX_STATIONS } from './regions.js';

export const DEFAULT_PROVINCE_CODE = '130000';

export interface GenerateOptions {
  stations: number;
  /** 42 and '42' are the same seed. */
  seed: number | string;
  /** Default '130000'. */
  provinceCode?: string;
  /** The day the data describes: nothing in it is dated later (certificate expiries aside). */
  asOf: IsoDate;
}

export interface GeneratedProvince {
  provinceCode: string;
  asOf: IsoDate;
  regions: RegionSeed[];
  mediationAverages: MediationAverage[];
  /** All station codes, in generation order (ascending). */
  stationCodes: string[];
  /** Lazily generated, re-iterable, identical each time. */
  stations(): Generator<StationBundle>;
  /** Random access; the same bundle as the iterator's index-th item. */
  station(index: number): StationBundle;
}

export function generateProvince(opts: GenerateOptions): GeneratedProvince {
  const provinceCode = opts.provinceCode ?? DEFAULT_PROVINCE_CODE;
  if (!isIsoDate(opts.asOf)) throw new RangeError(`asOf must be a date YYYY-MM-DD, got '${opts.asOf}'`);
  const seed = seedKey(opts.seed);
  const layout = buildRegions(seed, provinceCode, opts.stations);
  const year = yearOf(opts.asOf);
  const province: ProvinceContext = {
    seed,
    layout,
    asOf: opts.asOf,
    asOfDay: dayOf(opts.asOf),
    year,
    month: Number(opts.asOf.slice(5, 7)),
  };
  const count = layout.stationCodes.length;

  const station = (index: number): StationBundle => {
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new RangeError(`station index ${index} out of range 0..${count - 1}`);
    }
    return generateStation(province, index);
  };

  return {
    provinceCode,
    asOf: opts.asOf,
    regions: layout.regions,
    mediationAverages: generateMediationAverages(seed, year),
    stationCodes: layout.stationCodes,
    *stations() {
      for (let i = 0; i < count; i++) yield generateStation(province, i);
    },
    station,
  };
}
