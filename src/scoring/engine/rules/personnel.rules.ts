// Data rules on the roster (附件2) and annual reviews: 18②, 29③, 30②, 31①, 31③, 32①②③,
// 33, 36①②, 37①, 46①.
//
// Interpretations (R = cut-off, Y = its year; see the domain guide). Every threshold is a
// parameter of its criterion in the rubric data (p below), not a number in this file.
// - The roster at R: people who left (leftOn ≤ R) are in no ratio and no count, except that
//   their disciplinary records still count for 18².
// - 工作人员 in every ratio = established staff (在编): staffingType ≠ AUXILIARY (note 11).
//   A rate with a zero denominator is never met. Thresholds are inclusive (exactly 60% /
//   40% / 10% / 6 months / 12 days / 90 hours meet them) and compared in integers.
// - 所长 = anyone on the roster with position DIRECTOR; with several, one qualifying is enough.
// - 30② bachelor or higher (BACHELOR, MASTER, DOCTORATE) and a non-empty enforcementCertNo.
// - 31① established count ≥ approvedHeadcount, which must be > 0 ("未核定编制数").
// - 31③ established staff with secondedMonths > 0: count ≤ maxSharePct (10%) of
//   approvedHeadcount AND their months sum to ≤ maxTotalMonths (6, 半年); 附件3 item 10 is
//   added by the engine from the criterion's data.
// - 32③ established staff holding a class B certificate valid on R (expiresOn ≥ R); class A
//   does not count. A station without SPECIAL_EQUIPMENT duty has 32③ as a missing item
//   (rubric data `requiresDuty`), so this rule only runs for stations with the duty.
// - 33 civil servants (公务员: 行政编 and 参公编, rubric civilServantStaffingTypes; 事业编,
//   工勤编, 其他编制 and auxiliaries are not counted) hired before addYears(R,
//   −newHireExemptYears) (strictly) or with no hire date must hold an enforcement
//   certificate; if every civil servant is newer, all are exempt (met); none → not met.
// - 36① established staff hired on or before 31 Dec of the year read (Y−1) or undated: that
//   year, offlineDays ≥ 12 or offlineHours + onlineHours ≥ 90 (days and hours never
//   converted); no training row = 0; rows of the same year are added. Nobody to check, or
//   no training reported for that year → not met. Until 31 March of Y the rolling
//   evaluation reads Y−2 when nobody on the roster has a row of Y−1 yet (and says so).
// - 36② a director with provincialTrainings ≥ minPerYear in each of `years` years ending
//   with the year read (Y−1 and Y−2; shifted back a year under the same fallback).
// - 37① every established member's lastHealthCheckOn in 近1年 [addYears(R, −1), R].
// - 46① anyone on the roster (any staffing type) flagged informationAdministrator.
// - 18② no disciplinary record of established staff (党员干部; auxiliaries are 附件3 item
//   11's matter) dated in 近2年, including people who have left since; 附件3 item 5 is
//   added by the engine. Nobody disciplined is the absence of a bad event: met.
// - 29③ an annual review of subject STATION with result EXCELLENT in one of `years` years
//   ending with Y−1 (Y−2 under the fallback above, when the station has no review of Y−1
//   yet); no station review reported for those years → not met, "未报送".
import type { Person } from '../../../domain/station-data.js';
import type { Education } from '../../../domain/vocabulary.js';
import { hasText, pct, ReasonCache, ReasonCachesByParameters, reasonKey, yearSlot } from '../util.js';
import { describeWindow } from '../windows.js';
import { yearNote } from './periods.js';
import { BACHELOR_OR_HIGHER, set, type RuleFn, type RuleOutcome } from './rule-input.js';

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

