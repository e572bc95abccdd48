// The star policy the service ships (domain guide): 5★ all indicators ≥ 90, 4★ and 3★ the
// ※ indicators re-based to 100, ≥ 85 and ≥ 75, bonus included. Provinces may replace
// every number (note 2); validateStarPolicy says what is wrong with a policy.
import type { Rubric } from '../model/rubric.js';
import type { StarPolicy } from '../model/star-policy.js';
import { NATIONAL_2023_VERSION } from './national-2023.js';

export const NATIONAL_DEFAULT_POLICY_ID = 'national-default';

export const NATIONAL_DEFAULT_POLICY: StarPolicy = Object.freeze({
  id: NATIONAL_DEFAULT_POLICY_ID,
  name: '全国默认星级标准',
  provinceCode: null,
  rubricVersion: NATIONAL_2023_VERSION,
  levels: [
    { stars: 5, indicatorSet: 'ALL', threshold: 90, includeBonus: true },
    { stars: 4, indicatorSet: 'STARRED', threshold: 85, includeBonus: true },
    { stars: 3, indicatorSet: 'STARRED', threshold: 75, includeBonus: true },
  ],
  caseEntryDeadlineDays: 7,
}) as StarPolicy;

/** Highest score a level can reach: 100 base points plus the bonus cap. */
const MAX_THRESHOLD = 110;
const PROVINCE_CODE = /^\d{2}0000$/;

/** Human-readable problems with a policy; an empty list means it can be used with this rubric. */
export function validateStarPolicy(policy: StarPolicy, rubric: Rubric): string[] {
  const problems: string[] = [];
  if (typeof policy.id !== 'string' || policy.id.trim() === '') problems.push('policy id is empty');
  if (typeof policy.name !== 'string' || policy.name.trim() === '') problems.push('policy name is empty');
  if (policy.provinceCode !== null && !PROVINCE_CODE.test(policy.provinceCode)) {
    problems.push(`provinceCode "${policy.provinceCode}" is not a 6-digit province code (e.g. 130000)`);
  }
  if (policy.rubricVersion !== rubric.version) {
    problems.push(`policy is for rubric "${policy.rubricVersion}", not "${rubric.version}"`);
  }
  if (!Number.isInteger(policy.caseEntryDeadlineDays) || policy.caseEntryDeadlineDays < 0 || policy.caseEntryDeadlineDays > 365) {
    problems.push(`caseEntryDeadlineDays must be a whole number of days 0..365, got ${String(policy.caseEntryDeadlineDays)}`);
  }
  if (!Array.isArray(policy.levels) || policy.levels.length === 0) {
    problems.push('policy has no star levels');
    return problems;
  }

  const thirdLevel = new Map<string, boolean>();
  for (const first of rubric.firstLevel) {
    for (const second of first.children) for (const third of second.indicators) thirdLevel.set(third.id, third.starred);
  }
  const starredIds = [...thirdLevel].filter(([, starred]) => starred).map(([id]) => id);
  const seen = new Set<number>();
  const minimum = rubric.parameters.fiveStarMinimum;

  for (const level of policy.levels) {
    const label = `${String(level.stars)}★`;
    if (![1, 2, 3, 4, 5].includes(level.stars)) {
      problems.push(`star level ${String(level.stars)} is not one of 1..5`);
      continue;
    }
    if (seen.has(level.stars)) problems.push(`${label} is defined more than once`);
    seen.add(level.stars);
    if (typeof level.threshold !== 'number' || !Number.isFinite(level.threshold) || level.threshold < 0 || level.threshold > MAX_THRESHOLD) {
      problems.push(`${label} threshold ${String(level.threshold)} is outside 0..${MAX_THRESHOLD}`);
    } else if (Math.round(level.threshold * 100) !== level.threshold * 100) {
      problems.push(`${label} threshold ${level.threshold} has more than 2 decimals`);
    }
    if (level.stars === 5 && typeof level.threshold === 'number' && level.threshold < minimum) {
      problems.push(`5★ threshold ${level.threshold} is below the minimum of ${minimum} (note 6: 五星所总分必须达到${minimum}分以上)`);
    }
    if (typeof level.includeBonus !== 'boolean') problems.push(`${label} includeBonus must be true or false`);
    else if (!level.includeBonus && rubric.parameters.starThresholdsIncludeBonus) {
      problems.push(`${label} includeBonus must be true: every star level compares its threshold with the total including the bonus (rubric ${rubric.version})`);
    }

    const set = level.indicatorSet;
    if (set === 'ALL' || set === 'STARRED') {
      if (level.stars === 5 && set !== 'ALL') problems.push('5★ must use ALL indicators (the national five-star rubric)');
      continue;
    }
    if (!Array.isArray(set)) {
      problems.push(`${label} indicatorSet must be 'ALL', 'STARRED' or a list of third-level indicator ids`);
      continue;
    }
    if (set.length === 0) {
      problems.push(`${label} indicator set is empty`);
      continue;
    }
    if (level.stars === 5) problems.push('5★ must use ALL indicators (the national five-star rubric)');
    const unique = new Set<string>();
    for (const id of set) {
      if (!thirdLevel.has(id)) problems.push(`${label} indicator set names unknown third-level indicator "${String(id)}"`);
      else if (unique.has(id)) problems.push(`${label} indicator set names "${id}" twice`);
      unique.add(id);
    }
    if (level.stars === 4 || level.stars === 3) {
      const missing = starredIds.filter((id) => !unique.has(id));
      if (missing.length > 0) {
        problems.push(`${label} indicator set leaves out ※ indicators ${missing.join(', ')} (note 2: ※ indicators are required for 4★ and 3★)`);
      }
    }
  }
  return problems;
}
