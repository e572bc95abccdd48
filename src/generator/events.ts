// County certifications (附件3), bonus events (加分), veto events (否定项) and annual reviews.
// They are kept consistent with the rest of the bundle: a disciplinary record can bring a
// STAFF_DISCIPLINED veto and a "no" on certification item 5, an overturned case a "no" on
// item 4, heavy secondment a "no" on item 10.
import type {
  AnnualReview,
  BonusEvent,
  Certification,
  CertificationItems,
  EnforcementCase,
  Person,
  VetoEventInput,
} from '../domain/station-data.js';
import type { AnnualReviewResult, BonusCategory, BonusLevel, VetoKind } from '../domain/vocabulary.js';
import { COLLECTIVE_SUBJECT, STATION_SUBJECT } from '../domain/vocabulary.js';
import { dayOf, isoDay, startOfYear } from './calendar.js';
import type { StationContext } from './context.js';
import { isEstablished } from './personnel.js';
import { Rng, weighted, type WeightedTable } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { min } = Math;

const TWO_YEARS = 730;
const FIVE_YEARS = 5 * 365;

// ---- certifications -----------------------------------------------------------------------

export const CERTIFICATION_ITEMS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

export function generateCertifications(
  ctx: StationContext,
  personnel: readonly Person[],
  cases: readonly EnforcementCase[],
  approvedHeadcount: number,
): Certification[] {
  const rng = ctx.rng.fork('certifications');
  const { year: Y, asOfDay } = ctx.province;
  const since = asOfDay - TWO_YEARS;
  const overturned = cases.some((c) => c.overturned && c.decidedOn !== null && dayOf(c.decidedOn) >= since);
  const disciplined = personnel.some((p) => p.disciplinaryRecords.some((r) => dayOf(r.date) >= since));
  const seconded = personnel.filter((p) => p.secondedMonths > 0);
  const secondedMonths = seconded.reduce((sum, p) => sum + p.secondedMonths, 0);
  const secondmentTooLong = secondedMonths > 6 || seconded.length > approvedHeadcount * 0.1;

  const out: Certification[] = [];
  for (const year of [Y - 1, Y]) {
    const items: CertificationItems = {};
    const pYes = 0.9 + 0.09 * ctx.traits.quality;
    for (const item of CERTIFICATION_ITEMS) items[item] = rng.chance(pYes);
    if (year === Y) {
      // The county attests what its own data says.
      if (overturned) items['4'] = false;
      if (disciplined) items['5'] = rng.chance(0.1);
      if (secondmentTooLong) items['10'] = false;
      else items['10'] = rng.chance(0.99);
    }
    if (rng.chance(0.02)) delete items[rng.pick(CERTIFICATION_ITEMS)]; // a blank box counts as no
    const first = startOfYear(year);
    const last = min(asOfDay, startOfYear(year + 1) - 1);
    // Rounds are mostly certified in spring; the current year's cannot be later than asOf.
    const preferred = first + rng.int(60, 150);
    const day = preferred <= last ? preferred : first + rng.int(0, last - first);
    out.push({ year, items, certifiedBy: ctx.county.bureauName, certifiedOn: isoDay(day) });
  }
  return out;
}

// ---- bonus events -------------------------------------------------------------------------

const BONUS_COUNT = weighted([
  [0, 0.35],
  [1, 0.3],
  [2, 0.2],
  [3, 0.1],
  [4, 0.05],
] as const);

const BONUS_CATEGORY = weighted<BonusCategory>([
  ['AWARD', 0.2],
  ['COMMENDATION', 0.2],
  ['INNOVATION_ADOPTED', 0.08],
  ['TALENT_POOL', 0.08],
  ['TYPICAL_CASE', 0.12],
  ['EXPERIENCE_SHARING', 0.14],
  ['COMPETITION_TOP3', 0.1],
  ['OTHER', 0.08],
]);

/** The levels at which the rubric gives points for each category (plus the odd county one). */
const BONUS_LEVELS: Readonly<Record<BonusCategory, WeightedTable<BonusLevel>>> = {
  AWARD: weighted<BonusLevel>([
    ['NATIONAL', 0.03],
    ['PROVINCIAL', 0.27],
    ['MUNICIPAL', 0.6],
    ['COUNTY', 0.1],
  ]),
  COMMENDATION: weighted<BonusLevel>([
    ['PROVINCIAL', 0.3],
    ['MUNICIPAL', 0.7],
  ]),
  INNOVATION_ADOPTED: weighted<BonusLevel>([
    ['PROVINCIAL', 0.15],
    ['MUNICIPAL', 0.45],
    ['COUNTY', 0.4],
  ]),
  TALENT_POOL: weighted<BonusLevel>([
    ['PROVINCIAL', 0.3],
    ['MUNICIPAL', 0.7],
  ]),
  TYPICAL_CASE: weighted<BonusLevel>([
    ['PROVINCIAL', 0.35],
    ['MUNICIPAL', 0.65],
  ]),
  EXPERIENCE_SHARING: weighted<BonusLevel>([
    ['PROVINCIAL', 0.3],
    ['MUNICIPAL', 0.7],
  ]),
  COMPETITION_TOP3: weighted<BonusLevel>([
    ['PROVINCIAL', 0.3],
    ['MUNICIPAL', 0.7],
  ]),
  OTHER: weighted<BonusLevel>([
    ['PROVINCIAL', 0.1],
    ['MUNICIPAL', 0.3],
    ['COUNTY', 0.6],
  ]),
};

