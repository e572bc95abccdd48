// Data rules on the case ledger: 7④, 8①②③, 9①②.
//
// Interpretations (domain guide; 近2年 = [addYears(R, −2), R], inclusive):
// - The case sample of 7④ and 8 = GENERAL procedure cases with closedOn in the sample
//   window: the rubric's caseSampleMonths (4) calendar months ending with R's month
//   ("2023年2月至5月" for R = 2023-05-31), or the round's own window. Reasons name it.
// - 7④ each has enteredOn and enteredOn ≤ (decidedOn, or closedOn when there is no
//   decision date) + policy.caseEntryDeadlineDays, AND archived.
// - 8① each publicised; 8② each fullProcessRecorded; 8③ each with majorDecision has
//   legalReviewed, and cases but none major → met ("无重大执法决定").
// - Rules that prove a practice (7④, 8, 9①) score 0 with an empty sample.
// - 9① the county's latest case-file review (最近一次案卷评查): the reviewed files
//   (fileReview ≠ NOT_REVIEWED) whose review date (fileReviewedOn; the closing date for
//   files pushed without one) is the latest such date in 近2年; pass rate ≥ minPassPct.
//   No review in 近2年 → not met.
// - 9② no case overturned (overturnedOn; the closing or decision date for cases pushed
//   without one) in 近2年; no cases → met (absence of a bad event). 附件3 item 4 is added
//   by the engine.
import { pct, ReasonCache, reasonKey } from '../util.js';
import { describeWindow } from '../windows.js';
import { set, type RuleFn, type RuleInput, type RuleOutcome } from './rule-input.js';

/** Reason caches per case sample (its text), each keyed by small counts; bounded. */
class SampleCaches {
  private readonly bySample = new Map<string, ReasonCache>();
  for(sample: string): ReasonCache {
    let cache = this.bySample.get(sample);
    if (cache === undefined) {
      if (this.bySample.size >= 256) this.bySample.clear();
      this.bySample.set(sample, (cache = new ReasonCache()));
    }
    return cache;
  }
}

function noCases(x: RuleInput, out: RuleOutcome): void {
  set(out, 0, `窗口内无已办结的一般程序案件（${x.sampleText}）`);
}

/** Every general case in the sample passes; `bad` of them do not. */
function everyCase(caches: SampleCaches, x: RuleInput, max: number, out: RuleOutcome, bad: number, okText: string, badText: string): void {
  if (x.generalCases === 0) return noCases(x, out);
  const cache = caches.for(x.sampleText);
  const key = reasonKey(x.generalCases, bad);
  set(out, bad === 0 ? max : 0, cache.get(key) ?? cache.put(key, bad === 0 ? `${x.generalCasesWindowText()}，${okText}` : `${x.generalCasesWindowText()}，其中 ${bad} 件${badText}`));
}

/** By sample and deadline days (policy), then by counts. */
const ENTRY = new SampleCaches();
export const caseEntryAndArchiving: RuleFn<'CASE_ENTRY_AND_ARCHIVING'> = (x, max, out) => {
  if (x.generalCases === 0) return noCases(x, out);
  const late = x.lateEntries;
  const unarchived = x.unarchived;
  const days = x.caseEntryDeadlineDays;
  const ok = late === 0 && unarchived === 0;
  const cache = ENTRY.for(`${x.sampleText}/${days}`);
  const key = reasonKey(x.generalCases, late, unarchived);
  const cached = cache.get(key);
  if (cached !== undefined) return set(out, ok ? max : 0, cached);
  let text: string;
  if (ok) text = `${x.generalCasesWindowText()}，均在决定后${days}日内录入系统并归档`;
  else {
    const gaps: string[] = [];
    if (late > 0) gaps.push(`${late} 件未在决定后${days}日内录入系统`);
    if (unarchived > 0) gaps.push(`${unarchived} 件未归档`);
    text = `${x.generalCasesWindowText()}，其中 ${gaps.join('、')}`;
  }
  set(out, ok ? max : 0, cache.put(key, text));
};

const PUBLICITY = new SampleCaches();
const RECORDED = new SampleCaches();
export const casePublicity: RuleFn<'CASE_PUBLICITY'> = (x, max, out) => everyCase(PUBLICITY, x, max, out, x.unpublicised, '均已公示', '未公示');
export const caseFullProcessRecord: RuleFn<'CASE_FULL_PROCESS_RECORD'> = (x, max, out) =>
  everyCase(RECORDED, x, max, out, x.unrecorded, '均有执法全过程记录', '无执法全过程记录');

const LEGAL = new SampleCaches();
export const caseLegalReview: RuleFn<'CASE_LEGAL_REVIEW'> = (x, max, out) => {
  if (x.generalCases === 0) return noCases(x, out);
  const major = x.majorDecisions;
  const unreviewed = x.majorUnreviewed;
  const cache = LEGAL.for(x.sampleText);
  const key = reasonKey(x.generalCases, major, unreviewed);
  const w = x.generalCasesWindowText();
  const text =
    cache.get(key) ??
    cache.put(
      key,
      major === 0 ? `${w}，无重大执法决定` : unreviewed === 0 ? `${w}，重大执法决定 ${major} 件均经法制审核` : `${w}，重大执法决定 ${major} 件中 ${unreviewed} 件未经法制审核`,
    );
  set(out, unreviewed === 0 ? max : 0, text);
};

export const caseFileReview: RuleFn<'CASE_FILE_REVIEW'> = (x, max, out, p) => {
  const reviewed = x.reviewedFiles;
  const passed = x.passedFiles;
  if (reviewed === 0) return set(out, 0, `${describeWindow(x.recent2Years)}无案卷评查记录`);
  const ok = passed * 100 >= p.minPassPct * reviewed;
  set(
    out,
    ok ? max : 0,
    `最近一次案卷评查（${x.latestReviewOn}）评查 ${reviewed} 件，合格 ${passed} 件，合格率 ${pct(passed, reviewed)} ${ok ? '≥' : '<'} ${p.minPassPct}%`,
  );
};

const OVERTURNED = new ReasonCache();
export const noOverturnedCases: RuleFn<'NO_OVERTURNED_CASES'> = (x, max, out) => {
  const key = reasonKey(x.recent2Years, x.overturned);
  const w = describeWindow(x.recent2Years);
  const text = OVERTURNED.get(key) ?? OVERTURNED.put(key, x.overturned === 0 ? `${w}无因行政复议、行政诉讼被纠错的案件` : `${w}因行政复议、行政诉讼被纠错的案件 ${x.overturned} 件`);
  set(out, x.overturned === 0 ? max : 0, text);
};
