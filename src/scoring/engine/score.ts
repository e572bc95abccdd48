// scoreStation: the whole evaluation of one station, pure and deterministic. The inputs are
// put in canonical order first (and hashed), so the order of any input array never
// changes the output; nothing the caller passed is mutated or returned by reference.
//
// The rubric is compiled once (compile.ts: flat per-criterion columns, index arrays), the
// facts are aggregated in one pass per collection (rules/rule-input.ts), and points are
// added as integers of half-points (criteria.ts). Scratch objects are reused between
// evaluations (the engine is synchronous), and criterion and indicator results that say
// what the previous station's said are shared (frozen), so an evaluation allocates little
// beyond the parts of its result that are its own.
import { Attester, selectCertification } from './attested.js';
import { scoreBonus } from './bonus.js';
import { prepareFacts } from './canonical.js';
import { compileRubric, starPlan, type CompiledRubric } from './compile.js';
import { scoreCriteria } from './criteria.js';
import type { EvaluationContext, StationFacts } from './facts.js';
import { hashCanonical } from './hash.js';
import { resolveMissing } from './missing.js';
import { RuleInput } from './rules/rule-input.js';
import type { IndicatorResult, MissingItemResult, ScoreResult, StarLevelResult } from './score-result.js';
import { evaluateStarLevels } from './stars.js';
import { divRoundHalfUp, fmt } from './util.js';
import { blockingVetoes } from './vetoes.js';

const input = new RuleInput();
const attester = new Attester();

export function scoreStation(station: StationFacts, ctx: EvaluationContext): ScoreResult {
  const { rubric, cutOff } = ctx;
  const compiled = compileRubric(rubric);
  const prepared = prepareFacts(station, compiled);
  const facts = prepared.facts;
  const inputHash = hashCanonical(facts, ctx);
  const x = input.derive(facts, ctx, compiled.ruleParameters);
  const certification = selectCertification(facts, x.year);
  attester.reset(certification, certification !== null && certification.year <= x.year - rubric.parameters.certificationValidYears);
  const missingReason = resolveMissing(compiled, facts.missingItemMarks, x.duties);
  const tally = scoreCriteria(compiled, x, attester, prepared.firstAssessment, missingReason);
  const { rawH, thirdPtsH, thirdAppH, missingItems } = tally;
  const applicableH = compiled.totalH - tally.missingH;
  const rebasedHundredths = applicableH > 0 ? divRoundHalfUp(rawH * 10000, applicableH) : 0;
  const bonus = scoreBonus(facts.bonusEvents, rubric.bonus, cutOff);
  const totalHundredths = rebasedHundredths + bonus.bonusH * 50;
  const vetoes = blockingVetoes(facts.vetoEvents, cutOff, rubric.parameters.defaultWindowYears);
  const eligible = vetoes.length === 0;
  const starInputs = { thirdPtsH, thirdAppH, rawH, applicableH, bonusH: bonus.bonusH, totalHundredths, eligible, fiveStarMinimum: rubric.parameters.fiveStarMinimum };
  const starLevels = evaluateStarLevels(starPlan(compiled, ctx.policy), starInputs);
  return {
    stationCode: facts.code,
    rubricVersion: rubric.version,
    policyId: ctx.policy.id,
    cutOff,
    inputHash,
    raw: rawH / 2,
    applicable: applicableH / 2,
    rebased: rebasedHundredths / 100,
    bonus: bonus.bonusH / 2,
    total: totalHundredths / 100,
    stars: eligible ? highestPassed(starLevels) : 0,
    eligible,
    blockingVetoes: vetoes,
    starLevels,
    pendingCriteria: tally.pendingCriteria,
    missingItems,
    rebaseNote: rebaseNote(missingItems, rawH, applicableH, rebasedHundredths),
    indicators: indicatorResults(compiled, thirdPtsH, thirdAppH),
    criteria: tally.criteria,
    bonusItems: bonus.items,
  };
}

/** The first (highest) level passed, or 0. */
function highestPassed(levels: readonly StarLevelResult[]): ScoreResult['stars'] {
  for (let i = 0; i < levels.length; i++) if (levels[i].passed) return levels[i].stars;
  return 0;
}

function rebaseNote(items: readonly MissingItemResult[], rawH: number, applicableH: number, rebasedHundredths: number): string | null {
  if (items.length === 0) return null;
  const list = items.map((m) => `${m.code}（${fmt(m.max)}分）`).join('、');
  if (applicableH === 0) return `合理缺项 ${list}，全部评分细则均为合理缺项，无法折算`;
  return `合理缺项 ${list}不计，适用分值 ${fmt(applicableH / 2)} 分，基础得分 ${fmt(rawH / 2)} ÷ ${fmt(applicableH / 2)} × 100 = ${fmt(rebasedHundredths / 100)}`;
}

/** The last indicator result per position (depth-first index), shared like criterion results (criteria.ts). */
const INDICATOR_MEMO = new WeakMap<CompiledRubric, (IndicatorResult | undefined)[]>();

function indicatorResult(memo: (IndicatorResult | undefined)[], k: number, d: { id: string; code: string; name: string }, level: 1 | 2 | 3, starred: boolean, ptsH: number, maxH: number, appH: number): IndicatorResult {
  const last = memo[k];
  if (last !== undefined && last.points === ptsH / 2 && last.applicableMax === appH / 2) return last;
  return (memo[k] = Object.freeze({ id: d.id, code: d.code, level, name: d.name, points: ptsH / 2, max: maxH / 2, applicableMax: appH / 2, starred }));
}

/** Every indicator, depth first in rubric order: first level, its second levels, each followed by its third levels. */
function indicatorResults(compiled: CompiledRubric, thirdPtsH: Int32Array, thirdAppH: Int32Array): IndicatorResult[] {
  const thirdMaxH = compiled.thirdMaxHs;
  const out = new Array<IndicatorResult>(compiled.firsts.length + compiled.seconds.length + compiled.thirds.length);
  let memo = INDICATOR_MEMO.get(compiled);
  if (memo === undefined) INDICATOR_MEMO.set(compiled, (memo = new Array<IndicatorResult | undefined>(out.length).fill(undefined)));
  let k = 0;
  for (const first of compiled.firsts) {
    const firstAt = k++;
    let fp = 0;
    let fm = 0;
    let fa = 0;
    for (const si of first.seconds) {
      const second = compiled.seconds[si];
      const secondAt = k++;
      let sp = 0;
      let sm = 0;
      let sa = 0;
      for (const ti of second.thirds) {
        const t = compiled.thirds[ti].def;
        out[k] = indicatorResult(memo, k, t, 3, t.starred, thirdPtsH[ti], thirdMaxH[ti], thirdAppH[ti]);
        k++;
        sp += thirdPtsH[ti];
        sm += thirdMaxH[ti];
        sa += thirdAppH[ti];
      }
      out[secondAt] = indicatorResult(memo, secondAt, second.def, 2, false, sp, sm, sa);
      fp += sp;
      fm += sm;
      fa += sa;
    }
    out[firstAt] = indicatorResult(memo, firstAt, first.def, 1, false, fp, fm, fa);
  }
  return out;
}
