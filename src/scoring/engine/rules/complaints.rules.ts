// Data rules on 12315 figures: 10①②.
//
// Interpretations (domain guide, "Periods"; Y = the cut-off's year):
// - Both use the last complete calendar year Y−1 (the document scores a 2023 round on
//   2022 figures). Monthly rows are summed into their year; a yearly row ('YYYY') wins
//   over that year's months. Until 31 March of Y the rolling evaluation uses Y−2 (and its
//   national average) for a station with no figures of Y−1 yet, and says so; after that,
//   or in a round, no figures → not met, "未报送".
// - 10① complaintsCheckedOnTime/complaintsReceived ≥ minCheckedOnTimePct AND
//   complaintsClosedOnTime/complaintsClosed ≥ minClosedOnTimePct (both 100%) AND
//   mediationsSucceeded/mediationsAttempted strictly above the national average of that
//   year (mediationAverages; none → not met, "无全国平均值"). The comparison is exact in
//   integers with the average taken to 6 decimals.
// - 10② reportsVerifiedOnTime/reportsReceived ≥ minVerifiedOnTimePct AND (no real-name
//   reports, or realNameReportersNotified/realNameReports ≥ minNotifiedPct).
// - A zero denominator is never 100%, except the real-name notification rate, which is
//   met when there were no real-name reports.
import { fractionPct, pct } from '../util.js';
import { yearNote } from './periods.js';
import { set, type RuleFn, type RuleInput, type YearFigures } from './rule-input.js';

function header(x: RuleInput, f: YearFigures): string {
  return `${yearNote(x, x.complaintsYear)}${f.months > 0 ? `${f.year}年度（${f.months}个月合计）` : `${f.year}年度`}`;
}

/** part/whole ≥ minPct, in integers; a zero whole never meets it. */
function meets(part: number, whole: number, minPct: number): boolean {
  return whole > 0 && part * 100 >= minPct * whole;
}

/** "按时初查率 100%" or "按时初查率 95% < 100%"; `emptyText` when there is nothing to rate. */
function rateText(label: string, part: number, whole: number, minPct: number, emptyText: string): string {
  if (!(whole > 0)) return emptyText;
  return meets(part, whole, minPct) ? `${label} ${pct(part, whole)}` : `${label} ${pct(part, whole)} < ${minPct}%`;
}

export const complaintHandling: RuleFn<'COMPLAINT_HANDLING'> = (x, max, out, p) => {
  const f = x.complaintsLastYear;
  if (f === null) return set(out, 0, `${x.complaintsYear.year}年度12315投诉数据未报送`);
  const c = f.counts;
  const checkedOk = meets(c.complaintsCheckedOnTime, c.complaintsReceived, p.minCheckedOnTimePct);
  const closedOk = meets(c.complaintsClosedOnTime, c.complaintsClosed, p.minClosedOnTimePct);
  const checked = rateText('投诉按时初查率', c.complaintsCheckedOnTime, c.complaintsReceived, p.minCheckedOnTimePct, '受理投诉0件，按时初查率无法计算');
  const closed = rateText('按时办结率', c.complaintsClosedOnTime, c.complaintsClosed, p.minClosedOnTimePct, '办结投诉0件，按时办结率无法计算');
  let mediationOk = false;
  let mediation: string;
  const avg = x.mediationAverageLastYear;
  if (!(c.mediationsAttempted > 0)) mediation = '调解0件，调解成功率无法计算';
  else if (avg === null) mediation = `调解成功率 ${pct(c.mediationsSucceeded, c.mediationsAttempted)}，无全国平均值`;
  else {
    const avgMicro = Math.round(avg * 1_000_000);
    mediationOk = c.mediationsSucceeded * 1_000_000 > avgMicro * c.mediationsAttempted;
    mediation = `调解成功率 ${pct(c.mediationsSucceeded, c.mediationsAttempted)} ${mediationOk ? '>' : '≤'} 全国平均 ${fractionPct(avg)}`;
  }
  set(out, checkedOk && closedOk && mediationOk ? max : 0, `${header(x, f)}：${checked}，${closed}，${mediation}`);
};

export const reportHandling: RuleFn<'REPORT_HANDLING'> = (x, max, out, p) => {
  const f = x.complaintsLastYear;
  if (f === null) return set(out, 0, `${x.complaintsYear.year}年度12315举报数据未报送`);
  const c = f.counts;
  const verifiedOk = meets(c.reportsVerifiedOnTime, c.reportsReceived, p.minVerifiedOnTimePct);
  const verified = rateText('举报按时核查率', c.reportsVerifiedOnTime, c.reportsReceived, p.minVerifiedOnTimePct, '受理举报0件，按时核查率无法计算');
  let notifiedOk = true;
  let notified = '无实名举报';
  if (c.realNameReports > 0) {
    notifiedOk = meets(c.realNameReportersNotified, c.realNameReports, p.minNotifiedPct);
    notified = rateText('实名举报告知率', c.realNameReportersNotified, c.realNameReports, p.minNotifiedPct, '');
  }
  set(out, verifiedOk && notifiedOk ? max : 0, `${header(x, f)}：${verified}，${notified}`);
};
