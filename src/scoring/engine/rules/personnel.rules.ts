// Data rules on the roster (附件2) and annual reviews: 18②, 29③, 30②, 31①, 31③, 32①②③,
// 33, 36①②, 37①, 46①.
//
// Interpretations decided for this product (R = cut-off, Y = its year; see the domain guide):
// - 工作人员 in every ratio = established staff (在编): staffingType ≠ AUXILIARY (note 11).
//   A rate with a zero denominator is never met. Thresholds are inclusive (exactly 60% /
//   40% / 10% / 6 months / 12 days / 90 hours meet them) and compared in integers.
// - 所长 = anyone on the roster with position DIRECTOR; with several, one qualifying is enough.
// - 30② bachelor or higher (BACHELOR, MASTER, DOCTORATE) and a non-empty enforcementCertNo.
// - 31① established count ≥ approvedHeadcount, which must be > 0 ("未核定编制数").
// - 31③ established staff with secondedMonths > 0: count ≤ 10% of approvedHeadcount
//   (count × 10 ≤ headcount) AND their months sum to ≤ 6 (半年); 附件3 item 10 is added by
//   the engine from the criterion's data.
// - 32③ established staff holding a class B certificate valid on R (expiresOn ≥ R); class A
//   does not count. A station without SPECIAL_EQUIPMENT duty has 32③ as a missing item
//   (rubric data `requiresDuty`), so this rule only runs for stations with the duty.
// - 33 established staff hired before addYears(R, −2) (strictly) or with no hire date must
//   hold an enforcement certificate; if every established member is newer, all are exempt
//   (met); no established staff → not met.
// - 36① established staff hired on or before 31 Dec Y−1 (or undated): for year Y−1,
//   offlineDays ≥ 12 or offlineHours + onlineHours ≥ 90 (days and hours never converted);
//   no training row = 0; rows of the same year are added. Nobody to check → not met.
// - 36② a director with provincialTrainings ≥ 1 in both Y−1 and Y−2.
// - 37① every established member's lastHealthCheckOn in 近1年 [addYears(R, −1), R].
// - 46① anyone on the roster (any staffing type) flagged informationAdministrator.
// - 18② no disciplinary record of anyone on the roster dated in 近2年; 附件3 item 5 is added
//   by the engine. Nobody disciplined is the absence of a bad event: met.
// - 29③ an annual review of subject STATION with result EXCELLENT for Y−1 or Y−2.
import type { Person } from '../../../domain/station-data.js';
import type { Education } from '../../../domain/vocabulary.js';
import { hasText, pct, ReasonCache, reasonKey, yearSlot } from '../util.js';
import { describeWindow } from '../windows.js';
import { BACHELOR_OR_HIGHER, set, type RuleFn } from './rule-input.js';

const EDUCATION_LABEL: Readonly<Record<Education, string>> = {
  DOCTORATE: '博士研究生',
  MASTER: '硕士研究生',
  BACHELOR: '本科',
  ASSOCIATE: '大专',
  SECONDARY_OR_BELOW: '中专及以下',
};

const QUALIFIED: Partial<Record<string, string>> = Object.fromEntries(
  Object.entries(EDUCATION_LABEL).map(([education, label]) => [education, `所长${label}学历且持执法证`]),
);

const NO_ESTABLISHED = '无在编人员，比例无法计算';

export const directorQualified: RuleFn = (x, max, out) => {
  if (x.directors === 0) return set(out, 0, '未登记所长');
  const qualified = x.firstQualifiedDirector;
  if (qualified !== null) return set(out, max, QUALIFIED[qualified.education] ?? `所长${EDUCATION_LABEL[qualified.education]}学历且持执法证`);
  if (x.directors > 1) return set(out, 0, `所长 ${x.directors} 人均未同时具备本科及以上学历和执法证`);
  const d = x.firstDirector as Person;
  const gaps: string[] = [];
  if (!BACHELOR_OR_HIGHER.has(d.education)) gaps.push(`学历为${EDUCATION_LABEL[d.education] ?? '未知'}，未达本科`);
  if (!hasText(d.enforcementCertNo)) gaps.push('无执法证');
  set(out, 0, `所长${gaps.join('，')}`);
};

