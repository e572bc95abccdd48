// How a per-year rule names the year it read when that year stands in for the last one
// (domain guide, "Periods": until 31 March the rolling evaluation uses Y−2 for a station
// that has not reported Y−1 yet).
import type { RuleInput, YearUsed } from './rule-input.js';

const NOTES = new Map<string, string>();

/** "（2026年度尚未报送，3月31日前暂按2025年度）" when `used` stands in for Y−1, else ''. */
export function yearNote(x: RuleInput, used: YearUsed): string {
  if (used.missing === 0) return '';
  const key = `${used.missing}/${used.year}/${x.fallbackUntilText}`;
  let text = NOTES.get(key);
  if (text === undefined) {
    text = `（${used.missing}年度尚未报送，${x.fallbackUntilText}前暂按${used.year}年度）`;
    if (NOTES.size < 256) NOTES.set(key, text);
  }
  return text;
}
