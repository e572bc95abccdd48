// One station: its profile, and the assembly of all sections into a StationBundle. Each
// station draws from its own stream keyed by (seed, province, index), and each section from
// a fork of it, so station(i) never depends on the stations before it.
import type { Person, StationBundle, StationProfile } from '../domain/station-data.js';
import type { Duty, Room } from '../domain/vocabulary.js';
import { DUTIES, ROOMS } from '../domain/vocabulary.js';
import { generateCases } from './cases.js';
import { generateComplaintFigures } from './complaints.js';
import { drawTraits, type ProvinceContext, type StationContext, type StationTraits } from './context.js';
import { generateEquipment } from './equipment.js';
import { generateAnnualReviews, generateBonusEvents, generateCertifications, generateVetoEvents } from './events.js';
import { generatePersonnel, isEstablished } from './personnel.js';
import { Rng, weighted } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { max, min } = Math;

/** Duties besides FOOD and MARKET_ENTRY (always) and SPECIAL_EQUIPMENT (a trait). */
const OPTIONAL_DUTIES: ReadonlyArray<readonly [Duty, number]> = [
  ['DRUG', 0.85],
  ['INDUSTRIAL_PRODUCT', 0.7],
  ['PRICE', 0.8],
  ['ADVERTISING', 0.6],
  ['MEDICAL_DEVICE', 0.7],
  ['COSMETICS', 0.65],
  ['CONSUMER_PROTECTION', 0.9],
  ['OTHER', 0.2],
];

/** Rooms a station is likelier to lack (an office it always has). */
const MISSABLE_ROOMS = weighted<Room>([
  ['CANTEEN', 5],
  ['REST_ROOM', 4],
  ['RAPID_TEST_LAB', 4],
  ['CONFISCATED_GOODS_STORE', 3],
  ['PARTY_ROOM', 2],
  ['MEDIATION_ROOM', 2],
  ['INTERVIEW_ROOM', 2],
  ['EQUIPMENT_STORE', 2],
  ['DUTY_ROOM', 2],
  ['MEETING_ROOM', 1],
  ['ARCHIVE_ROOM', 1],
  ['SERVICE_HALL', 1],
  ['TOILET', 0.3],
]);

const HEADCOUNT_GAP = weighted([
  [-2, 0.08],
  [-1, 0.17],
  [0, 0.35],
  [1, 0.25],
  [2, 0.15],
] as const);

export const MIN_APPROVED_HEADCOUNT = 8;
export const MAX_APPROVED_HEADCOUNT = 14;

export function stationContext(province: ProvinceContext, index: number): StationContext {
  const { layout } = province;
  const rng = new Rng(`${province.seed}|${layout.provinceCode}|station|${index}`);
  const traits = drawTraits(rng.fork('traits'));
  return {
    province,
    index,
    code: layout.stationCodes[index],
    name: layout.stationNames[index],
    county: layout.counties[layout.stationCounty[index]],
    rng,
    traits,
    duties: drawDuties(rng.fork('duties'), traits),
  };
}

function drawDuties(rng: Rng, traits: StationTraits): ReadonlySet<Duty> {
  const set = new Set<Duty>(['FOOD', 'MARKET_ENTRY']);
  if (traits.specialEquipmentDuty) set.add('SPECIAL_EQUIPMENT');
  for (const [duty, p] of OPTIONAL_DUTIES) if (rng.chance(p)) set.add(duty);
  return set;
}

export function generateProfile(ctx: StationContext, personnel: readonly Person[]): StationProfile {
  const rng = ctx.rng.fork('profile');
  const t = ctx.traits;
  const established = personnel.filter(isEstablished).length;
  // The approved headcount sits near the established roster: often exactly, sometimes a
  // post or two unfilled, sometimes over-staffed.
  const approvedHeadcount = min(
    MAX_APPROVED_HEADCOUNT,
    max(MIN_APPROVED_HEADCOUNT, established + rng.pickWeighted(HEADCOUNT_GAP)),
  );
  const missing = new Set<Room>();
  if (!t.roomsComplete) {
    const k = rng.int(1, 4);
    while (missing.size < k) missing.add(rng.pickWeighted(MISSABLE_ROOMS));
  }
  return {
    name: ctx.name,
    countyCode: ctx.county.code,
    approvedHeadcount,
    duties: DUTIES.filter((d) => ctx.duties.has(d)),
    premises: {
      independent: t.independentPremises,
      rooms: ROOMS.filter((r) => !missing.has(r)),
      internet: true,
      privateNetwork: rng.chance(0.92),
    },
  };
}

export function generateStation(province: ProvinceContext, index: number): StationBundle {
  const ctx = stationContext(province, index);
  const personnel = generatePersonnel(ctx);
  const profile = generateProfile(ctx, personnel);
  const equipment = generateEquipment(ctx, personnel);
  const cases = generateCases(ctx);
  return {
    code: ctx.code,
    profile,
    personnel,
    equipment,
    cases,
    complaintFigures: generateComplaintFigures(ctx),
    certifications: generateCertifications(ctx, personnel, cases, profile.approvedHeadcount),
    bonusEvents: generateBonusEvents(ctx, personnel),
    vetoEvents: generateVetoEvents(ctx, personnel),
    annualReviews: generateAnnualReviews(ctx, personnel),
  };
}
