// The shape of a versioned rubric: a tree of first-, second- and third-level indicators
// with their scoring criteria, plus the bonus table, the veto kinds, the notes (有关说明)
// and the parameters the notes imply. Rubrics are plain data; nothing here computes.
import type { BonusCategory, BonusLevel, Duty, StaffingType, VetoKind } from '../../domain/vocabulary.js';
import type { DataRuleId } from './data-rules.js';

/** 附件3 item number. */
export type CertificationItemNo = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export const CRITERION_SOURCES = ['DATA', 'ATTESTED', 'ASSESSED'] as const;
export type CriterionSource = (typeof CRITERION_SOURCES)[number];

/** Computed from pushed data by `rule`; when `attestedItems` is not empty those 附件3 items must also be yes. */
export interface DataSource {
  source: 'DATA';
  rule: DataRuleId;
  /** The rule's numeric parameters (DataRuleParameters[rule]): thresholds live here, not in code. */
  parameters: Readonly<Record<string, number>>;
  attestedItems: readonly CertificationItemNo[];
}
/** Met when every listed 附件3 item is yes (blank counts as no). */
export interface AttestedSource {
  source: 'ATTESTED';
  attestedItems: readonly CertificationItemNo[];
}
/** Scored by a reviewer (0..max in steps of 0.5). */
export interface AssessedSource {
  source: 'ASSESSED';
}
export type CriterionSourceSpec = DataSource | AttestedSource | AssessedSource;

interface CriterionCommon {
  /** Hierarchical id, e.g. "4.15.32.3". */
  readonly id: string;
  /** Display code, e.g. "32③", or "33" for an indicator with a single criterion. */
  readonly code: string;
  /** 1-based position under its indicator (the circled digit). */
  readonly ordinal: number;
  /** Id of the third-level indicator. */
  readonly indicatorId: string;
  /** The document's text (评分细则), without the circled digit and the points. */
  readonly text: string;
  readonly points: number;
  /**
   * The criterion only applies to stations with this duty; a station without it has the
   * criterion as a reasonable missing item (合理缺项, note 4) automatically.
   */
  readonly requiresDuty: Duty | null;
}
export type RubricCriterion = CriterionCommon & CriterionSourceSpec;

export interface ThirdLevelIndicator {
  readonly level: 3;
  /** e.g. "4.15.32" */
  readonly id: string;
  /** The global number 1..46 as a string, e.g. "32". */
  readonly code: string;
  readonly number: number;
  readonly parentId: string;
  readonly name: string;
  readonly points: number;
  /** ※: required by the 4- and 3-star ratings (note 2). */
  readonly starred: boolean;
  /** 五星所申报材料清单 (empty for "——"). */
  readonly materials: readonly string[];
  readonly criteria: readonly RubricCriterion[];
}

export interface SecondLevelIndicator {
  readonly level: 2;
  /** e.g. "4.15" */
  readonly id: string;
  /** e.g. "(十五)" */
  readonly code: string;
  /** 1..21 */
  readonly number: number;
  readonly parentId: string;
  readonly name: string;
  readonly points: number;
  readonly indicators: readonly ThirdLevelIndicator[];
}

export interface FirstLevelIndicator {
  readonly level: 1;
  /** "1".."5" */
  readonly id: string;
  /** "一".."五" */
  readonly code: string;
  readonly number: number;
  readonly name: string;
  readonly points: number;
  readonly children: readonly SecondLevelIndicator[];
}

export type RubricIndicator = FirstLevelIndicator | SecondLevelIndicator | ThirdLevelIndicator;

/** How a bonus category's points are found. */
export type BonusPoints =
  /** Points by the level of the body that gave it; 0 means the level is not in the table. */
  | { readonly kind: 'TABLE'; readonly byLevel: Readonly<Record<BonusLevel, number>> }
  /** The event carries its own points (其他可以加分的情形). */
  | { readonly kind: 'EVENT'; readonly min: number; readonly max: number; readonly step: number };

export interface BonusCategoryRule {
  readonly category: BonusCategory;
  /** (1)..(8) in the document. */
  readonly number: number;
  readonly text: string;
  /** 提供材料 column. */
  readonly evidence: string;
  /** Look-back window in years (note 10: 近5年 for awards, 近2年 otherwise). */
  readonly windowYears: number;
  readonly points: BonusPoints;
  /** Which bodies each level stands for in this category (note 12 for awards). */
  readonly levelBodies: Readonly<Partial<Record<BonusLevel, string>>>;
}

export interface BonusRules {
  readonly title: string;
  /** 加分累计不超过10分 (note 5). */
  readonly cap: number;
  /** 同一事项只加一次分 (note 5). */
  readonly sameEventOnce: boolean;
  readonly categories: readonly BonusCategoryRule[];
}

export interface VetoKindRule {
  readonly kind: VetoKind;
  readonly number: number;
  readonly text: string;
}

export interface RubricNote {
  readonly number: number;
  readonly text: string;
}

export interface CertificationItem {
  readonly item: CertificationItemNo;
  readonly text: string;
}

/** Parameters that the notes (有关说明) imply, as data. */
export interface RubricParameters {
  /** Sum of all criteria. */
  readonly totalPoints: number;
  /** Points move in steps of this size. */
  readonly pointStep: number;
  /** 五星所总分必须达到90分以上 (note 6). */
  readonly fiveStarMinimum: number;
  /** 近5年 / 近2年 / 近1年 (note 10). */
  readonly windowYears: { readonly recent5: number; readonly recent2: number; readonly recent1: number };
  /** Materials without a stated period use 近2年 (note 10); vetoes and data rules use this. */
  readonly defaultWindowYears: number;
  /** 工作人员 = 在编人员 (note 11). */
  readonly establishedStaffingTypes: readonly StaffingType[];
  /** 公务员 (33): 行政编 and 参公编 only. */
  readonly civilServantStaffingTypes: readonly StaffingType[];
  /**
   * The case sample of 7④ and 8: general-procedure cases closed in the N calendar months
   * that end with the cut-off's month (the materials ask for "2023年2月至5月" for a round cut
   * off on 2023-05-31). A round may set its own window.
   */
  readonly caseSampleMonths: number;
  /**
   * Per-year rules read the last complete year Y−1. Until this day of Y (31 March), the
   * rolling evaluation uses Y−2 for a station that has no figures of Y−1 yet, so that scores
   * do not drop on 1 January before any county has pushed; after it, or in a round, missing
   * figures score 0.
   */
  readonly previousYearFallbackUntil: { readonly month: number; readonly day: number };
  /** A 附件3 certification vouches for its year and the next (Y and Y−1); older ones are expired. */
  readonly certificationValidYears: number;
  /** Every star level compares its threshold with the score including the bonus (notes 5, 6). */
  readonly starThresholdsIncludeBonus: true;
}

export interface Rubric {
  readonly version: string;
  readonly title: string;
  readonly firstLevel: readonly FirstLevelIndicator[];
  readonly bonus: BonusRules;
  readonly vetoKinds: readonly VetoKindRule[];
  readonly notes: readonly RubricNote[];
  /** 附件3 items. */
  readonly certificationItems: readonly CertificationItem[];
  readonly parameters: RubricParameters;
}
