// The roster (附件2 人员一览表): 10-15 people, one director, one or two deputies, staff,
// with 15-25% auxiliary (编外) staff at the end of the list.
import { addYears } from '../domain/dates.js';
import type { DisciplinaryRecord, Person, SpecialEquipmentCert, TrainingYear } from '../domain/station-data.js';
import type { Education, MajorCategory, Position, StaffingType } from '../domain/vocabulary.js';
import { isoDay, isoMonth, pad, startOfYear } from './calendar.js';
import type { StationContext } from './context.js';
import { personName } from './names.js';
import { Rng, weighted } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { max, min, round } = Math;

const HEADCOUNT = weighted([
  [10, 0.12],
  [11, 0.2],
  [12, 0.26],
  [13, 0.2],
  [14, 0.12],
  [15, 0.1],
] as const);

export const MAJORS: Readonly<Record<MajorCategory, readonly string[]>> = {
  LAW: ['法学', '法律事务', '经济法学', '知识产权', '行政执法'],
  FOOD: ['食品科学与工程', '食品质量与安全', '食品营养与检测', '粮食工程', '乳品工程'],
  DRUG: ['药学', '中药学', '药物制剂', '药事管理', '制药工程'],
  MEDICINE: ['临床医学', '预防医学', '医学检验技术', '护理学', '中医学'],
  INDUSTRIAL_PRODUCT: ['机械设计制造及其自动化', '材料科学与工程', '质量管理工程', '标准化工程', '化学工程与工艺', '电气工程及其自动化'],
  SPECIAL_EQUIPMENT: ['过程装备与控制工程', '安全工程', '特种设备检测技术', '起重运输机械设计', '热能与动力工程'],
  OTHER: ['汉语言文学', '会计学', '计算机科学与技术', '行政管理', '工商管理', '市场营销', '经济学', '英语', '思想政治教育', '新闻学'],
};
const SECONDARY_MAJORS = ['计算机应用', '会计', '文秘', '机电技术应用'];

const CATEGORY_ESTABLISHED = weighted<MajorCategory>([
  ['LAW', 0.22],
  ['FOOD', 0.09],
  ['DRUG', 0.05],
  ['MEDICINE', 0.04],
  ['INDUSTRIAL_PRODUCT', 0.07],
  ['SPECIAL_EQUIPMENT', 0.03],
  ['OTHER', 0.5],
]);
const CATEGORY_AUXILIARY = weighted<MajorCategory>([
  ['LAW', 0.1],
  ['FOOD', 0.06],
  ['DRUG', 0.03],
  ['MEDICINE', 0.03],
  ['INDUSTRIAL_PRODUCT', 0.04],
  ['SPECIAL_EQUIPMENT', 0.01],
  ['OTHER', 0.73],
]);

const EDUCATION_LEADER = weighted<Education>([
  ['DOCTORATE', 0.005],
  ['MASTER', 0.15],
  ['BACHELOR', 0.8],
  ['ASSOCIATE', 0.045],
]);
const EDUCATION_ESTABLISHED = weighted<Education>([
  ['DOCTORATE', 0.003],
  ['MASTER', 0.1],
  ['BACHELOR', 0.68],
  ['ASSOCIATE', 0.177],
  ['SECONDARY_OR_BELOW', 0.04],
]);
const EDUCATION_AUXILIARY = weighted<Education>([
  ['MASTER', 0.02],
  ['BACHELOR', 0.38],
  ['ASSOCIATE', 0.42],
  ['SECONDARY_OR_BELOW', 0.18],
]);

const STAFFING_LEADER = weighted<StaffingType>([
  ['ADMINISTRATIVE', 0.7],
  ['CIVIL_SERVANT_MANAGED', 0.3],
]);
const STAFFING_ESTABLISHED = weighted<StaffingType>([
  ['ADMINISTRATIVE', 0.42],
  ['CIVIL_SERVANT_MANAGED', 0.28],
  ['PUBLIC_INSTITUTION', 0.18],
  ['WORKER', 0.05],
  ['OTHER_ESTABLISHED', 0.07],
]);

