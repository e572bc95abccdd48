// The case ledger (执法办案台账): about 36 cases filed over the ~15 months before asOf,
// about two in three under the general procedure, numbered per procedure and year.
import type { EnforcementCase } from '../domain/station-data.js';
import type { Duty } from '../domain/vocabulary.js';
import { dayOf, isoDay, pad } from './calendar.js';
import type { StationContext } from './context.js';
import { anonymisedPerson, brand } from './names.js';
import { Rng, weighted } from './random.js';

// Read once: global lookups are slow inside a vm context (Jest), see random.ts.
const { floor, min } = Math;

export const CASE_WINDOW_DAYS = 456; // about 15 months
export const MEAN_CASES = 36;
/** Entered into the case system within this many days of the decision (province default). */
export const ENTRY_LIMIT_DAYS = 7;

/** What kind of business a violation is found in, and what it was, by duty. */
const BY_DUTY: Readonly<Record<Duty, { businesses: readonly string[]; violations: readonly string[] }>> = {
  FOOD: {
    businesses: ['超市', '便利店', '副食店', '饭店', '快餐店', '面馆', '烧烤店', '蛋糕店', '熟食店', '粮油店'],
    violations: [
      '经营超过保质期的食品',
      '未取得食品经营许可从事食品经营活动',
      '经营标签不符合规定的预包装食品',
      '未按规定建立并遵守进货查验记录制度',
      '从业人员未取得健康证明从事接触直接入口食品工作',
      '餐饮服务场所环境卫生不符合要求',
      '经营腐败变质的食品',
    ],
  },
  DRUG: {
    businesses: ['大药房', '药店', '医药连锁门店'],
    violations: ['未凭处方销售处方药', '药品购销记录不完整', '经营劣药', '执业药师不在岗销售处方药'],
  },
  MEDICAL_DEVICE: {
    businesses: ['医疗器械经营部', '康复用品店'],
    violations: ['经营未取得注册证的医疗器械', '未按规定建立医疗器械进货查验记录'],
  },
  COSMETICS: {
    businesses: ['化妆品店', '美容院', '美发店'],
    violations: ['经营超过使用期限的化妆品', '经营标签不符合规定的化妆品'],
  },
  SPECIAL_EQUIPMENT: {
    businesses: ['物业服务有限公司', '电梯工程有限公司', '燃气有限公司', '游乐园', '宾馆'],
    violations: [
      '使用未经定期检验的特种设备',
      '特种设备作业人员未取得相应资格',
      '未按规定对电梯进行维护保养',
      '使用未办理使用登记的特种设备',
    ],
  },
  INDUSTRIAL_PRODUCT: {
    businesses: ['五金建材店', '电动车销售店', '建材有限公司', '加油站', '家电商场'],
    violations: ['销售不合格产品', '销售国家明令淘汰的产品', '以次充好销售产品', '销售不符合强制性标准的电动自行车'],
  },
  PRICE: {
    businesses: ['停车场', '宾馆', '超市', '加油站'],
    violations: ['不明码标价', '价格欺诈', '收取未予标明的费用'],
  },
  ADVERTISING: {
    businesses: ['广告传媒有限公司', '房地产开发有限公司', '教育培训学校', '养生馆'],
    violations: ['发布虚假广告', '广告使用绝对化用语', '发布违法医疗广告'],
  },
  MARKET_ENTRY: {
    businesses: ['商贸有限公司', '服装店', '烟酒店', '网吧', '眼镜店'],
    violations: ['未按规定公示营业执照', '未按规定报送年度报告', '擅自改变登记事项从事经营', '无照经营'],
  },
  CONSUMER_PROTECTION: {
    businesses: ['家电商场', '健身中心', '手机销售店', '家具城'],
    violations: ['侵害消费者合法权益', '拒不履行七日无理由退货义务', '使用不公平格式条款'],
  },
  OTHER: {
    businesses: ['眼镜店', '农贸市场摊位', '服装店'],
    violations: ['销售侵犯注册商标专用权的商品', '使用未经检定的计量器具'],
  },
};

/** How often each duty gives rise to a case (food dominates the ledgers). */
const DUTY_WEIGHT: Readonly<Record<Duty, number>> = {
  FOOD: 0.36,
  MARKET_ENTRY: 0.12,
  DRUG: 0.08,
  PRICE: 0.08,
  INDUSTRIAL_PRODUCT: 0.07,
  SPECIAL_EQUIPMENT: 0.06,
  ADVERTISING: 0.05,
  CONSUMER_PROTECTION: 0.06,
  MEDICAL_DEVICE: 0.04,
  COSMETICS: 0.04,
  OTHER: 0.04,
};

