// Star policies: which indicators each star level uses and its threshold. The national
// default ships in ../data/star-policy-defaults.ts; provinces may set their own (note 2).

export type StarCount = 1 | 2 | 3 | 4 | 5;

export interface StarLevelRule {
  stars: StarCount;
  /** 'ALL' the whole rubric, 'STARRED' the ※ indicators, or third-level indicator ids. */
  indicatorSet: 'ALL' | 'STARRED' | readonly string[];
  /** On a 100-point base (re-based over the set), plus bonus when includeBonus. */
  threshold: number;
  includeBonus: boolean;
}

export interface StarPolicy {
  id: string;
  name: string;
  /** null for the national default. */
  provinceCode: string | null;
  rubricVersion: string;
  levels: StarLevelRule[];
  /** 7④: days after the decision within which a case must be entered into the system. */
  caseEntryDeadlineDays: number;
}