const DISCIPLINE_KINDS = weighted([
  ['警告', 0.6],
  ['记过', 0.3],
  ['记大过', 0.07],
  ['降级', 0.03],
] as const);
const DISCIPLINE_REASONS = [
  '违反工作纪律，工作日饮酒',
  '执法程序不规范造成不良影响',
  '违规收受管理服务对象礼品',
  '履行监管职责不到位',
  '违反中央八项规定精神',
];

export function isEstablished(p: Pick<Person, 'staffingType'>): boolean {
  return p.staffingType !== 'AUXILIARY';
}

/** Established staff holding an enforcement certificate (执法人员). */
export function isEnforcementOfficer(p: Pick<Person, 'staffingType' | 'enforcementCertNo'>): boolean {
  return isEstablished(p) && p.enforcementCertNo !== null;
}

interface Draft {
  person: Person;
  hiredDay: number;
  recent: boolean;
}

export function generatePersonnel(ctx: StationContext): Person[] {
  const rng = ctx.rng.fork('personnel');
  const size = rng.pickWeighted(HEADCOUNT);
  const positions = stationPositions(rng, size);
  const staffCount = positions.filter((p) => p === 'STAFF').length;
  const auxiliary = min(staffCount, round(size * rng.real(0.15, 0.25)));
  const firstAux = size - auxiliary;
  const drafts = positions.map((position, i) => draftPerson(rng, ctx, position, i, i >= firstAux));

  const established = drafts.filter((d) => isEstablished(d.person));
  assignEnforcementCerts(rng, ctx, drafts, established);
  assignSpecialEquipmentCerts(rng, ctx, established);
  assignSecondments(rng, established);
  assignTrainings(rng, ctx, drafts);
  assignHealthChecks(rng, ctx, drafts);
  assignInformationAdministrators(rng, drafts);
  maybeDiscipline(rng, ctx, established);
  return drafts.map((d) => d.person);
}

/** A director (rarely vacant), one or two deputies, the rest staff. */
function stationPositions(rng: Rng, size: number): Position[] {
  const positions: Position[] = [];
  if (!rng.chance(0.01)) positions.push('DIRECTOR'); // a vacant director post is rare
  const deputies = rng.chance(0.55) ? 1 : 2;
  for (let i = 0; i < deputies; i++) positions.push('DEPUTY_DIRECTOR');
  while (positions.length < size) positions.push('STAFF');
  return positions;
}

/** One person's profile: age by position, hiring date, education, major and staffing type. */
function draftPerson(rng: Rng, ctx: StationContext, position: Position, i: number, aux: boolean): Draft {
  const { asOfDay, year: Y } = ctx.province;
  const leader = position !== 'STAFF';
  const recent = !leader && rng.chance(aux ? 0.25 : 0.1);
  const age =
    position === 'DIRECTOR'
      ? rng.int(38, 56)
      : position === 'DEPUTY_DIRECTOR'
        ? rng.int(33, 56)
        : recent
          ? rng.int(25, 32)
          : aux
            ? rng.int(25, 50)
            : rng.int(25, 58);
  // Born `age` years before Y: at asOf the person is age or age − 1, so always 24..58.
  const birthYear = Y - age;
  const birthMonth = rng.int(1, 12);
  const earliestHire = startOfYear(birthYear + 22) + 180;
  const hiredDay = recent
    ? asOfDay - rng.int(30, 700)
    : rng.int(max(earliestHire, asOfDay - 35 * 365), asOfDay - 731);

  const education = rng.pickWeighted(leader ? EDUCATION_LEADER : aux ? EDUCATION_AUXILIARY : EDUCATION_ESTABLISHED);
  let major: string | null;
  let majorCategory: MajorCategory;
  if (education === 'SECONDARY_OR_BELOW') {
    majorCategory = 'OTHER';
    major = rng.chance(0.3) ? rng.pick(SECONDARY_MAJORS) : null;
  } else {
    majorCategory = rng.pickWeighted(aux ? CATEGORY_AUXILIARY : CATEGORY_ESTABLISHED);
    major = rng.pick(MAJORS[majorCategory]);
  }
  const staffingType: StaffingType = aux
    ? 'AUXILIARY'
    : rng.pickWeighted(leader ? STAFFING_LEADER : STAFFING_ESTABLISHED);

  const person: Person = {
    externalId: `P${pad(i + 1, 4)}`,
    name: personName(rng, rng.chance(aux ? 0.5 : 0.38)),
    position,
    birthMonth: isoMonth(birthYear, birthMonth),
    education,
    major,
    majorCategory,
    staffingType,
    enforcementCertNo: null,
    specialEquipmentCert: null,
    hiredOn: isoDay(hiredDay),
    secondedMonths: 0,
    trainings: [],
    lastHealthCheckOn: null,
    informationAdministrator: false,
    disciplinaryRecords: [],
  };
  return { person, hiredDay, recent };
}

