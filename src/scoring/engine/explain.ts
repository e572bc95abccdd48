// A short plain-text explanation of a result (Chinese, one fact per line), for logs, CLI
// output and dashboards that want a summary rather than the full structure.
import type { ScoreResult } from './score-result.js';
import { fmt } from './util.js';

export function explainScore(r: ScoreResult): string[] {
  const lines: string[] = [];
  lines.push(`${r.stationCode}：截止 ${r.cutOff}，评定标准 ${r.rubricVersion}，星级标准 ${r.policyId}`);
  lines.push(
    `基础得分 ${fmt(r.rebased)}（原始 ${fmt(r.raw)}/${fmt(r.applicable)}）+ 加分 ${fmt(r.bonus)} = 总分 ${fmt(r.total)}，` +
      (r.eligible ? (r.stars > 0 ? `${r.stars}星` : '未达星级') : `存在否定项 ${r.blockingVetoes.length} 项，不能参加等级评定`),
  );
  if (r.rebaseNote !== null) lines.push(r.rebaseNote);
  for (const l of r.starLevels) lines.push(`${l.stars}星（≥${fmt(l.threshold)}）：${l.reason}`);
  for (const ind of r.indicators) if (ind.level === 1) lines.push(`${ind.code}、${ind.name} ${fmt(ind.points)}/${fmt(ind.applicableMax)}`);
  const counts = { MET: 0, PARTLY_MET: 0, NOT_MET: 0, MISSING_ITEM: 0, PENDING_ASSESSMENT: 0 };
  for (const c of r.criteria) counts[c.status]++;
  lines.push(
    `评分细则 ${r.criteria.length} 项：达标 ${counts.MET}、部分达标 ${counts.PARTLY_MET}、未达标 ${counts.NOT_MET}、合理缺项 ${counts.MISSING_ITEM}、待评审 ${counts.PENDING_ASSESSMENT}`,
  );
  for (const c of r.criteria) if (c.status === 'NOT_MET' || c.status === 'PARTLY_MET') lines.push(`${c.code} ${fmt(c.points)}/${fmt(c.max)}：${c.reason}`);
  return lines;
}
