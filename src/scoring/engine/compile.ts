// A rubric prepared for scoring, once per rubric object: flat arrays in rubric order
// (criterion ids, codes, maxima in half-points, source codes, rule functions, attested
// items), the indicator tree as index arrays, the criteria that need a duty, and whether
// rubric order is the canonical order of criterion ids. Star policies are prepared once
// per (rubric, policy): levels highest first, each as the third-level indicators it sums.
// Rubrics and policies are immutable data, so both are cached by object identity: a caller
// must not mutate a rubric or a policy after scoring with it.
import type {
  CertificationItemNo,
  CriterionSource,
  FirstLevelIndicator,
  Rubric,
  RubricCriterion,
  SecondLevelIndicator,
  ThirdLevelIndicator,
} from '../../rubric/model/rubric.js';
import type { StarCount, StarLevelRule, StarPolicy } from '../../rubric/model/star-policy.js';
import { DUTY_BIT, DUTY_LABEL } from './bits.js';
import { cmpRubricId } from './rubric-id.js';
import type { DataRuleId } from '../../rubric/model/data-rules.js';
import { ruleOf, type AnyRule, type AnyRuleParameters } from './rules/index.js';
import type { RuleParameterTable } from './rules/rule-input.js';
import { toHalf } from './util.js';

export const SOURCE_DATA = 0;
export const SOURCE_ATTESTED = 1;
export const SOURCE_ASSESSED = 2;

export interface CompiledCriterion {
  readonly def: RubricCriterion;
  readonly maxH: number;
  readonly rule: { fn: AnyRule; parameters: AnyRuleParameters } | null;
  readonly thirdIdx: number;
}
export interface CompiledThird {
  readonly def: ThirdLevelIndicator;
  readonly secondIdx: number;
  /** Indexes into `criteria`. */
  readonly criteria: readonly number[];
}
export interface CompiledSecond {
  readonly def: SecondLevelIndicator;
  readonly firstIdx: number;
  readonly thirds: readonly number[];
}
export interface CompiledFirst {
  readonly def: FirstLevelIndicator;
  readonly seconds: readonly number[];
}

/** A criterion that applies only with a duty (rubric `requiresDuty`). */
export interface DutyCriterion {
  readonly index: number;
  readonly dutyBit: number;
  /** The missing-item reason when the station lacks the duty. */
  readonly reason: string;
}

export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly criteria: readonly CompiledCriterion[];
  readonly thirds: readonly CompiledThird[];
  readonly seconds: readonly CompiledSecond[];
  readonly firsts: readonly CompiledFirst[];
  readonly criterionIndex: ReadonlyMap<string, number>;
  readonly thirdIndex: ReadonlyMap<string, number>;
  readonly totalH: number;

  // flat per-criterion columns, in rubric order
  readonly ids: readonly string[];
  readonly codes: readonly string[];
  readonly indicatorIds: readonly string[];
  readonly max: readonly number[];
  readonly maxHs: Int32Array;
  readonly sourceCodes: Uint8Array;
  readonly sources: readonly CriterionSource[];
  /** The rule of every data criterion (null for others), and its parameters. */
  readonly rules: readonly (AnyRule | null)[];
  readonly ruleArgs: readonly (AnyRuleParameters | null)[];
  /** The parameters of each data rule the rubric uses (aggregates read some: rules/rule-input.ts). */
  readonly ruleParameters: RuleParameterTable;
  readonly attestedItems: readonly (readonly CertificationItemNo[])[];
  /** Third-level index of every criterion. */
  readonly thirdOf: Int32Array;
  /** Maximum half-points of every third-level indicator. */
  readonly thirdMaxHs: Int32Array;
  readonly dutyCriteria: readonly DutyCriterion[];
  /** Rubric order sorts criterion ids exactly like the canonical order (cmpRubricId). */
  readonly rubricOrderIsCanonical: boolean;
  /** Star plans by policy (identity). */
  readonly starPlans: WeakMap<StarPolicy, StarPlan>;
}

export interface StarLevelPlan {
  readonly stars: StarCount;
  readonly threshold: number;
  readonly thresholdH: number;
  readonly includeBonus: boolean;
  /** Distinct third-level indicator indexes the level sums (in first-seen order). */
  readonly thirds: Int32Array;
  /** The whole rubric: the level's sums are the totals. */
  readonly all: boolean;
  /** "全部指标", "※指标（不含加分）"… */
  readonly label: string;
}

export interface StarPlan {
  /** Highest first. */
  readonly levels: readonly StarLevelPlan[];
}

const CACHE = new WeakMap<Rubric, CompiledRubric>();

export function compileRubric(rubric: Rubric): CompiledRubric {
  let compiled = CACHE.get(rubric);
  if (compiled === undefined) {
    compiled = compile(rubric);
    CACHE.set(rubric, compiled);
  }
  return compiled;
}