/**
 * Enforcement certificates: every established veteran at a compliant station; elsewhere
 * one or two of them lack one. Newcomers get theirs within two years.
 */
function assignEnforcementCerts(rng: Rng, ctx: StationContext, drafts: Draft[], established: Draft[]): void {
  const veterans = established.filter((d) => !d.recent);
  const missingCert = new Set<Draft>(
    ctx.traits.certCompliant ? [] : rng.sample(veterans.filter((d) => d.person.position !== 'DIRECTOR'), rng.int(1, 2)),
  );
  const certPrefix = `${ctx.province.layout.provinceAbbr}执${ctx.county.code}${ctx.code.slice(6)}`;
  drafts.forEach((d, i) => {
    if (!isEstablished(d.person)) return;
    const has =
      d.person.position === 'DIRECTOR'
        ? ctx.traits.certCompliant || rng.chance(0.95)
        : d.recent
          ? rng.chance(0.45)
          : !missingCert.has(d);
    if (has) d.person.enforcementCertNo = `${certPrefix}${pad(i + 1, 2)}`;
  });
}

/** One information administrator, sometimes two; usually younger established staff. */
function assignInformationAdministrators(rng: Rng, drafts: Draft[]): void {
  const adminPool = drafts.filter((d) => d.person.position === 'STAFF');
  const admins = rng.sample(adminPool.length > 0 ? adminPool : drafts, rng.chance(0.75) ? 1 : 2);
  for (const d of admins) d.person.informationAdministrator = true;
}

/** A disciplinary sanction at about one station in fifty. */
function maybeDiscipline(rng: Rng, ctx: StationContext, established: Draft[]): void {
  if (!rng.chance(0.02) || established.length === 0) return;
  const d = rng.pick(established);
  const kind = rng.pickWeighted(DISCIPLINE_KINDS);
  const record: DisciplinaryRecord = {
    date: isoDay(ctx.province.asOfDay - rng.int(1, 3 * 365 - 1)),
    kind,
    description: `因${rng.pick(DISCIPLINE_REASONS)}，受到政务${kind}处分`,
  };
  d.person.disciplinaryRecords.push(record);
}

/** Class-B inspector certificates for 1-3 established staff at special-equipment stations. */
function assignSpecialEquipmentCerts(rng: Rng, ctx: StationContext, established: Draft[]): void {
  const count = ctx.traits.specialEquipmentDuty
    ? rng.pickWeighted(SE_CERT_HOLDERS)
    : rng.chance(0.05)
      ? 1 // transferred in from a station that had the duty
      : 0;
  if (count === 0) return;
  // People with an engineering background are the likelier holders.
  const ranked = established
    .map((d) => {
      const c = d.person.majorCategory;
      const bias = c === 'SPECIAL_EQUIPMENT' ? 2 : c === 'INDUSTRIAL_PRODUCT' ? 1 : 0;
      return { d, key: bias + rng.next() * 1.5 };
    })
    .sort((a, b) => b.key - a.key);
  const abbr = ctx.province.layout.provinceAbbr;
  const asOfDay = ctx.province.asOfDay;
  for (const { d } of ranked.slice(0, count)) {
    const expired = rng.chance(0.12);
    const issued = expired ? asOfDay - rng.int(4 * 365 + 2, 6 * 365) : asOfDay - rng.int(60, 4 * 365 - 30);
    const issuedOn = isoDay(issued);
    const cert: SpecialEquipmentCert = {
      number: `${abbr}TSJ${issuedOn.slice(0, 4)}${pad(rng.int(1, 9999), 4)}`,
      class: rng.chance(0.03) ? 'A' : 'B',
      // Valid for four years; a valid certificate expires after asOf, which is the point.
      expiresOn: addYears(issuedOn, 4),
    };
    d.person.specialEquipmentCert = cert;
  }
}
const SE_CERT_HOLDERS = weighted([
  [1, 0.25],
  [2, 0.45],
  [3, 0.3],
] as const);

