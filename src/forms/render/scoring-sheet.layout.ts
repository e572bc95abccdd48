// 附件1's table as rows and spans, computed once from the view and drawn by both the xlsx
// and the PDF renderer: one criterion per row (得分 is given per criterion), the first-,
// second- and third-level indicators and the 申报材料清单 spanning their criteria, then the
// bonus items, the vetoes, the notes, the totals and the digest that identifies the score.
import { circled } from '../../rubric/build.js';
import { getRubricIndex, type RubricCriterion } from '../../rubric/index.js';
import type { BonusItemResult, CriterionResult, CriterionStatus } from '../../scoring/engine/score-result.js';
import { civilTime, type FormEvaluation } from '../views/common.js';
import type { DeclaredMissingItemLine, ScoringSheetView } from '../views/scoring-sheet.view.js';
import { levelLabel, NONE, SOURCE_LABELS, STATUS_LABELS, VETO_LABELS, pointsText, starsLabel } from '../labels.js';

export const SHEET_TITLE = '五星市场监督管理所评定申报材料清单和提供材料目录';

/** The document's columns, in order, and a last one for each criterion's reason. */
export const SHEET_COLUMNS = [
  { key: 'first', title: '一级指标' },
  { key: 'second', title: '二级指标' },
  { key: 'third', title: '三级指标' },
  { key: 'rule', title: '评分细则' },
  { key: 'points', title: '得分' },
  { key: 'materials', title: '五星所申报材料清单' },
  { key: 'provided', title: '提供材料目录' },
  { key: 'reason', title: '评分说明' },
] as const;
export type SheetColumnKey = (typeof SHEET_COLUMNS)[number]['key'];

export interface CriterionLine {
  readonly criterionId: string;
  readonly code: string;
  readonly rule: string;
  readonly points: number;
  readonly max: number;
  readonly status: CriterionStatus;
  readonly provided: string;
  readonly reason: string;
}

