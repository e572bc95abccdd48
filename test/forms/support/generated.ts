// Forms' views of generated stations scored by the engine in memory (no database): what
// the renderer tests feed the renderers.
import { generateProvince, type GeneratedProvince } from '../../../src/generator/index.js';
import { generateReviewerAssessments } from '../../../src/generator/reviewer-assessments.js';
import { certificationView, staffListView, type RosterPerson } from '../../../src/forms/build/views.builder.js';
import type { CertificationView } from '../../../src/forms/views/certification.view.js';
import type { FormStation } from '../../../src/forms/views/common.js';
import type { ScoringSheetView } from '../../../src/forms/views/scoring-sheet.view.js';
import type { StaffListView } from '../../../src/forms/views/staff-list.view.js';
import type { StationBundle } from '../../../src/domain/station-data.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../../src/rubric/index.js';
import { scoreStation } from '../../../src/scoring/engine/index.js';
import { resultDigest } from '../../../src/scoring/result-digest.js';
import { factsFromBundle } from '../../../bench/scoring-engine/facts-from-bundle.js';

export const AS_OF = '2026-06-30';
export const GENERATED_AT = new Date('2026-07-01T02:30:00Z');
export const rubric = getRubric(NATIONAL_DEFAULT_POLICY.rubricVersion);

export function province(stations = 40, seed = 'forms'): GeneratedProvince {
  return generateProvince({ stations, seed, asOf: AS_OF });
}

export function formStation(p: GeneratedProvince, bundle: StationBundle): FormStation {
  const name = (code: string) => p.regions.find((r) => r.code === code)?.name ?? code;
  const county = bundle.profile.countyCode;
  const city = `${county.slice(0, 4)}00`;
  return { code: bundle.code, name: bundle.profile.name, countyCode: county, countyName: name(county), cityCode: city, cityName: name(city), provinceName: name(`${county.slice(0, 2)}0000`) };
}

export function scoringSheet(p: GeneratedProvince, bundle: StationBundle, materials: ReadonlyMap<string, readonly string[]> = new Map()): ScoringSheetView {
  const facts = factsFromBundle(bundle, p.mediationAverages, generateReviewerAssessments(bundle, rubric, 'forms'));
  const score = scoreStation(facts, { cutOff: AS_OF, rubric, policy: NATIONAL_DEFAULT_POLICY });
  return { station: formStation(p, bundle), evaluation: { kind: 'LIVE', evaluatedAt: GENERATED_AT }, rubric, score, resultDigest: resultDigest(score), materials, generatedAt: GENERATED_AT, timeZone: 'Asia/Shanghai' };
}

export function rosterPeople(bundle: StationBundle): RosterPerson[] {
  return bundle.personnel.map((p) => ({
    externalId: p.externalId,
    position: p.position,
    education: p.education,
    major: p.major,
    staffingType: p.staffingType,
    secondedMonths: p.secondedMonths,
    trainings: p.trainings,
    personal: { name: p.name, birthMonth: p.birthMonth, enforcementCertNo: p.enforcementCertNo, specialEquipmentCertNo: p.specialEquipmentCert?.number ?? null },
  }));
}

export function staffList(p: GeneratedProvince, bundle: StationBundle, personalVisible: boolean): StaffListView {
  return staffListView(formStation(p, bundle), rosterPeople(bundle), AS_OF, personalVisible);
}

export function certification(p: GeneratedProvince, bundle: StationBundle, remarks: string | null = null): CertificationView {
  const latest = [...bundle.certifications].sort((a, b) => b.year - a.year)[0];
  if (!latest) throw new Error(`station ${bundle.code} has no certification`);
  return certificationView(formStation(p, bundle), latest, rubric, remarks);
}