/** Mostly nobody is seconded out; sometimes one person, rarely two, for 1-8 months. */
function assignSecondments(rng: Rng, established: Draft[]): void {
  const pool = established.filter((d) => d.person.position !== 'DIRECTOR');
  const r = rng.next();
  if (r < 0.7 || pool.length === 0) return;
  if (r < 0.92) {
    rng.pick(pool).person.secondedMonths = rng.int(1, 6);
    return;
  }
  for (const d of rng.sample(pool, rng.int(1, 2))) d.person.secondedMonths = rng.int(1, 8);
}

/**
 * Training for Y−1 and Y−2: either offline days (5-20) or offline hours (40-120), plus
 * online hours (10-80). The target is offline days ≥ 12 or offline + online hours ≥ 90.
 */
function assignTrainings(rng: Rng, ctx: StationContext, drafts: Draft[]): void {
  const Y = ctx.province.year;
  const traits = ctx.traits;
  const established = drafts.filter((d) => isEstablished(d.person));
  const shortLastYear = new Set<Draft>(traits.trainingCompliant ? [] : rng.sample(established, rng.int(1, 3)));
  const directorMissYear = traits.directorTrainedProvincially ? 0 : rng.pick([Y - 1, Y - 2]);
  for (const d of drafts) {
    const p = d.person;
    for (const y of [Y - 2, Y - 1]) {
      if (d.hiredDay >= startOfYear(y + 1)) continue; // not yet on the payroll that year
      const meets = !isEstablished(p)
        ? rng.chance(0.6)
        : y === Y - 1
          ? !shortLastYear.has(d)
          : rng.chance(traits.trainingCompliant ? 0.92 : 0.8);
      let provincialTrainings = 0;
      if (p.position === 'DIRECTOR') provincialTrainings = y === directorMissYear ? 0 : rng.int(1, 2);
      else if (p.position === 'DEPUTY_DIRECTOR') provincialTrainings = rng.chance(0.2) ? 1 : 0;
      else if (isEstablished(p)) provincialTrainings = rng.chance(0.04) ? 1 : 0;
      p.trainings.push(trainingYear(rng, y, meets, provincialTrainings));
    }
  }
}

function trainingYear(rng: Rng, year: number, meets: boolean, provincialTrainings: number): TrainingYear {
  if (rng.chance(0.5)) {
    // Counted in days (脱产培训天数).
    return {
      year,
      offlineDays: meets ? rng.int(12, 20) : rng.int(5, 11),
      offlineHours: 0,
      onlineHours: rng.int(10, 80),
      provincialTrainings,
    };
  }
  const offlineHours = meets ? rng.int(40, 120) : rng.int(40, 79);
  const onlineHours = meets ? rng.int(max(10, 90 - offlineHours), 80) : rng.int(10, 89 - offlineHours);
  return { year, offlineDays: 0, offlineHours, onlineHours, provincialTrainings };
}

/** Most of a station is checked on the same day of a group health check. */
function assignHealthChecks(rng: Rng, ctx: StationContext, drafts: Draft[]): void {
  const asOfDay = ctx.province.asOfDay;
  const groupDay = asOfDay - rng.int(20, 330);
  const established = drafts.filter((d) => isEstablished(d.person));
  const lapsed = new Set<Draft>(ctx.traits.healthCompliant ? [] : rng.sample(established, rng.int(1, 3)));
  for (const d of drafts) {
    let day: number | null;
    if (lapsed.has(d) || (!isEstablished(d.person) && rng.chance(0.1))) {
      day = rng.chance(0.25) ? null : asOfDay - rng.int(370, 730);
    } else {
      day = rng.chance(0.8) ? groupDay : asOfDay - rng.int(0, 360);
    }
    // Nobody is checked before being hired.
    if (day !== null && day < d.hiredDay) day = d.hiredDay + rng.int(0, max(0, asOfDay - d.hiredDay));
    d.person.lastHealthCheckOn = day === null ? null : isoDay(day);
  }
}