/** Fine bands in yuan; general-procedure fines are rounded to 100 yuan. */
type Band = readonly [number, number];
const GENERAL_FINE_BANDS = weighted<Band>([
  [[500, 2_000], 0.3],
  [[2_000, 10_000], 0.4],
  [[10_000, 50_000], 0.22],
  [[50_000, 200_000], 0.08],
]);
const MAJOR_FINE_BANDS = weighted<Band>([
  [[20_000, 100_000], 0.6],
  [[100_000, 500_000], 0.4],
]);

interface Draft {
  c: EnforcementCase;
  filedDay: number;
}

export function generateCases(ctx: StationContext): EnforcementCase[] {
  const rng = ctx.rng.fork('cases');
  const asOfDay = ctx.province.asOfDay;
  const count = rng.bellInt(MEAN_CASES, 11, 3, 90);
  const duties = weighted([...ctx.duties].map((d) => [d, DUTY_WEIGHT[d]] as const));
  const place = ctx.county.name.slice(0, 2);

  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const general = rng.chance(0.65);
    const filedDay = asOfDay - rng.int(0, CASE_WINDOW_DAYS);
    const duty = rng.pickWeighted(duties);
    const topic = BY_DUTY[duty];
    const c = general ? generalCase(rng, ctx, filedDay) : simpleCase(rng, ctx, filedDay);
    c.target = target(rng, topic.businesses, place);
    c.violation = rng.chance(0.99) ? rng.pick(topic.violations) : null;
    drafts.push({ c, filedDay });
  }

  // Numbered per procedure and filing year in filing order; other stations of the county
  // draw from the same series, hence the gaps.
  drafts.sort((a, b) => a.filedDay - b.filedDay);
  const next = new Map<string, number>();
  for (const d of drafts) {
    const year = d.c.filedOn!.slice(0, 4);
    const series = `${d.c.procedure === 'GENERAL' ? 'CF' : 'JY'}-${year}`;
    const n = (next.get(series) ?? 0) + rng.int(1, 3);
    next.set(series, n);
    d.c.caseNumber = `${series}-${pad(n, 4)}`;
  }
  return drafts.map((d) => d.c);
}

function generalCase(rng: Rng, ctx: StationContext, filedDay: number): EnforcementCase {
  const t = ctx.traits;
  const asOfDay = ctx.province.asOfDay;
  // 立案 to decision usually within 90 days, extended now and then.
  const decidedDay = filedDay + (rng.chance(0.95) ? rng.int(7, 85) : rng.int(86, 170));
  const closedDay = decidedDay + rng.int(3, 45);
  const decided = decidedDay <= asOfDay;
  const closed = closedDay <= asOfDay;
  const major = decided && rng.chance(0.15);
  const exempted = decided && !major && rng.chance(0.08);
  const late = !t.caseEntryCompliant && rng.chance(0.1);
  const enteredDay = decidedDay + (late ? rng.int(ENTRY_LIMIT_DAYS + 1, 40) : entryDelay(rng));
  const reviewed = closed && rng.chance(0.3);

  let fine = 0;
  let confiscation = 0;
  if (decided && !exempted) {
    const [lo, hi] = rng.pickWeighted(major ? MAJOR_FINE_BANDS : GENERAL_FINE_BANDS);
    fine = rng.int(lo / 100, hi / 100) * 100 * 100;
    if (rng.chance(0.25)) confiscation = rng.int(5_000, 3_000_000);
  }
  return dateReviewAndOverturn(
    {
    caseNumber: '',
    procedure: 'GENERAL',
    target: '',
    violation: null,
    filedOn: isoDay(filedDay),
    decidedOn: decided ? isoDay(decidedDay) : null,
    closedOn: closed ? isoDay(closedDay) : null,
    // A decision entered on time is entered by asOf at the latest; a late one may still be pending.
    enteredOn: !decided ? null : enteredDay <= asOfDay ? isoDay(enteredDay) : late ? null : isoDay(asOfDay),
    archived: closed && (t.caseRecordCompliant || rng.chance(0.9)),
    publicised: decided && (t.casePublicityCompliant || rng.chance(0.9)),
    fullProcessRecorded: t.caseRecordCompliant || rng.chance(0.92),
    majorDecision: major,
    legalReviewed: decided && (major ? t.legalReviewCompliant || rng.chance(0.8) : rng.chance(0.6)),
    fileReview: !reviewed ? 'NOT_REVIEWED' : !t.fileReviewClean && rng.chance(0.15) ? 'FAILED' : 'PASSED',
    overturned: decided && rng.chance(0.004),
    fineAmount: yuan(fine),
    confiscationAmount: yuan(confiscation),
    minorViolationExempted: exempted,
    },
    closedDay,
    decidedDay,
    asOfDay,
  );
}

