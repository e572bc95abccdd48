// Rubric metadata the API joins onto stored scores (texts, codes, names, order), built once
// per rubric version and kept for the life of the process: rubrics are immutable data.
import { DATA_RULE_PARAMETER_INFO, getRubric, getRubricIndex, type CriterionSource, type DataRuleId, type ParameterInfo, type Rubric as RubricData } from '../../rubric/index.js';
import type { Rubric, RubricEvaluationParameters, RuleParameter } from '../types/rubric.types.js';

export interface CriterionMeta {
  id: string;
  code: string;
  indicatorId: string;
  indicatorCode: string;
  indicatorName: string;
  text: string;
  points: number;
  source: CriterionSource;
}

export interface IndicatorMeta {
  id: string;
  code: string;
  level: 1 | 2 | 3;
  name: string;
  parentId: string | null;
  points: number;
  starred: boolean;
}

export interface RubricMeta {
  version: string;
  /** Rubric order. */
  criteria: CriterionMeta[];
  criterionIndex: Map<string, number>;
  /** Depth first in rubric order (as the engine lists them). */
  indicators: IndicatorMeta[];
  indicatorIndex: Map<string, number>;
  /** Criterion or third-level indicator id → display code (for missing-item marks). */
  itemCode: Map<string, string>;
  /** The rubric in its GraphQL shape. */
  view: Rubric;
}

const CACHE = new Map<string, RubricMeta>();

/** UnknownRubricVersionError for an unknown version. */
export function rubricMeta(version: string): RubricMeta {
  let meta = CACHE.get(version);
  if (meta === undefined) {
    meta = build(getRubric(version));
    CACHE.set(version, meta);
  }
  return meta;
}

function build(rubric: RubricData): RubricMeta {
  const index = getRubricIndex(rubric);
  const indicators: IndicatorMeta[] = [];
  for (const first of rubric.firstLevel) {
    indicators.push({ id: first.id, code: first.code, level: 1, name: first.name, parentId: null, points: first.points, starred: false });
    for (const second of first.children) {
      indicators.push({ id: second.id, code: second.code, level: 2, name: second.name, parentId: first.id, points: second.points, starred: false });
      for (const third of second.indicators) {
        indicators.push({ id: third.id, code: third.code, level: 3, name: third.name, parentId: second.id, points: third.points, starred: third.starred });
      }
    }
  }
  const criteria = index.criteria.map((c): CriterionMeta => {
    const third = index.indicatorById.get(c.indicatorId)!;
    return { id: c.id, code: c.code, indicatorId: c.indicatorId, indicatorCode: third.code, indicatorName: third.name, text: c.text, points: c.points, source: c.source };
  });
  const itemCode = new Map<string, string>([...criteria.map((c) => [c.id, c.code] as const), ...index.thirdLevel.map((t) => [t.id, t.code] as const)]);
  return {
    version: rubric.version,
    criteria,
    criterionIndex: new Map(criteria.map((c, i) => [c.id, i])),
    indicators,
    indicatorIndex: new Map(indicators.map((x, i) => [x.id, i])),
    itemCode,
    view: rubricView(rubric),
  };
}

function rubricView(rubric: RubricData): Rubric {
  const index = getRubricIndex(rubric);
  return {
    version: rubric.version,
    title: rubric.title,
    totalPoints: rubric.parameters.totalPoints,
    fiveStarMinimum: rubric.parameters.fiveStarMinimum,
    starredPoints: index.thirdLevel.filter((t) => t.starred).reduce((sum, t) => sum + t.points, 0),
    firstLevel: rubric.firstLevel.map((first) => ({
      id: first.id,
      code: first.code,
      name: first.name,
      points: first.points,
      children: first.children.map((second) => ({
        id: second.id,
        code: second.code,
        name: second.name,
        points: second.points,
        indicators: second.indicators.map((third) => ({
          id: third.id,
          code: third.code,
          name: third.name,
          points: third.points,
          starred: third.starred,
          materials: [...third.materials],
          criteria: third.criteria.map((c) => ({
            id: c.id,
            code: c.code,
            ordinal: c.ordinal,
            indicatorId: c.indicatorId,
            text: c.text,
            points: c.points,
            source: c.source,
            dataRule: c.source === 'DATA' ? c.rule : null,
            parameters: c.source === 'DATA' ? ruleParameters(c.rule, c.parameters) : [],
            attestedItems: c.source === 'ASSESSED' ? [] : [...c.attestedItems],
            requiresDuty: c.requiresDuty,
          })),
        })),
      })),
    })),
    bonusCap: rubric.bonus.cap,
    bonusCategories: rubric.bonus.categories.map((b) => ({
      category: b.category,
      number: b.number,
      text: b.text,
      evidence: b.evidence,
      windowYears: b.windowYears,
      pointsByLevel: b.points.kind === 'TABLE' ? Object.entries(b.points.byLevel).map(([level, points]) => ({ level, points })) : [],
      eventPointsMax: b.points.kind === 'EVENT' ? b.points.max : null,
    })),
    vetoKinds: rubric.vetoKinds.map((v) => ({ kind: v.kind, number: v.number, text: v.text })),
    notes: rubric.notes.map((n) => ({ number: n.number, text: n.text })),
    certificationItems: rubric.certificationItems.map((c) => ({ number: c.item, text: c.text })),
    evaluation: evaluationParameters(rubric.parameters),
  };
}

function ruleParameters(rule: DataRuleId, values: Readonly<Record<string, number>>): RuleParameter[] {
  const info: Readonly<Record<string, ParameterInfo>> = DATA_RULE_PARAMETER_INFO[rule];
  return Object.entries(values).map(([name, value]) => ({ name, value, unit: info[name]?.unit ?? '', description: info[name]?.description ?? '' }));
}

function evaluationParameters(p: RubricData['parameters']): RubricEvaluationParameters {
  const until = p.previousYearFallbackUntil;
  return {
    establishedStaffingTypes: [...p.establishedStaffingTypes],
    civilServantStaffingTypes: [...p.civilServantStaffingTypes],
    caseSampleMonths: p.caseSampleMonths,
    previousYearFallbackUntil: `${String(until.month).padStart(2, '0')}-${String(until.day).padStart(2, '0')}`,
    certificationValidYears: p.certificationValidYears,
    starThresholdsIncludeBonus: p.starThresholdsIncludeBonus,
  };
}
