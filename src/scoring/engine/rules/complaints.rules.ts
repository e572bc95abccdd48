// Data rules on 12315 figures: 10①②.
//
// Interpretations decided for this product (Y = the cut-off's year):
// - Both use the last complete calendar year Y−1 (the document scores a 2023 round on
//   2022 figures). Monthly rows are summed into their year; a yearly row ('YYYY') wins
//   over that year's months. No figures for Y−1 → not met.
// - 10① complaintsCheckedOnTime/complaintsReceived = 100% AND complaintsClosedOnTime /
//   complaintsClosed = 100% AND mediationsSucceeded/mediationsAttempted strictly above the
//   national average of Y−1 (mediationAverages; none → not met, "无全国平均值"). The
//   comparison is exact in integers with the average taken to 6 decimals.
// - 10② reportsVerifiedOnTime/reportsReceived = 100% AND (no real-name reports, or
//   realNameReportersNotified/realNameReports = 100%).
// - A zero denominator is never 100%, except the real-name notification rate, which is
//   met when there were no real-name reports.
import { fractionPct, pct } from '../util.js';
import { set, type RuleFn, type YearFigures } from './rule-input.js';

function header(f: YearFigures): string {
  return f.months > 0 ? `${f.year}年度（${f.months}个月合计）` : `${f.year}年度`;
}

/** "按时初查率 100%" or "按时初查率 95% < 100%"; `emptyText` when there is nothing to rate. */
function fullRate(label: string, part: number, whole: number, emptyText: string): string {
  if (!(whole > 0)) return emptyText;
  return part >= whole ? `${label} ${pct(part, whole)}` : `${label} ${pct(part, whole)} < 100%`;
}

export const complaintHandling: RuleFn = (x, max, out) => {
  const f = x.complaintsLastYear;
  if (f === null) return set(out, 0, `${x.year - 1}年度无12315投诉数据`);
  const c = f.counts;
  const checkedOk = c.complaintsReceived > 0 && c.complaintsCheckedOnTime >= c.complaintsReceived;
  const closedOk = c.complaintsClosed > 0 && c.complaintsClosedOnTime >= c.complaintsClosed;
  const checked = fullRate('投诉按时初查率', c.complaintsCheckedOnTime, c.complaintsReceived, '受理投诉0件，按时初查率无法计算');
  const closed = fullRate('按时办结率', c.complaintsClosedOnTime, c.complaintsClosed, '办结投诉0件，按时办结率无法计算');
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
  set(out, checkedOk && closedOk && mediationOk ? max : 0, `${header(f)}：${checked}，${closed}，${mediation}`);
};

export const reportHandling: RuleFn = (x, max, out) => {
  const f = x.complaintsLastYear;
  if (f === null) return set(out, 0, `${x.year - 1}年度无12315举报数据`);
  const c = f.counts;
  const verifiedOk = c.reportsReceived > 0 && c.reportsVerifiedOnTime >= c.reportsReceived;
  const verified = fullRate('举报按时核查率', c.reportsVerifiedOnTime, c.reportsReceived, '受理举报0件，按时核查率无法计算');
  let notifiedOk = true;
  let notified = '无实名举报';
  if (c.realNameReports > 0) {
    notifiedOk = c.realNameReportersNotified >= c.realNameReports;
    notified = fullRate('实名举报告知率', c.realNameReportersNotified, c.realNameReports, '');
  }
  set(out, verifiedOk && notifiedOk ? max : 0, `${header(f)}：${verified}，${notified}`);
};
