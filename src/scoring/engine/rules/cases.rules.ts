// Data rules on the case ledger: 7④, 8①②③, 9①②.
//
// Interpretations decided for this product (近2年 = [addYears(R, −2), R], inclusive):
// - The window set for 7④ and 8 = GENERAL procedure cases with closedOn in 近2年.
// - 7④ each has enteredOn and enteredOn ≤ (decidedOn, or closedOn when there is no
//   decision date) + policy.caseEntryDeadlineDays, AND archived.
// - 8① each publicised; 8② each fullProcessRecorded; 8③ each with majorDecision has
//   legalReviewed, and cases but none major → met ("无重大执法决定").
// - Rules that prove a practice (7④, 8, 9①) score 0 with an empty window set.
// - 9① cases of either procedure closed in 近2年 whose fileReview ≠ NOT_REVIEWED: all
//   PASSED; none reviewed → not met.
// - 9② no case of either procedure with overturned and (closedOn ?? decidedOn) in 近2年;
//   no cases → met (absence of a bad event). 附件3 item 4 is added by the engine.
import { pct, ReasonCache, reasonKey } from '../util.js';
import { describeWindow } from '../windows.js';
import { set, type RuleFn, type RuleInput, type RuleOutcome } from './rule-input.js';

const NO_CASES = '窗口内无一般程序案件（近2年）';

// Reasons built from a few small integers are cached by those integers (util.ts ReasonCache).

function windowSet(x: RuleInput): string {
  return x.generalCasesWindowText();
}

/** Every general case in the window passes; `bad` of them do not. */
function everyCase(cache: ReasonCache, x: RuleInput, max: number, out: RuleOutcome, bad: number, okText: string, badText: string): void {
  if (x.generalCases === 0) return set(out, 0, NO_CASES);
  const key = reasonKey(x.recent2Years, x.generalCases, bad);
  set(out, bad === 0 ? max : 0, cache.get(key) ?? cache.put(key, bad === 0 ? `${windowSet(x)}，${okText}` : `${windowSet(x)}，其中 ${bad} 件${badText}`));
}

/** By deadline days (policy) × window years (rubric), then by counts. */
const ENTRY = new Map<number, ReasonCache>();
export const caseEntryAndArchiving: RuleFn = (x, max, out) => {
  if (x.generalCases === 0) return set(out, 0, NO_CASES);
  const late = x.lateEntries;
  const unarchived = x.unarchived;
  const days = x.caseEntryDeadlineDays;
  const ok = late === 0 && unarchived === 0;
  const setting = reasonKey(days, x.recent2Years);
  let cache = setting >= 0 ? (ENTRY.get(setting) ?? null) : null;
  if (cache === null && setting >= 0 && ENTRY.size < 64) ENTRY.set(setting, (cache = new ReasonCache()));
  const key = cache === null ? -1 : reasonKey(x.generalCases, late, unarchived);
  const cached = cache?.get(key);
  if (cached !== undefined) return set(out, ok ? max : 0, cached);
  let text: string;
  if (ok) text = `${windowSet(x)}，均在决定后${days}日内录入系统并归档`;
  else {
    const gaps: string[] = [];
    if (late > 0) gaps.push(`${late} 件未在决定后${days}日内录入系统`);
    if (unarchived > 0) gaps.push(`${unarchived} 件未归档`);
    text = `${windowSet(x)}，其中 ${gaps.join('、')}`;
  }
  set(out, ok ? max : 0, cache === null ? text : cache.put(key, text));
};

const PUBLICITY = new ReasonCache();
const RECORDED = new ReasonCache();
export const casePublicity: RuleFn = (x, max, out) => everyCase(PUBLICITY, x, max, out, x.unpublicised, '均已公示', '未公示');
export const caseFullProcessRecord: RuleFn = (x, max, out) => everyCase(RECORDED, x, max, out, x.unrecorded, '均有执法全过程记录', '无执法全过程记录');

const LEGAL = new ReasonCache();
export const caseLegalReview: RuleFn = (x, max, out) => {
  if (x.generalCases === 0) return set(out, 0, NO_CASES);
  const major = x.majorDecisions;
  const unreviewed = x.majorUnreviewed;
  const key = reasonKey(x.recent2Years, x.generalCases, major, unreviewed);
  const text =
    LEGAL.get(key) ??
    LEGAL.put(
      key,
      major === 0
        ? `${windowSet(x)}，无重大执法决定`
        : unreviewed === 0
          ? `${windowSet(x)}，重大执法决定 ${major} 件均经法制审核`
          : `${windowSet(x)}，重大执法决定 ${major} 件中 ${unreviewed} 件未经法制审核`,
    );
  set(out, unreviewed === 0 ? max : 0, text);
};

const FILES = new ReasonCache();
export const caseFileReview: RuleFn = (x, max, out) => {
  const reviewed = x.reviewedFiles;
  const passed = x.passedFiles;
  const key = reasonKey(x.recent2Years, reviewed, passed);
  const w = describeWindow(x.recent2Years);
  const text = FILES.get(key) ?? FILES.put(key, reviewed === 0 ? `${w}无经评查的办结案卷` : `${w}评查案卷 ${reviewed} 件，合格 ${passed} 件，合格率 ${pct(passed, reviewed)}`);
  set(out, reviewed > 0 && passed === reviewed ? max : 0, text);
};

const OVERTURNED = new ReasonCache();
export const noOverturnedCases: RuleFn = (x, max, out) => {
  const key = reasonKey(x.recent2Years, x.overturned);
  const w = describeWindow(x.recent2Years);
  const text = OVERTURNED.get(key) ?? OVERTURNED.put(key, x.overturned === 0 ? `${w}无因行政复议、行政诉讼被纠错的案件` : `${w}因行政复议、行政诉讼被纠错的案件 ${x.overturned} 件`);
  set(out, x.overturned === 0 ? max : 0, text);
};