/** Cells of one indicator spanning rows [from, to] of the criterion lines (inclusive). */
export interface Span {
  readonly level: 1 | 2 | 3;
  readonly id: string;
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

/** A row of the bonus and veto sections: item text across 二级-评分细则, then 得分, 材料, 提供材料目录, 说明. */
export interface ItemRow {
  readonly text: string;
  readonly points: number | string;
  readonly evidence: string;
  readonly provided: string;
  readonly note: string;
}

export interface ItemSection {
  readonly title: string;
  readonly rows: readonly ItemRow[];
}

/** A label, its value (a number prints with `decimals`), and a note. */
export interface SummaryLine {
  readonly label: string;
  readonly value: number | string;
  readonly decimals?: 1 | 2;
  readonly note: string;
}

export interface ScoringSheetLayout {
  readonly title: string;
  readonly header: readonly (readonly [string, string])[];
  readonly lines: readonly CriterionLine[];
  /** Third-level spans also carry the 申报材料清单 (materials) of their indicator. */
  readonly spans: readonly Span[];
  readonly materials: ReadonlyMap<string, string>;
  readonly bonus: ItemSection;
  readonly vetoes: ItemSection;
  readonly notes: ItemSection;
  readonly summary: readonly SummaryLine[];
  readonly footer: readonly (readonly [string, string])[];
}

export function scoringSheetLayout(view: ScoringSheetView): ScoringSheetLayout {
  const { rubric, score } = view;
  const index = getRubricIndex(rubric);
  const results = new Map(score.criteria.map((c) => [c.id, c]));
  const missing = new Map(score.missingItems.map((m) => [m.id, m.reason]));
  const lines: CriterionLine[] = [];
  const spans: Span[] = [];
  const materials = new Map<string, string>();
  for (const first of rubric.firstLevel) {
    const firstFrom = lines.length;
    for (const second of first.children) {
      const secondFrom = lines.length;
      for (const third of second.indicators) {
        const thirdFrom = lines.length;
        for (const criterion of third.criteria) {
          const provided = { titles: view.materials.get(criterion.id) ?? [], declared: view.declaredMissingItems?.get(criterion.id) };
          lines.push(criterionLine(criterion, third.criteria.length, results.get(criterion.id), missing.get(criterion.id), provided));
        }
        spans.push({ level: 3, id: third.id, text: `${third.code}.${third.name}（${pointsText(third.points)}分）${third.starred ? '※' : ''}`, from: thirdFrom, to: lines.length - 1 });
        materials.set(third.id, third.materials.length > 0 ? third.materials.join('\n') : '——');
      }
      spans.push({ level: 2, id: second.id, text: `${second.code}${second.name}（${pointsText(second.points)}分）`, from: secondFrom, to: lines.length - 1 });
    }
    spans.push({ level: 1, id: first.id, text: `${first.code}、${first.name}（${pointsText(first.points)}分）`, from: firstFrom, to: lines.length - 1 });
  }
  if (lines.length !== index.criteria.length) throw new Error('scoring sheet: the rubric tree and its index disagree');
  return {
    title: SHEET_TITLE,
    header: headerLines(view),
    lines,
    spans: spans.sort((a, b) => a.from - b.from || a.level - b.level),
    materials,
    bonus: bonusSection(view),
    vetoes: vetoSection(view),
    notes: { title: '有关说明', rows: [{ text: rubric.notes.map((n) => `（${n.number}）${n.text}`).join('\n'), points: '', evidence: '', provided: '', note: '' }] },
    summary: summaryLines(view),
    footer: [
      ['结果摘要', view.resultDigest],
      ['输入哈希', score.inputHash],
      ['生成时间', civilTime(view.generatedAt, view.timeZone)],
      ['核对', view.evaluation.kind === 'ROUND' ? '结果摘要与该批次评定结果的 resultDigest 相同，即为同一评定结果' : '结果摘要与服务中该评分的 resultDigest 相同，即为同一评分结果'],
    ],
  };
}

interface ProvidedMaterials {
  readonly titles: readonly string[];
  /** A round's declared missing item of this criterion. */
  readonly declared: DeclaredMissingItemLine | undefined;
}

function criterionLine(criterion: RubricCriterion, siblings: number, result: CriterionResult | undefined, missingReason: string | undefined, { titles, declared }: ProvidedMaterials): CriterionLine {
  const mark = siblings > 1 ? circled(criterion.ordinal) : '';
  const status: CriterionStatus = result?.status ?? 'PENDING_ASSESSMENT';
  const provided: string[] = [];
  if (declared !== undefined) provided.push(declaredText(declared));
  else if (status === 'MISSING_ITEM') provided.push(`合理缺项：${missingReason ?? result?.reason ?? ''}`);
  provided.push(...titles.map((t, i) => (titles.length > 1 ? `${i + 1}. ${t}` : t)));
  const by = result === undefined ? '' : result.assessed ? '评审' : SOURCE_LABELS[result.source];
  return {
    criterionId: criterion.id,
    code: criterion.code,
    rule: `${mark}${criterion.text}（${pointsText(criterion.points)}分）`,
    points: result?.points ?? 0,
    max: criterion.points,
    status,
    provided: provided.join('\n'),
    reason: result === undefined ? '本次评分无此项' : `${STATUS_LABELS[status]}（${by}）：${result.reason}`,
  };
}

/** "合理缺项（申报）：reason（无duty职责）；审核：采纳（…）" — the decision, or 待审核 while there is none. */
function declaredText(declared: DeclaredMissingItemLine): string {
  const decision = declared.decision === null ? '待审核' : `${declared.decision.accepted ? '采纳' : '不采纳'}（${declared.decision.reason}）`;
  return `合理缺项（申报）：${declared.reason}（职责：${declared.duty}）；审核：${decision}`;
}

function headerLines(view: ScoringSheetView): [string, string][] {
  const { station, score } = view;
  return [
    ['市场监管所', `${station.name}（${station.code}）`],
    ['所属地区', `${station.provinceName} ${station.cityName} ${station.countyName}`],
    ['评定批次', evaluationText(view.evaluation, view.timeZone)],
    ['截止日期', score.cutOff],
    ['评分规则', `${score.rubricVersion}；星级政策 ${score.policyId}`],
  ];
}

export function evaluationText(evaluation: FormEvaluation, timeZone: string): string {
  switch (evaluation.kind) {
    case 'LIVE':
      return `实时评估（评估于 ${civilTime(evaluation.evaluatedAt, timeZone)}）`;
    case 'ROUND':
      return evaluation.detail === undefined ? evaluation.roundName : `${evaluation.roundName}（${evaluation.detail}）`;
  }
}

function bonusSection(view: ScoringSheetView): ItemSection {
  const byCategory = new Map<string, BonusItemResult[]>();
  for (const item of view.score.bonusItems) byCategory.set(item.category, [...(byCategory.get(item.category) ?? []), item]);
  return {
    title: view.rubric.bonus.title,
    rows: view.rubric.bonus.categories.map((rule): ItemRow => {
      const items = byCategory.get(rule.category) ?? [];
      const counted = items.filter((i) => i.counted).reduce((sum, i) => sum + i.points, 0);
      return {
        text: `（${rule.number}）${rule.text}`,
        points: counted,
        evidence: rule.evidence,
        provided: items.map((i) => `${i.date} ${i.eventKey}`).join('\n'),
        note: items.length === 0 ? NONE : items.map((i) => i.reason).join('\n'),
      };
    }),
  };
}

function vetoSection(view: ScoringSheetView): ItemSection {
  return {
    title: '否定项目',
    rows: view.rubric.vetoKinds.map((rule): ItemRow => {
      const vetoes = view.score.blockingVetoes.filter((v) => v.kind === rule.kind);
      return {
        text: `（${rule.number}）${rule.text}`,
        points: vetoes.length > 0 ? '有' : NONE,
        evidence: '——',
        provided: vetoes.map((v) => `${v.date} ${v.description}`).join('\n'),
        note: vetoes.length > 0 ? `${VETO_LABELS[rule.kind]}：不能参加等级评定` : '',
      };
    }),
  };
}

function summaryLines(view: ScoringSheetView): SummaryLine[] {
  const { score, rubric } = view;
  const missingCodes = score.missingItems.map((m) => m.code).join('、');
  const pendingCodes = score.criteria.filter((c) => c.status === 'PENDING_ASSESSMENT').map((c) => c.code);
  const countedBonus = score.bonusItems.filter((i) => i.counted).reduce((sum, i) => sum + i.points, 0);
  return [
    { label: '得分合计（不含加分）', value: score.raw, decimals: 2, note: `${score.criteria.length}项评分细则之和` },
    { label: '适用满分', value: score.applicable, decimals: 2, note: missingCodes === '' ? '无合理缺项' : `扣除合理缺项 ${missingCodes}` },
    { label: '折算得分', value: score.rebased, decimals: 2, note: score.rebaseNote ?? '无合理缺项，不折算' },
    { label: '加分', value: score.bonus, decimals: 1, note: countedBonus > score.bonus ? `计入项合计${pointsText(countedBonus)}分，累计不超过${pointsText(rubric.bonus.cap)}分` : `累计不超过${pointsText(rubric.bonus.cap)}分` },
    { label: '总分', value: score.total, decimals: 2, note: '折算得分 + 加分' },
    {
      label: '星级',
      value: !score.eligible ? '不能参评' : score.stars > 0 ? levelLabel(score.stars) : '未达到',
      note: score.eligible ? `${score.stars > 0 ? `${starsLabel(score.stars)}。` : ''}${score.starLevels.map((l) => l.reason).join('；')}` : '具有否定项（见否定项目），不能参加等级评定',
    },
    { label: '待评审', value: pendingCodes.length, note: pendingCodes.length === 0 ? '全部评分细则已评分' : `按0分计：${pendingCodes.join('、')}` },
  ];
}