/** 当场处罚: decided on the spot, so filed and decided the same day; small fines. */
function simpleCase(rng: Rng, ctx: StationContext, day: number): EnforcementCase {
  const t = ctx.traits;
  const asOfDay = ctx.province.asOfDay;
  const closedDay = day + rng.int(0, 15);
  const closed = closedDay <= asOfDay;
  const enteredDay = min(asOfDay, day + entryDelay(rng));
  const warningOnly = rng.chance(0.1);
  // Up to 200 yuan for a person, 3,000 for a business (行政处罚法 art. 51).
  const fine = warningOnly ? 0 : rng.chance(0.4) ? rng.int(1, 4) * 5_000 : rng.int(1, 60) * 5_000;
  return dateReviewAndOverturn(
    {
    caseNumber: '',
    procedure: 'SIMPLE',
    target: '',
    violation: null,
    filedOn: isoDay(day),
    decidedOn: isoDay(day),
    closedOn: closed ? isoDay(closedDay) : null,
    enteredOn: isoDay(enteredDay),
    archived: closed && (t.caseRecordCompliant || rng.chance(0.9)),
    publicised: rng.chance(0.85),
    fullProcessRecorded: t.caseRecordCompliant || rng.chance(0.92),
    majorDecision: false,
    legalReviewed: false,
    fileReview: closed && rng.chance(0.05) ? 'PASSED' : 'NOT_REVIEWED',
    overturned: false,
    fineAmount: yuan(fine),
    confiscationAmount: '0.00',
    minorViolationExempted: false,
    },
    closedDay,
    day,
    asOfDay,
  );
}

/**
 * Dates a file review and an overturn without drawing random numbers (the streams of every
 * other field stay as they were). The county reviews case files (案卷评查) twice a year, on
 * 15 June and 15 December: a file drawn for review is judged at the first review after it
 * closed, or not yet when that is after asOf. An overturn comes 30 to 179 days after the
 * decision, or has not come yet.
 */
function dateReviewAndOverturn(c: EnforcementCase, closedDay: number, decidedDay: number, asOfDay: number): EnforcementCase {
  if (c.fileReview !== 'NOT_REVIEWED') {
    const reviewDay = nextFileReview(closedDay);
    if (reviewDay <= asOfDay) c.fileReviewedOn = isoDay(reviewDay);
    else c.fileReview = 'NOT_REVIEWED';
  }
  if (c.overturned) {
    const overturnDay = decidedDay + 30 + (((decidedDay % 150) + 150) % 150);
    if (overturnDay <= asOfDay) c.overturnedOn = isoDay(overturnDay);
    else c.overturned = false;
  }
  return c;
}

/** The first county file review (15 June or 15 December) on or after a day. */
function nextFileReview(day: number): number {
  const year = Number(isoDay(day).slice(0, 4));
  for (const date of [`${year}-06-15`, `${year}-12-15`, `${year + 1}-06-15`]) {
    const review = dayOf(date);
    if (review >= day) return review;
  }
  return day;
}

/** Days from decision to system entry: mostly the same or next day, always within the limit. */
function entryDelay(rng: Rng): number {
  const r = rng.next();
  return r < 0.5 ? 0 : r < 0.8 ? rng.int(1, 2) : rng.int(3, ENTRY_LIMIT_DAYS);
}

/** 福顺超市, 新华鑫盛商贸有限公司, or an individual published as 张某某. */
function target(rng: Rng, businesses: readonly string[], place: string): string {
  const r = rng.next();
  if (r < 0.12) return anonymisedPerson(rng);
  const kind = rng.pick(businesses);
  return kind.endsWith('公司') || r < 0.45 ? `${place}${brand(rng)}${kind}` : `${brand(rng)}${kind}`;
}

/** Fen → "1234.56". */
export function yuan(fen: number): string {
  const whole = floor(fen / 100);
  const cents = fen % 100;
  return `${whole}.${cents < 10 ? '0' : ''}${cents}`;
}
