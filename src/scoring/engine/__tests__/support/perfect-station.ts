// Test helper: a station that meets every DATA and ATTESTED rule on the cut-off
// 2025-06-30 (Y = 2025, so "last year" = 2024; the case sample is 2025年3月至6月; the
// county's latest case-file review was on 2025-06-10) and has every ASSESSED criterion
// assessed at its maximum. Tests start from it and break one thing. Every call returns
// fresh objects.
import type { EnforcementCase, Equipment, Person, TrainingYear } from '../../../../domain/station-data.js';
import type { EquipmentType } from '../../../../domain/vocabulary.js';
import type { DataRuleId, DataRuleParameters } from '../../../../rubric/model/data-rules.js';
import { getRubric, getRubricIndex, NATIONAL_DEFAULT_POLICY, type Rubric, type StarPolicy } from '../../../../rubric/index.js';
import type { Assessment, EvaluationContext, StationFacts } from '../../facts.js';
import type { CriterionResult, ScoreResult } from '../../score-result.js';
import { scoreStation } from '../../score.js';

export const CUT_OFF = '2025-06-30';
export const RUBRIC: Rubric = getRubric('national-2023');
export const POLICY: StarPolicy = NATIONAL_DEFAULT_POLICY;

export function context(cutOff = CUT_OFF, policy: StarPolicy = POLICY, rubric: Rubric = RUBRIC): EvaluationContext {
  return { cutOff, rubric, policy };
}

export function training(year: number, t: Partial<TrainingYear> = {}): TrainingYear {
  return { year, offlineDays: 0, offlineHours: 0, onlineHours: 0, provincialTrainings: 0, ...t };
}

/** An established (行政编) staff member meeting every personnel rule. */
export function person(externalId: string, p: Partial<Person> = {}): Person {
  return {
    externalId,
    name: `姓名${externalId}`,
    position: 'STAFF',
    birthMonth: '1985-04',
    education: 'BACHELOR',
    major: '法学',
    majorCategory: 'LAW',
    staffingType: 'ADMINISTRATIVE',
    enforcementCertNo: `ZF-${externalId}`,
    specialEquipmentCert: null,
    hiredOn: '2015-09-01',
    secondedMonths: 0,
    trainings: [training(2024, { offlineDays: 12 }), training(2023, { offlineDays: 12 })],
    lastHealthCheckOn: '2025-03-15',
    informationAdministrator: false,
    disciplinaryRecords: [],
    ...p,
  };
}

export function auxiliary(externalId: string, p: Partial<Person> = {}): Person {
  return person(externalId, {
    staffingType: 'AUXILIARY',
    education: 'ASSOCIATE',
    majorCategory: 'OTHER',
    major: '计算机',
    enforcementCertNo: null,
    trainings: [],
    lastHealthCheckOn: null,
    hiredOn: '2024-03-01',
    ...p,
  });
}

export function equipment(externalId: string, type: EquipmentType, quantity = 1, e: Partial<Equipment> = {}): Equipment {
  return { externalId, type, quantity, status: 'IN_SERVICE', acquiredOn: '2022-01-10', ...e };
}

/** The date of the county's latest case-file review in the perfect station's ledger. */
export const LATEST_FILE_REVIEW = '2025-06-10';

/**
 * A general-procedure case closed in the case sample (2025年3月至6月) that meets 7④ and 8,
 * whose file passed the county's latest review (LATEST_FILE_REVIEW).
 */
export function enforcementCase(caseNumber: string, c: Partial<EnforcementCase> = {}): EnforcementCase {
  return {
    caseNumber,
    procedure: 'GENERAL',
    target: '某食品经营部',
    violation: '经营超过保质期食品',
    filedOn: '2025-03-01',
    decidedOn: '2025-04-10',
    closedOn: '2025-04-20',
    enteredOn: '2025-04-12',
    archived: true,
    publicised: true,
    fullProcessRecorded: true,
    majorDecision: false,
    legalReviewed: false,
    fileReview: 'PASSED',
    fileReviewedOn: LATEST_FILE_REVIEW,
    overturned: false,
    overturnedOn: null,
    fineAmount: '2000.00',
    confiscationAmount: '0.00',
    minorViolationExempted: false,
    ...c,
  };
}