// Reasons built from a few small integers are cached by those integers (util.ts ReasonCache).
const STAFF = new ReasonCache();
export const staffComplement: RuleFn = (x, max, out) => {
  const headcount = x.facts.profile.approvedHeadcount;
  const n = x.established;
  if (!(headcount > 0)) return set(out, 0, `在编 ${n} 人，未核定编制数`);
  const key = reasonKey(n, headcount);
  const text = STAFF.get(key) ?? STAFF.put(key, n >= headcount ? `在编 ${n} 人，编制 ${headcount} 人，已配齐` : `在编 ${n} 人，编制 ${headcount} 人，未配齐`);
  set(out, n >= headcount ? max : 0, text);
};

export const secondmentLimits: RuleFn = (x, max, out) => {
  const headcount = Math.max(0, x.facts.profile.approvedHeadcount || 0);
  const count = x.seconded;
  const months = x.secondedMonths;
  if (count === 0) return set(out, max, '近2年无借出人员');
  const countOk = count * 10 <= headcount;
  const monthsOk = months <= 6;
  const key = reasonKey(count, headcount, months);
  const text = SECONDED.get(key) ?? SECONDED.put(key, `借出 ${count} 人${countOk ? '≤' : '>'}编制 ${headcount} 人的10%，累计借出 ${months} 个月${monthsOk ? '≤' : '>'}6个月`);
  set(out, countOk && monthsOk ? max : 0, text);
};
const SECONDED = new ReasonCache();

function share(cache: ReasonCache, label: string, thresholdPct: number, k: number, n: number, max: number, out: Parameters<RuleFn>[2]): void {
  if (n === 0) return set(out, 0, NO_ESTABLISHED);
  const ok = k * 100 >= thresholdPct * n;
  const key = reasonKey(k, n);
  set(out, ok ? max : 0, cache.get(key) ?? cache.put(key, `${label} ${k}/${n} = ${pct(k, n)} ${ok ? '≥' : '<'} ${thresholdPct}%`));
}

const BACHELORS = new ReasonCache();
const MAJORS = new ReasonCache();
export const bachelorShare: RuleFn = (x, max, out) => share(BACHELORS, '本科及以上', 60, x.bachelors, x.established, max, out);
export const relevantMajorShare: RuleFn = (x, max, out) => share(MAJORS, '相关专业背景', 40, x.relevantMajors, x.established, max, out);

const INSPECTORS = new ReasonCache();
export const specialEquipmentInspectors: RuleFn = (x, max, out) => {
  const valid = x.seValid;
  const key = reasonKey(valid, x.seExpired, x.seOtherClass);
  const cached = INSPECTORS.get(key);
  if (cached !== undefined) return set(out, valid >= 2 ? max : 0, cached);
  const ignored: string[] = [];
  if (x.seExpired > 0) ignored.push(`已过期B类证 ${x.seExpired} 人`);
  if (x.seOtherClass > 0) ignored.push(`A类证 ${x.seOtherClass} 人`);
  const note = ignored.length > 0 ? `（${ignored.join('、')}不计）` : '';
  set(out, valid >= 2 ? max : 0, INSPECTORS.put(key, `在编人员持有效B类安全监察员证 ${valid} 人 ${valid >= 2 ? '≥' : '<'} 2 人${note}`));
};

export const enforcementCertCoverage: RuleFn = (x, max, out) => {
  const n = x.established;
  if (n === 0) return set(out, 0, '无在编人员');
  const subject = x.certSubject;
  const certified = x.certCertified;
  if (subject === 0) return set(out, max, `在编 ${n} 人均为两年内新录用，全部豁免`);
  const key = reasonKey(n, subject, certified);
  const cached = CERTIFIED.get(key);
  if (cached !== undefined) return set(out, certified === subject ? max : 0, cached);
  const exempt = n - subject;
  const exemptNote = exempt > 0 ? `（两年内新录用 ${exempt} 人除外）` : '';
  if (certified === subject) set(out, max, CERTIFIED.put(key, `两年前录用的在编人员 ${subject} 人全部持执法证${exemptNote}`));
  else set(out, 0, CERTIFIED.put(key, `两年前录用的在编人员持执法证 ${certified}/${subject} = ${pct(certified, subject)} < 100%${exemptNote}`));
};
const CERTIFIED = new ReasonCache();