/** Share of events of a category about one person rather than the station. */
const PERSONAL_SHARE: Readonly<Record<BonusCategory, number>> = {
  AWARD: 0.35,
  COMMENDATION: 0.3,
  INNOVATION_ADOPTED: 0,
  TALENT_POOL: 1,
  TYPICAL_CASE: 0,
  EXPERIENCE_SHARING: 0.5,
  COMPETITION_TOP3: 0.5,
  OTHER: 0.2,
};

export function generateBonusEvents(ctx: StationContext, personnel: readonly Person[]): BonusEvent[] {
  const rng = ctx.rng.fork('bonus');
  const asOfDay = ctx.province.asOfDay;
  let count = rng.pickWeighted(BONUS_COUNT);
  if (count < 4 && rng.chance(ctx.traits.quality * 0.3)) count++;
  const drafts: Array<Omit<BonusEvent, 'eventKey'>> = [];
  for (let i = 0; i < count; i++) {
    const category = rng.pickWeighted(BONUS_CATEGORY);
    const level = rng.pickWeighted(BONUS_LEVELS[category]);
    // Awards count for five years, the rest for two; older ones are still on file.
    const day =
      category === 'AWARD' || rng.chance(0.25) ? asOfDay - rng.int(0, FIVE_YEARS - 1) : asOfDay - rng.int(0, TWO_YEARS - 1);
    // A person is named only if already on the staff then; otherwise it was the station's.
    const date = isoDay(day);
    // ISO dates compare as strings.
    const eligible = personnel.filter((p) => p.hiredOn !== null && p.hiredOn <= date);
    const person = eligible.length > 0 && rng.chance(PERSONAL_SHARE[category]) ? rng.pick(eligible) : null;
    drafts.push({
      category,
      level,
      date,
      subject: person ? person.externalId : COLLECTIVE_SUBJECT,
      description: bonusDescription(rng, ctx, category, level, person),
      points: category === 'OTHER' ? rng.int(1, 4) / 2 : null,
    });
  }
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return drafts.map((d, i) => ({ eventKey: `B-${ctx.code}-${i + 1}`, ...d }));
}

function organ(ctx: StationContext, level: BonusLevel, party: boolean): string {
  const { provinceName } = ctx.province.layout;
  switch (level) {
    case 'NATIONAL':
      return party ? '党中央、国务院' : '国家市场监督管理总局';
    case 'PROVINCIAL':
      return party ? `${provinceName}委、省政府` : `${provinceName}市场监督管理局`;
    case 'MUNICIPAL':
      return party ? `${ctx.county.cityName}委、市政府` : `${ctx.county.cityName}市场监督管理局`;
    case 'COUNTY':
      return party ? `${ctx.county.name}委、${ctx.county.name}政府` : ctx.county.bureauName;
  }
}

function bonusDescription(
  rng: Rng,
  ctx: StationContext,
  category: BonusCategory,
  level: BonusLevel,
  person: Person | null,
): string {
  const who = person ? person.name : '本所';
  const by = organ(ctx, level, rng.chance(0.4));
  switch (category) {
    case 'AWARD':
      return person
        ? `${who}被${by}评为${rng.pick(['优秀公务员', '先进工作者', '三八红旗手', '优秀共产党员'])}`
        : `本所被${by}授予“${rng.pick(['先进集体', '人民满意的基层站所', '巾帼文明岗', '青年文明号', '先进基层党组织'])}”称号`;
    case 'COMMENDATION':
      return `${who}在${rng.pick(['食品安全专项整治', '特种设备安全大排查', '消费维权', '“双随机、一公开”监管', '重大活动保障'])}工作中成绩突出，受到${by}通报表扬`;
    case 'INNOVATION_ADOPTED':
      return `本所首创的“${rng.pick(['信用风险分类监管', '网格化巡查', '明厨亮灶智慧监管', '首违不罚清单', '个体户登记帮办'])}”做法得到${by}肯定并推广`;
    case 'TALENT_POOL':
      return `${who}入选${by}${rng.pick(['执法办案人才库', '食品安全专家库', '特种设备安全人才库', '法治人才库'])}`;
    case 'TYPICAL_CASE':
      return `本所查办的${rng.pick(['销售侵犯注册商标专用权商品案', '发布虚假广告案', '经营超过保质期食品案', '价格欺诈案', '销售不合格电动自行车案'])}被${by}作为典型案例发布`;
    case 'EXPERIENCE_SHARING':
      return `${who}在${by}召开的${rng.pick(['基层所规范化建设现场会', '专项工作推进会', '业务培训班'])}上作经验交流`;
    case 'COMPETITION_TOP3':
      return `${who}在${by}组织的${rng.pick(['执法办案', '食品安全', '特种设备', '消费维权'])}业务竞赛中获得第${rng.int(1, 3)}名`;
    case 'OTHER':
      return rng.pick(['所在乡镇政府专函表扬', '工作经验被主流媒体正面报道', '群众赠送锦旗表扬', '协助破获制假售假窝点']);
  }
}