/** Every ASSESSED criterion of the rubric assessed at its maximum. */
export function fullAssessments(rubric: Rubric = RUBRIC): Assessment[] {
  return getRubricIndex(rubric)
    .criteria.filter((c) => c.source === 'ASSESSED')
    .map((c) => ({ criterionId: c.id, points: c.points, note: '材料齐全' }));
}

export function perfectStation(): StationFacts {
  const bCert = (n: string) => ({ number: `TS-${n}`, class: 'B' as const, expiresOn: '2027-12-31' });
  return {
    code: 'S130102001',
    profile: {
      name: '示范市场监督管理所',
      countyCode: '130102',
      approvedHeadcount: 10,
      duties: ['SPECIAL_EQUIPMENT', 'FOOD', 'DRUG', 'INDUSTRIAL_PRODUCT'],
      premises: {
        independent: true,
        rooms: [
          'OFFICE',
          'SERVICE_HALL',
          'EQUIPMENT_STORE',
          'INTERVIEW_ROOM',
          'MEDIATION_ROOM',
          'RAPID_TEST_LAB',
          'CONFISCATED_GOODS_STORE',
          'PARTY_ROOM',
          'ARCHIVE_ROOM',
          'MEETING_ROOM',
          'DUTY_ROOM',
          'REST_ROOM',
          'CANTEEN',
          'TOILET',
        ],
        internet: true,
        privateNetwork: true,
      },
    },
    personnel: [
      person('P01', {
        position: 'DIRECTOR',
        education: 'MASTER',
        hiredOn: '2008-07-01',
        specialEquipmentCert: bCert('01'),
        trainings: [training(2024, { offlineDays: 15, provincialTrainings: 1 }), training(2023, { offlineHours: 60, onlineHours: 40, provincialTrainings: 2 })],
      }),
      person('P02', { position: 'DEPUTY_DIRECTOR', majorCategory: 'FOOD', major: '食品科学', specialEquipmentCert: bCert('02') }),
      person('P03', { majorCategory: 'DRUG', major: '药学', staffingType: 'CIVIL_SERVANT_MANAGED' }),
      person('P04', { majorCategory: 'SPECIAL_EQUIPMENT', major: '机械工程', staffingType: 'PUBLIC_INSTITUTION', secondedMonths: 1 }),
      person('P05', { majorCategory: 'OTHER', major: '汉语言文学', informationAdministrator: true }),
      person('P06', { majorCategory: 'OTHER', major: '会计', education: 'DOCTORATE' }),
      person('P07', { majorCategory: 'OTHER', major: '行政管理', staffingType: 'WORKER' }),
      person('P08', { majorCategory: 'OTHER', major: '经济学', staffingType: 'OTHER_ESTABLISHED' }),
      person('P09', { majorCategory: 'MEDICINE', major: '临床医学', trainings: [training(2024, { offlineHours: 50, onlineHours: 40 })] }),
      person('P10', { majorCategory: 'INDUSTRIAL_PRODUCT', major: '材料学', hiredOn: '2024-08-01', enforcementCertNo: null, trainings: [training(2024, { onlineHours: 90 })] }),
      auxiliary('A01'),
      auxiliary('A02', { education: 'SECONDARY_OR_BELOW' }),
    ],
    equipment: [
      equipment('E01', 'DESKTOP_COMPUTER', 8),
      equipment('E02', 'LAPTOP', 3),
      equipment('E03', 'MULTIFUNCTION_PRINTER', 1),
      equipment('E04', 'VIDEO_CONFERENCE', 1),
      equipment('E05', 'CAR', 1),
      equipment('E06', 'E_BIKE', 2),
      equipment('E07', 'HANDHELD_TERMINAL', 5),
      equipment('E08', 'BODY_CAMERA', 5),
      equipment('E09', 'PROTECTIVE_EQUIPMENT', 2),
      equipment('E10', 'PORTABLE_PRINTER', 1),
      equipment('E11', 'RAPID_TEST_KIT', 2),
      equipment('E12', 'SURVEILLANCE_SYSTEM', 1),
      equipment('E13', 'FIRE_CONTROL_SYSTEM', 1),
      equipment('E14', 'HVAC', 1),
      equipment('E15', 'DESKTOP_COMPUTER', 4, { status: 'RETIRED' }),
    ],
    cases: [
      // closed before the sample, reviewed in an earlier review: neither counts now
      enforcementCase('C2024-001', { filedOn: '2024-09-01', decidedOn: '2024-10-10', closedOn: '2024-10-20', enteredOn: '2024-10-12', fileReviewedOn: '2024-11-30' }),
      enforcementCase('C2025-001'),
      enforcementCase('C2025-002', { majorDecision: true, legalReviewed: true, decidedOn: '2025-05-01', closedOn: '2025-05-20', enteredOn: '2025-05-08' }),
      enforcementCase('C2025-003', { decidedOn: '2025-03-01', closedOn: '2025-03-30', enteredOn: '2025-03-01', fileReview: 'NOT_REVIEWED', fileReviewedOn: null }),
      enforcementCase('C2025-S01', { procedure: 'SIMPLE', decidedOn: '2025-04-01', closedOn: '2025-04-01', enteredOn: null, archived: false, publicised: false }),
    ],
    complaintFigures: [
      {
        period: '2024',
        complaintsReceived: 100,
        complaintsCheckedOnTime: 100,
        complaintsClosed: 95,
        complaintsClosedOnTime: 95,
        mediationsAttempted: 50,
        mediationsSucceeded: 40,
        reportsReceived: 20,
        reportsVerifiedOnTime: 20,
        realNameReports: 5,
        realNameReportersNotified: 5,
      },
    ],
    mediationAverages: [
      { year: 2023, rate: 0.68 },
      { year: 2024, rate: 0.7 },
    ],
    certifications: [
      { year: 2025, items: { 1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 8: true, 9: true, 10: true, 11: true, 12: true }, certifiedBy: '某县市场监督管理局', certifiedOn: '2025-05-20' },
    ],
    bonusEvents: [],
    vetoEvents: [],
    annualReviews: [
      { year: 2024, subject: 'STATION', result: 'EXCELLENT' },
      { year: 2024, subject: 'P01', result: 'EXCELLENT' },
    ],
    assessments: fullAssessments(),
    missingItemMarks: [],
  };
}

