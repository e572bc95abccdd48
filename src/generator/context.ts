// What every section generator (personnel, equipment, cases, …) knows about the station it
// is filling in, and the station's latent traits.
//
// Realism comes mostly from one latent "quality" per station: a well-run station keeps its
// training, health checks, case entry and equipment in order, so its compliance with the
// rubric's "every X" rules is all-or-nothing far more often than independent coin flips per
// person or per case would make it. Each trait below is one such station-wide habit.
import type { Duty } from '../domain/vocabulary.js';
import type { IsoDate } from '../domain/station-data.js';
import type { Rng } from './random.js';
import type { CountyInfo, RegionLayout } from './regions.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { min } = Math;

export interface ProvinceContext {
  seed: string;
  layout: RegionLayout;
  asOf: IsoDate;
  /** Day number of asOf. */
  asOfDay: number;
  /** Year of asOf (Y). */
  year: number;
  /** Month of asOf, 1..12. */
  month: number;
}

export interface StationTraits {
  /** 0..1, triangular around 0.5. */
  quality: number;
  specialEquipmentDuty: boolean;
  /** Every established staff member met the yearly training target in Y−1. */
  trainingCompliant: boolean;
  /** The director attended provincial-level training in both Y−1 and Y−2. */
  directorTrainedProvincially: boolean;
  /** Every established staff member had a health check in the last year. */
  healthCompliant: boolean;
  /** Every established staff member hired more than 2 years ago holds an enforcement cert. */
  certCompliant: boolean;
  /** Working computers at least match established staff. */
  computersEnough: boolean;
  /** Handheld terminals and body cameras at least one per two enforcement officers. */
  fieldKitEnough: boolean;
  caseEntryCompliant: boolean;
  casePublicityCompliant: boolean;
  caseRecordCompliant: boolean;
  legalReviewCompliant: boolean;
  /** No failed case-file review. */
  fileReviewClean: boolean;
  complaintsOnTime: boolean;
  reportsOnTime: boolean;
  reportersNotified: boolean;
  roomsComplete: boolean;
  independentPremises: boolean;
}

export interface StationContext {
  province: ProvinceContext;
  index: number;
  code: string;
  name: string;
  county: CountyInfo;
  /** The station's root stream; sections fork their own from it. */
  rng: Rng;
  traits: StationTraits;
  duties: ReadonlySet<Duty>;
}

export function drawTraits(rng: Rng): StationTraits {
  const quality = (rng.next() + rng.next()) / 2;
  const p = (base: number, slope: number) => rng.chance(min(1, base + slope * quality));
  return {
    quality,
    specialEquipmentDuty: rng.chance(0.85),
    trainingCompliant: p(0.3, 0.6),
    directorTrainedProvincially: p(0.35, 0.55),
    healthCompliant: p(0.45, 0.5),
    certCompliant: p(0.5, 0.45),
    computersEnough: p(0.55, 0.4),
    fieldKitEnough: p(0.5, 0.45),
    caseEntryCompliant: p(0.45, 0.5),
    casePublicityCompliant: p(0.5, 0.45),
    caseRecordCompliant: p(0.55, 0.4),
    legalReviewCompliant: p(0.6, 0.35),
    fileReviewClean: p(0.75, 0.2),
    complaintsOnTime: p(0.55, 0.4),
    reportsOnTime: p(0.6, 0.35),
    reportersNotified: p(0.7, 0.25),
    roomsComplete: p(0.35, 0.5),
    independentPremises: p(0.8, 0.15),
  };
}
