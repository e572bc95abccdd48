// Versioned rubrics and their lookup indexes. Callers hold a Rubric value and pass it to
// the engine; lookups accept ids ("4.15.32.3") and display codes ("32③").
import { NATIONAL_2023, NATIONAL_2023_VERSION } from './data/national-2023.js';
import type {
  FirstLevelIndicator,
  Rubric,
  RubricCriterion,
  RubricIndicator,
  SecondLevelIndicator,
  ThirdLevelIndicator,
} from './model/rubric.js';

export * from './model/rubric.js';
export * from './model/data-rules.js';
export * from './model/star-policy.js';
export { NATIONAL_2023, NATIONAL_2023_VERSION } from './data/national-2023.js';
export { NATIONAL_DEFAULT_POLICY, validateStarPolicy } from './data/star-policy-defaults.js';

export const RUBRIC_VERSIONS = [NATIONAL_2023_VERSION] as const;
export type RubricVersion = (typeof RUBRIC_VERSIONS)[number];

const RUBRICS: Readonly<Record<RubricVersion, Rubric>> = { [NATIONAL_2023_VERSION]: NATIONAL_2023 };

export type RubricErrorCode = 'UNKNOWN_RUBRIC_VERSION';

export class RubricError extends Error {
  constructor(
    readonly code: RubricErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RubricError';
  }
}

export class UnknownRubricVersionError extends RubricError {
  constructor(readonly version: string) {
    super('UNKNOWN_RUBRIC_VERSION', `unknown rubric version "${version}"; known: ${RUBRIC_VERSIONS.join(', ')}`);
    this.name = 'UnknownRubricVersionError';
  }
}

export function isRubricVersion(version: string): version is RubricVersion {
  return (RUBRIC_VERSIONS as readonly string[]).includes(version);
}

export function getRubric(version: string): Rubric {
  if (!isRubricVersion(version)) throw new UnknownRubricVersionError(version);
  return RUBRICS[version];
}

export interface RubricIndex {
  readonly rubric: Rubric;
  /** All criteria in rubric order. */
  readonly criteria: readonly RubricCriterion[];
  readonly firstLevel: readonly FirstLevelIndicator[];
  readonly secondLevel: readonly SecondLevelIndicator[];
  readonly thirdLevel: readonly ThirdLevelIndicator[];
  readonly criterionById: ReadonlyMap<string, RubricCriterion>;
  readonly criterionByCode: ReadonlyMap<string, RubricCriterion>;
  /** Indicators of every level by id. */
  readonly indicatorById: ReadonlyMap<string, RubricIndicator>;
  /** Indicators by display code: "一", "(十五)", "32". */
  readonly indicatorByCode: ReadonlyMap<string, RubricIndicator>;
  /** Position of each criterion id in `criteria`. */
  readonly criterionOrdinal: ReadonlyMap<string, number>;
}

const INDEXES = new WeakMap<Rubric, RubricIndex>();

export function getRubricIndex(rubric: Rubric): RubricIndex {
  let index = INDEXES.get(rubric);
  if (index === undefined) {
    index = buildIndex(rubric);
    INDEXES.set(rubric, index);
  }
  return index;
}

function buildIndex(rubric: Rubric): RubricIndex {
  const criteria: RubricCriterion[] = [];
  const secondLevel: SecondLevelIndicator[] = [];
  const thirdLevel: ThirdLevelIndicator[] = [];
  const indicatorById = new Map<string, RubricIndicator>();
  const indicatorByCode = new Map<string, RubricIndicator>();
  for (const first of rubric.firstLevel) {
    indicatorById.set(first.id, first);
    indicatorByCode.set(first.code, first);
    for (const second of first.children) {
      secondLevel.push(second);
      indicatorById.set(second.id, second);
      indicatorByCode.set(second.code, second);
      for (const third of second.indicators) {
        thirdLevel.push(third);
        indicatorById.set(third.id, third);
        indicatorByCode.set(third.code, third);
        criteria.push(...third.criteria);
      }
    }
  }
  return {
    rubric,
    criteria,
    firstLevel: rubric.firstLevel,
    secondLevel,
    thirdLevel,
    criterionById: new Map(criteria.map((c) => [c.id, c])),
    criterionByCode: new Map(criteria.map((c) => [c.code, c])),
    indicatorById,
    indicatorByCode,
    criterionOrdinal: new Map(criteria.map((c, i) => [c.id, i])),
  };
}

/** A criterion by id ("4.15.32.3") or code ("32③", "33"); undefined when unknown. */
export function findCriterion(rubric: Rubric, idOrCode: string): RubricCriterion | undefined {
  const index = getRubricIndex(rubric);
  return index.criterionById.get(idOrCode) ?? index.criterionByCode.get(idOrCode);
}

/** An indicator of any level by id ("4.15.32") or code ("一", "(十五)", "32"); undefined when unknown. */
export function findIndicator(rubric: Rubric, idOrCode: string): RubricIndicator | undefined {
  const index = getRubricIndex(rubric);
  return index.indicatorById.get(idOrCode) ?? index.indicatorByCode.get(idOrCode);
}

/** How many indicators of each level and criteria a rubric has. */
export interface RubricSizes {
  readonly firstLevel: number;
  readonly secondLevel: number;
  readonly thirdLevel: number;
  /** Indicators of every level together. */
  readonly indicators: number;
  readonly criteria: number;
}

function sizesOf(rubric: Rubric): RubricSizes {
  const index = getRubricIndex(rubric);
  const [firstLevel, secondLevel, thirdLevel] = [index.firstLevel.length, index.secondLevel.length, index.thirdLevel.length];
  return { firstLevel, secondLevel, thirdLevel, indicators: firstLevel + secondLevel + thirdLevel, criteria: index.criteria.length };
}

/**
 * The largest sizes over every rubric version (national 2023: 5 / 21 / 46 indicators, 121
 * criteria). Static bounds — GraphQL query cost, argument limits — are declared before a
 * score says which version it used, so they take the largest.
 */
export const LARGEST_RUBRIC: RubricSizes = RUBRIC_VERSIONS.map((version) => sizesOf(RUBRICS[version])).reduce((a, b) => ({
  firstLevel: Math.max(a.firstLevel, b.firstLevel),
  secondLevel: Math.max(a.secondLevel, b.secondLevel),
  thirdLevel: Math.max(a.thirdLevel, b.thirdLevel),
  indicators: Math.max(a.indicators, b.indicators),
  criteria: Math.max(a.criteria, b.criteria),
}));

/** A third-level indicator by id ("4.15.32") or number ("32"); the ids of levels 1-2 share numbers. */
export function findThirdLevel(rubric: Rubric, idOrCode: string): ThirdLevelIndicator | undefined {
  const index = getRubricIndex(rubric);
  const byId = index.indicatorById.get(idOrCode);
  if (byId?.level === 3) return byId;
  return index.thirdLevel.find((third) => third.code === idOrCode);
}