export const directorQualified: RuleFn<'DIRECTOR_QUALIFIED'> = (x, max, out) => {
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

// Reasons built from a few small integers are cached by those integers (util.ts ReasonCache),
// per parameter object when the text names a threshold.
const STAFF = new ReasonCache();
export const staffComplement: RuleFn<'STAFF_COMPLEMENT'> = (x, max, out) => {
  const headcount = x.facts.profile.approvedHeadcount;
  const n = x.established;
  if (!(headcount > 0)) return set(out, 0, `在编 ${n} 人，未核定编制数`);
  const key = reasonKey(n, headcount);
  const text = STAFF.get(key) ?? STAFF.put(key, n >= headcount ? `在编 ${n} 人，编制 ${headcount} 人，已配齐` : `在编 ${n} 人，编制 ${headcount} 人，未配齐`);
  set(out, n >= headcount ? max : 0, text);
};

const SECONDED = new ReasonCachesByParameters();
export const secondmentLimits: RuleFn<'SECONDMENT_LIMITS'> = (x, max, out, p) => {
  const headcount = Math.max(0, x.facts.profile.approvedHeadcount || 0);
  const count = x.seconded;
  const months = x.secondedMonths;
  if (count === 0) return set(out, max, '近2年无借出人员');
  const countOk = count * 100 <= p.maxSharePct * headcount;
  const monthsOk = months <= p.maxTotalMonths;
  const cache = SECONDED.for(p);
  const key = reasonKey(count, headcount, months);
  const text =
    cache.get(key) ??
    cache.put(key, `借出 ${count} 人${countOk ? '≤' : '>'}编制 ${headcount} 人的${p.maxSharePct}%，累计借出 ${months} 个月${monthsOk ? '≤' : '>'}${p.maxTotalMonths}个月`);
  set(out, countOk && monthsOk ? max : 0, text);
};

function share(caches: ReasonCachesByParameters, label: string, p: { readonly minSharePct: number }, k: number, n: number, max: number, out: RuleOutcome): void {
  if (n === 0) return set(out, 0, NO_ESTABLISHED);
  const ok = k * 100 >= p.minSharePct * n;
  const cache = caches.for(p);
  const key = reasonKey(k, n);
  set(out, ok ? max : 0, cache.get(key) ?? cache.put(key, `${label} ${k}/${n} = ${pct(k, n)} ${ok ? '≥' : '<'} ${p.minSharePct}%`));
}

const BACHELORS = new ReasonCachesByParameters();
const MAJORS = new ReasonCachesByParameters();
export const bachelorShare: RuleFn<'BACHELOR_SHARE'> = (x, max, out, p) => share(BACHELORS, '本科及以上', p, x.bachelors, x.established, max, out);
export const relevantMajorShare: RuleFn<'RELEVANT_MAJOR_SHARE'> = (x, max, out, p) => share(MAJORS, '相关专业背景', p, x.relevantMajors, x.established, max, out);

const INSPECTORS = new ReasonCachesByParameters();
export const specialEquipmentInspectors: RuleFn<'SPECIAL_EQUIPMENT_INSPECTORS'> = (x, max, out, p) => {
  const valid = x.seValid;
  const ok = valid >= p.minInspectors;
  const cache = INSPECTORS.for(p);
  const key = reasonKey(valid, x.seExpired, x.seOtherClass);
  const cached = cache.get(key);
  if (cached !== undefined) return set(out, ok ? max : 0, cached);
  const ignored: string[] = [];
  if (x.seExpired > 0) ignored.push(`已过期B类证 ${x.seExpired} 人`);
  if (x.seOtherClass > 0) ignored.push(`A类证 ${x.seOtherClass} 人`);
  const note = ignored.length > 0 ? `（${ignored.join('、')}不计）` : '';
  set(out, ok ? max : 0, cache.put(key, `在编人员持有效B类安全监察员证 ${valid} 人 ${ok ? '≥' : '<'} ${p.minInspectors} 人${note}`));
};

const CERTIFIED = new ReasonCachesByParameters();
export const enforcementCertCoverage: RuleFn<'ENFORCEMENT_CERT_COVERAGE'> = (x, max, out, p) => {
  const n = x.civilServants;
  if (n === 0) return set(out, 0, '无公务员（行政编、参公编）');
  const subject = x.certSubject;
  const certified = x.certCertified;
  const years = p.newHireExemptYears;
  if (subject === 0) return set(out, max, `公务员 ${n} 人均为${years}年内新录用，全部豁免`);
  const cache = CERTIFIED.for(p);
  const key = reasonKey(n, subject, certified);
  const cached = cache.get(key);
  if (cached !== undefined) return set(out, certified === subject ? max : 0, cached);
  const exempt = n - subject;
  const exemptNote = exempt > 0 ? `（${years}年内新录用 ${exempt} 人除外）` : '';
  if (certified === subject) set(out, max, cache.put(key, `${years}年前录用的公务员 ${subject} 人全部持执法证${exemptNote}`));
  else set(out, 0, cache.put(key, `${years}年前录用的公务员持执法证 ${certified}/${subject} = ${pct(certified, subject)} < 100%${exemptNote}`));
};

const TRAINED = new ReasonCachesByParameters();
export const annualTraining: RuleFn<'ANNUAL_TRAINING'> = (x, max, out, p) => {
  const used = x.trainingYear;
  const year = used.year;
  const subject = x.trainingSubject;
  const ok = x.trainingOk;
  if (subject === 0) return set(out, 0, `无${year}年底前在编的工作人员，无法考核${year}年度培训`);
  if (!x.trainingReported) return set(out, 0, `${year}年度培训数据未报送`);
  const cache = TRAINED.for(p);
  const key = reasonKey(yearSlot(year), ok, subject, used.missing === 0 ? 0 : 1);
  const text =
    cache.get(key) ??
    cache.put(
      key,
      `${yearNote(x, used)}${year}年度培训达标（脱产≥${p.minOfflineDays}天或脱产加线上≥${p.minTotalHours}学时）${ok}/${subject} 人${ok === subject ? '' : '，未全部达标'}`,
    );
  set(out, ok === subject ? max : 0, text);
};

const YEAR_LISTS = new Map<number, string>();

/** "2025、2024年度" for the years read, newest first (built once per distinct list, up to a bound). */
function yearList(last: number, years: number): string {
  const key = last * 64 + years;
  let text = Number.isInteger(key) && years < 64 ? YEAR_LISTS.get(key) : undefined;
  if (text === undefined) {
    text = `${Array.from({ length: years }, (_, i) => last - i).join('、')}年度`;
    if (YEAR_LISTS.size < 1024 && Number.isInteger(key) && years < 64) YEAR_LISTS.set(key, text);
  }
  return text;
}

export const directorProvincialTraining: RuleFn<'DIRECTOR_PROVINCIAL_TRAINING'> = (x, max, out, p) => {
  if (x.directors === 0) return set(out, 0, '未登记所长');
  const used = x.trainingYear;
  const note = yearNote(x, used);
  const years = Math.max(1, p.years);
  if (x.directorTrainedEveryYear) return set(out, max, `${note}所长${yearList(used.year, years)}均参加省级以上示范培训或跨地区交流`);
  if (x.directors > 1) return set(out, 0, `${note}所长 ${x.directors} 人均未在${yearList(used.year, years)}每年参加省级以上示范培训或跨地区交流`);
  const counts = x.firstDirectorProvincial.map((n, i) => `${used.year - i}年度 ${n} 次`).join('、');
  set(out, 0, `${note}所长省级以上示范培训或跨地区交流：${counts}，未达每年不少于${p.minPerYear}次`);
};

export const healthChecks: RuleFn<'HEALTH_CHECKS'> = (x, max, out) => {
  const n = x.established;
  if (n === 0) return set(out, 0, '无在编人员');
  const ok = x.healthOk;
  const key = reasonKey(x.recent1Years, ok, n);
  set(out, ok === n ? max : 0, HEALTH.get(key) ?? HEALTH.put(key, `${describeWindow(x.recent1Years)}体检 ${ok}/${n} 人`));
};
const HEALTH = new ReasonCache();

const ADMINS = new ReasonCache();
export const informationAdministrator: RuleFn<'INFORMATION_ADMINISTRATOR'> = (x, max, out) => {
  const k = x.informationAdministrators;
  if (k > 0) set(out, max, ADMINS.get(reasonKey(k)) ?? ADMINS.put(reasonKey(k), `配有信息管理员 ${k} 人`));
  else set(out, 0, '未配备信息管理员');
};

export const noDisciplinaryRecords: RuleFn<'NO_DISCIPLINARY_RECORDS'> = (x, max, out) => {
  const key = reasonKey(x.recent2Years, x.disciplinaryRecords, x.disciplinedPeople);
  const w = describeWindow(x.recent2Years);
  const text =
    RECORDS.get(key) ??
    RECORDS.put(key, x.disciplinaryRecords === 0 ? `${w}在编人员无违规违纪记录` : `${w}在编人员违规违纪记录 ${x.disciplinaryRecords} 条（${x.disciplinedPeople} 人）`);
  set(out, x.disciplinaryRecords === 0 ? max : 0, text);
};
const RECORDS = new ReasonCache();

export const stationRatedExcellent: RuleFn<'STATION_RATED_EXCELLENT'> = (x, max, out) => {
  const used = x.reviewYear;
  const years = yearList(used.year, x.reviewYears);
  const note = yearNote(x, used);
  if (!x.reviewsReported) return set(out, 0, `${note}${years}考核结果未报送`);
  if (x.excellentYear === 0) return set(out, 0, `${note}${years}考核均未获优秀等次`);
  set(out, max, `${note}${x.excellentYear}年度考核获优秀等次`);
};