export const annualTraining: RuleFn = (x, max, out) => {
  const year = x.year - 1;
  const subject = x.trainingSubject;
  const ok = x.trainingOk;
  if (subject === 0) return set(out, 0, `无${year}年底前在编的工作人员，无法考核${year}年度培训`);
  const key = reasonKey(yearSlot(year), ok, subject);
  set(out, ok === subject ? max : 0, TRAINED.get(key) ?? TRAINED.put(key, `${year}年度培训达标（脱产≥12天或脱产加线上≥90学时）${ok}/${subject} 人${ok === subject ? '' : '，未全部达标'}`));
};
const TRAINED = new ReasonCache();

const DIRECTOR_TRAINED = new ReasonCache();
export const directorProvincialTraining: RuleFn = (x, max, out) => {
  if (x.directors === 0) return set(out, 0, '未登记所长');
  const y1 = x.year - 1;
  const y2 = x.year - 2;
  if (x.directorTrainedBothYears) return set(out, max, DIRECTOR_TRAINED.get(yearSlot(y1)) ?? DIRECTOR_TRAINED.put(yearSlot(y1), `所长${y1}、${y2}年度均参加省级以上示范培训或跨地区交流`));
  if (x.directors > 1) return set(out, 0, `所长 ${x.directors} 人均未在${y1}、${y2}年度每年参加省级以上示范培训或跨地区交流`);
  set(out, 0, `所长省级以上示范培训或跨地区交流：${y1}年度 ${x.firstDirectorProvincialY1} 次、${y2}年度 ${x.firstDirectorProvincialY2} 次，未达每年不少于1次`);
};

export const healthChecks: RuleFn = (x, max, out) => {
  const n = x.established;
  if (n === 0) return set(out, 0, '无在编人员');
  const ok = x.healthOk;
  const key = reasonKey(x.recent1Years, ok, n);
  set(out, ok === n ? max : 0, HEALTH.get(key) ?? HEALTH.put(key, `${describeWindow(x.recent1Years)}体检 ${ok}/${n} 人`));
};
const HEALTH = new ReasonCache();

const ADMINS = new ReasonCache();
export const informationAdministrator: RuleFn = (x, max, out) => {
  const k = x.informationAdministrators;
  if (k > 0) set(out, max, ADMINS.get(reasonKey(k)) ?? ADMINS.put(reasonKey(k), `配有信息管理员 ${k} 人`));
  else set(out, 0, '未配备信息管理员');
};

export const noDisciplinaryRecords: RuleFn = (x, max, out) => {
  const key = reasonKey(x.recent2Years, x.disciplinaryRecords, x.disciplinedPeople);
  const text =
    RECORDS.get(key) ??
    RECORDS.put(
      key,
      x.disciplinaryRecords === 0
        ? `${describeWindow(x.recent2Years)}无违规违纪记录`
        : `${describeWindow(x.recent2Years)}违规违纪记录 ${x.disciplinaryRecords} 条（${x.disciplinedPeople} 人）`,
    );
  set(out, x.disciplinaryRecords === 0 ? max : 0, text);
};
const RECORDS = new ReasonCache();

const EXCELLENT = new ReasonCache();
export const stationRatedExcellent: RuleFn = (x, max, out) => {
  const key = reasonKey(yearSlot(x.year), x.excellentYear === 0 ? 0 : x.year - x.excellentYear);
  const text = EXCELLENT.get(key) ?? EXCELLENT.put(key, x.excellentYear === 0 ? `${x.year - 1}、${x.year - 2}年度考核均未获优秀等次` : `${x.excellentYear}年度考核获优秀等次`);
  set(out, x.excellentYear === 0 ? 0 : max, text);
};