/** Scores the perfect station after `mutate` changed it. */
export function scoreWith(mutate: (f: StationFacts) => void = () => {}, ctx: EvaluationContext = context()): ScoreResult {
  const facts = perfectStation();
  mutate(facts);
  return scoreStation(facts, ctx);
}

/** Mutable view of the facts' arrays, for tests that break one thing. */
export function people(f: StationFacts): Person[] {
  return f.personnel as Person[];
}
export function byId(f: StationFacts, externalId: string): Person {
  const p = f.personnel.find((x) => x.externalId === externalId);
  if (!p) throw new Error(externalId);
  return p;
}
export function removeAssessments(f: StationFacts, codes: readonly string[]): void {
  const ids = new Set(codes.map((code) => getRubricIndex(RUBRIC).criterionByCode.get(code)?.id));
  f.assessments = f.assessments.filter((a) => !ids.has(a.criterionId));
}
export function idOf(code: string): string {
  const c = getRubricIndex(RUBRIC).criterionByCode.get(code);
  if (!c) throw new Error(code);
  return c.id;
}

/** The result line of a criterion by code ("32③"). */
export function criterion(result: ScoreResult, code: string): CriterionResult {
  const found = result.criteria.find((c) => c.code === code);
  if (found === undefined) throw new Error(`no criterion ${code}`);
  return found;
}

/** Deep-freezes a value (to prove the engine never mutates its inputs). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * A copy of the rubric (under another version) in which the criteria of one data rule
 * carry other parameters: rules must read their thresholds from the rubric data.
 */
export function withParameters<K extends DataRuleId>(rule: K, parameters: DataRuleParameters[K], rubric: Rubric = RUBRIC): Rubric {
  return {
    ...rubric,
    version: `${rubric.version}+${rule}`,
    firstLevel: rubric.firstLevel.map((first) => ({
      ...first,
      children: first.children.map((second) => ({
        ...second,
        indicators: second.indicators.map((third) => ({
          ...third,
          criteria: third.criteria.map((c) => (c.source === 'DATA' && c.rule === rule ? { ...c, parameters: { ...parameters } } : c)),
        })),
      })),
    })),
  };
}