// ---- veto events --------------------------------------------------------------------------

const INDEPENDENT_VETO = weighted<VetoKind>([
  ['SUPERVISION_FAILURE', 0.6],
  ['RATING_FRAUD', 0.15],
  ['OTHER', 0.25],
]);

export function generateVetoEvents(ctx: StationContext, personnel: readonly Person[]): VetoEventInput[] {
  const rng = ctx.rng.fork('veto');
  const asOfDay = ctx.province.asOfDay;
  const out: VetoEventInput[] = [];
  // A recent disciplinary sanction is usually reported as a veto as well.
  for (const p of personnel) {
    for (const r of p.disciplinaryRecords) {
      if (dayOf(r.date) > asOfDay - TWO_YEARS && rng.chance(0.6)) {
        out.push({ kind: 'STAFF_DISCIPLINED', date: r.date, description: `${p.name}${r.description}`, personExternalId: p.externalId });
      }
    }
  }
  if (rng.chance(0.012)) {
    const kind = rng.pickWeighted(INDEPENDENT_VETO);
    const person = kind === 'SUPERVISION_FAILURE' && personnel.length > 0 && rng.chance(0.3) ? rng.pick(personnel) : null;
    out.push({
      kind,
      date: isoDay(asOfDay - rng.int(0, TWO_YEARS - 1)),
      description: vetoDescription(rng, kind),
      personExternalId: person ? person.externalId : null,
    });
  }
  return out;
}

function vetoDescription(rng: Rng, kind: VetoKind): string {
  switch (kind) {
    case 'SUPERVISION_FAILURE':
      return rng.pick([
        '辖区发生食品安全事件，因日常监管不到位被上级通报',
        '辖区电梯困人事件处置不力，造成不良社会影响',
        '对群众反映的问题长期未处理，被媒体曝光',
      ]);
    case 'RATING_FRAUD':
      return '在星级评定申报中提供不实材料';
    case 'OTHER':
      return rng.pick(['所内发生重大网络舆情事件，不宜参加等级评定', '正在接受专项审计，暂不宜参加等级评定']);
    case 'STAFF_DISCIPLINED':
      return '工作人员受到处分';
    case 'ANNUAL_REVIEW_FAILED':
      return '年度考核不合格';
  }
}

// ---- annual reviews -----------------------------------------------------------------------

export function generateAnnualReviews(ctx: StationContext, personnel: readonly Person[]): AnnualReview[] {
  const rng = ctx.rng.fork('reviews');
  const Y = ctx.province.year;
  const q = ctx.traits.quality;
  const station = weighted<AnnualReviewResult>([
    ['EXCELLENT', 0.1 + 0.4 * q],
    ['COMPETENT', 0.87 - 0.4 * q],
    ['BASICALLY_COMPETENT', 0.025],
    ['INCOMPETENT', 0.005],
  ]);
  const out: AnnualReview[] = [
    { year: Y - 2, subject: STATION_SUBJECT, result: rng.pickWeighted(station) },
    { year: Y - 1, subject: STATION_SUBJECT, result: rng.pickWeighted(station) },
  ];
  // Leaders and a few staff who were on the roster for all of Y−1.
  const yearStart = `${Y - 1}-01-01`;
  const onStaff = personnel.filter((p) => isEstablished(p) && p.hiredOn !== null && p.hiredOn < yearStart);
  const leaders = onStaff.filter((p) => p.position !== 'STAFF' && rng.chance(0.9));
  const staff = rng.sample(
    onStaff.filter((p) => p.position === 'STAFF'),
    rng.int(0, 3),
  );
  for (const p of [...leaders, ...staff]) {
    out.push({ year: Y - 1, subject: p.externalId, result: rng.pickWeighted(PERSON_RESULT) });
  }
  return out;
}

const PERSON_RESULT = weighted<AnnualReviewResult>([
  ['EXCELLENT', 0.2],
  ['COMPETENT', 0.788],
  ['BASICALLY_COMPETENT', 0.011],
  ['INCOMPETENT', 0.001],
]);
