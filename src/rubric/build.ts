// Turns a compact, hand-transcribed rubric specification into the full Rubric tree with
// hierarchical ids and display codes. Declared points are kept as written in the
// document (not summed) so the integrity tests can compare them with their parts.
import type { Duty } from '../domain/vocabulary.js';
import type { DataRuleId, DataRuleParameters } from './model/data-rules.js';
import type {
  CertificationItemNo,
  CriterionSourceSpec,
  FirstLevelIndicator,
  RubricCriterion,
  SecondLevelIndicator,
  ThirdLevelIndicator,
} from './model/rubric.js';

export interface CriterionSpec {
  points: number;
  text: string;
  source: CriterionSourceSpec;
  requiresDuty: Duty | null;
}
export interface ThirdLevelSpec {
  number: number;
  name: string;
  points: number;
  starred: boolean;
  materials: string[];
  criteria: CriterionSpec[];
}
export interface SecondLevelSpec {
  number: number;
  name: string;
  points: number;
  indicators: ThirdLevelSpec[];
}
export interface FirstLevelSpec {
  name: string;
  points: number;
  children: SecondLevelSpec[];
}

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'] as const;
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;

/** 1 → 一, 15 → 十五, 21 → 二十一 (enough for the 1..99 the rubric needs). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n}`);
  if (n <= 10) return CHINESE_NUMERALS[n - 1];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CHINESE_NUMERALS[tens - 1]) + '十' + (ones === 0 ? '' : CHINESE_NUMERALS[ones - 1]);
}

export function circled(n: number): string {
  const c = CIRCLED[n - 1];
  if (c === undefined) throw new RangeError(`circled: ${n}`);
  return c;
}

/** An assessed criterion. */
export function c(points: number, text: string, source: CriterionSourceSpec = { source: 'ASSESSED' }, requiresDuty: Duty | null = null): CriterionSpec {
  return { points, text, source, requiresDuty };
}
/** A data criterion: its rule, the rule's parameters (typed by rule) and the 附件3 items it also needs. */
export function data<K extends DataRuleId>(rule: K, parameters: DataRuleParameters[K], ...attestedItems: CertificationItemNo[]): CriterionSourceSpec {
  return { source: 'DATA', rule, parameters: parameters as Readonly<Record<string, number>>, attestedItems };
}
export function attested(...attestedItems: CertificationItemNo[]): CriterionSourceSpec {
  return { source: 'ATTESTED', attestedItems };
}

export function buildTree(spec: readonly FirstLevelSpec[]): FirstLevelIndicator[] {
  return spec.map((first, fi): FirstLevelIndicator => {
    const firstId = String(fi + 1);
    return {
      level: 1,
      id: firstId,
      code: chineseNumeral(fi + 1),
      number: fi + 1,
      name: first.name,
      points: first.points,
      children: first.children.map((second): SecondLevelIndicator => {
        const secondId = `${firstId}.${second.number}`;
        return {
          level: 2,
          id: secondId,
          code: `(${chineseNumeral(second.number)})`,
          number: second.number,
          parentId: firstId,
          name: second.name,
          points: second.points,
          indicators: second.indicators.map((third): ThirdLevelIndicator => {
            const thirdId = `${secondId}.${third.number}`;
            const single = third.criteria.length === 1;
            return {
              level: 3,
              id: thirdId,
              code: String(third.number),
              number: third.number,
              parentId: secondId,
              name: third.name,
              points: third.points,
              starred: third.starred,
              materials: third.materials,
              criteria: third.criteria.map(
                (cr, ci): RubricCriterion => ({
                  id: `${thirdId}.${ci + 1}`,
                  code: single ? String(third.number) : `${third.number}${circled(ci + 1)}`,
                  ordinal: ci + 1,
                  indicatorId: thirdId,
                  text: cr.text,
                  points: cr.points,
                  requiresDuty: cr.requiresDuty,
                  ...cr.source,
                }),
              ),
            };
          }),
        };
      }),
    };
  });
}