function compile(rubric: Rubric): CompiledRubric {
  const criteria: CompiledCriterion[] = [];
  const thirds: CompiledThird[] = [];
  const seconds: CompiledSecond[] = [];
  const firsts: CompiledFirst[] = [];
  for (const first of rubric.firstLevel) {
    const firstIdx = firsts.length;
    const secondIdxs: number[] = [];
    for (const second of first.children) {
      const secondIdx = seconds.length;
      secondIdxs.push(secondIdx);
      const thirdIdxs: number[] = [];
      for (const third of second.indicators) {
        const thirdIdx = thirds.length;
        thirdIdxs.push(thirdIdx);
        const own: number[] = [];
        for (const def of third.criteria) {
          own.push(criteria.length);
          criteria.push({ def, maxH: toHalf(def.points), rule: def.source === 'DATA' ? ruleOf(def.rule, def.parameters) : null, thirdIdx });
        }
        thirds.push({ def: third, secondIdx, criteria: own });
      }
      seconds.push({ def: second, firstIdx, thirds: thirdIdxs });
    }
    firsts.push({ def: first, seconds: secondIdxs });
  }
  const n = criteria.length;
  const dutyCriteria: DutyCriterion[] = [];
  criteria.forEach((c, i) => {
    const duty = c.def.requiresDuty;
    if (duty !== null) dutyCriteria.push({ index: i, dutyBit: DUTY_BIT.get(duty) ?? 0, reason: `未承担${DUTY_LABEL[duty]}职责，合理缺项` });
  });
  return {
    rubric,
    criteria,
    thirds,
    seconds,
    firsts,
    criterionIndex: new Map(criteria.map((c, i) => [c.def.id, i])),
    thirdIndex: new Map(thirds.map((t, i) => [t.def.id, i])),
    totalH: criteria.reduce((s, c) => s + c.maxH, 0),
    ids: criteria.map((c) => c.def.id),
    codes: criteria.map((c) => c.def.code),
    indicatorIds: criteria.map((c) => c.def.indicatorId),
    max: criteria.map((c) => c.def.points),
    maxHs: Int32Array.from(criteria, (c) => c.maxH),
    sourceCodes: Uint8Array.from(criteria, (c) => (c.def.source === 'DATA' ? SOURCE_DATA : c.def.source === 'ATTESTED' ? SOURCE_ATTESTED : SOURCE_ASSESSED)),
    sources: criteria.map((c) => c.def.source),
    rules: criteria.map((c) => c.rule?.fn ?? null),
    ruleArgs: criteria.map((c) => c.rule?.parameters ?? null),
    ruleParameters: ruleParameterTable(criteria),
    attestedItems: criteria.map((c) => (c.def.source === 'ASSESSED' ? [] : c.def.attestedItems)),
    thirdOf: Int32Array.from(criteria, (c) => c.thirdIdx),
    thirdMaxHs: Int32Array.from(thirds, (t) => t.criteria.reduce((s, ci) => s + criteria[ci].maxH, 0)),
    dutyCriteria,
    rubricOrderIsCanonical: n > 0 && criteria.every((c, i) => i === 0 || cmpRubricId(criteria[i - 1].def.id, c.def.id) < 0),
    starPlans: new WeakMap(),
  };
}

/** The first criterion's parameters for every data rule (a rule used twice reads the first for its aggregates). */
function ruleParameterTable(criteria: readonly CompiledCriterion[]): RuleParameterTable {
  const table: Partial<Record<DataRuleId, Readonly<Record<string, number>>>> = {};
  for (const { def } of criteria) if (def.source === 'DATA') table[def.rule] ??= def.parameters;
  return table as RuleParameterTable;
}

function setLabel(set: StarLevelRule['indicatorSet']): string {
  return set === 'ALL' ? '全部指标' : set === 'STARRED' ? '※指标' : `指定指标（${set.length}项）`;
}

function thirdsOf(compiled: CompiledRubric, set: StarLevelRule['indicatorSet']): number[] {
  if (set === 'ALL') return compiled.thirds.map((_, i) => i);
  if (set === 'STARRED') return compiled.thirds.flatMap((t, i) => (t.def.starred ? [i] : []));
  const seen = new Set<number>();
  const out: number[] = [];
  for (const id of set) {
    const ti = compiled.thirdIndex.get(id);
    if (ti === undefined || seen.has(ti)) continue;
    seen.add(ti);
    out.push(ti);
  }
  return out;
}

/** The policy's levels, highest first, each with the third-level indicators it sums. */
export function starPlan(compiled: CompiledRubric, policy: StarPolicy): StarPlan {
  let plan = compiled.starPlans.get(policy);
  if (plan === undefined) {
    const levels = policy.levels.slice().sort((a, b) => b.stars - a.stars);
    // the rubric may say that every level counts the bonus, whatever an older policy says
    const always = compiled.rubric.parameters.starThresholdsIncludeBonus;
    plan = {
      levels: levels.map((level) => {
        const includeBonus = always || level.includeBonus;
        return {
          stars: level.stars,
          threshold: level.threshold,
          thresholdH: Math.round(level.threshold * 100),
          includeBonus,
          thirds: Int32Array.from(thirdsOf(compiled, level.indicatorSet)),
          all: level.indicatorSet === 'ALL',
          label: setLabel(level.indicatorSet) + (includeBonus ? '' : '（不含加分）'),
        };
      }),
    };
    compiled.starPlans.set(policy, plan);
  }
  return plan;
}
