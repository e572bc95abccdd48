// scoreStation: the whole evaluation of one station, pure and deterministic. The inputs are
// put in canonical order first (and hashed), so the order of any input array never
// changes the output; nothing the caller passed is mutated or returned by reference.
//
// The rubric is compiled once (compile.ts: flat per-criterion columns, index arrays), the
// facts are aggregated in one pass per collection (rules/rule-input.ts), and points are
// added as integers of half-points. Scratch objects are reused between evaluations (the
// engine is synchronous), so an evaluation allocates little beyond its result.
import { Attester, selectCertification } from './attested.js';
import { scoreBonus } from './bonus.js';
import { prepareFacts } from './canonical.js';
import { compileRubric, SOURCE_ASSESSED, SOURCE_ATTESTED, SOURCE_DATA, starPlan, type CompiledRubric } from './compile.js';
import type { EvaluationContext, StationFacts } from './facts.js';
import { hashCanonical } from './hash.js';
import { oneLine, resolveMissing } from './missing.js';
import { RuleInput, type RuleOutcome } from './rules/rule-input.js';
import type { CriterionResult, CriterionStatus, IndicatorResult, MissingItemResult, ScoreResult } from './score-result.js';
import { evaluateStarLevels } from './stars.js';
import { divRoundHalfUp, fmt, isHalfStep, toHalf } from './util.js';
import { blockingVetoes } from './vetoes.js';

const PREFIXES: string[][] = [];

/** "评审评分 1/2：" (built once: short strings concatenated piece by piece are slow). */
function assessedPrefix(h: number, maxH: number, withNote: boolean): string {
  const key = withNote ? 1 : 0;
  const row = (PREFIXES[maxH * 2 + key] ??= []);
  return (row[h] ??= `评审评分 ${fmt(h / 2)}/${fmt(maxH / 2)}${withNote ? '：' : ''}`);
}

const SCRATCH = new WeakMap<CompiledRubric, { pts: Int32Array; app: Int32Array }>();
function scratch(compiled: CompiledRubric): { pts: Int32Array; app: Int32Array } {
  let s = SCRATCH.get(compiled);
  if (s === undefined) SCRATCH.set(compiled, (s = { pts: new Int32Array(compiled.thirds.length), app: new Int32Array(compiled.thirds.length) }));
  return s;
}

const input = new RuleInput();
const attester = new Attester();
const outcome: RuleOutcome = { points: 0, reason: '' };

export function scoreStation(station: StationFacts, ctx: EvaluationContext): ScoreResult {
  const { rubric, policy, cutOff } = ctx;
  const compiled = compileRubric(rubric);
  const plan = starPlan(compiled, policy);
  const prepared = prepareFacts(station, compiled);
  const facts = prepared.facts;
  const inputHash = hashCanonical(facts, ctx);
  const x = input.derive(facts, ctx, compiled.ruleParameters);
  const certification = selectCertification(facts, x.year);
  attester.reset(certification, certification !== null && certification.year <= x.year - rubric.parameters.certificationValidYears);
  const missingReason = resolveMissing(compiled, facts.missingItemMarks, x.duties);
  const assessment = prepared.firstAssessment;

  const n = compiled.ids.length;
  const { ids, codes, indicatorIds, max: maxima, maxHs, sourceCodes, sources, rules, attestedItems, thirdOf } = compiled;
  // per third-level indicator: earned and applicable half-points (scratch arrays, consumed below)
  const thirdPtsH = scratch(compiled).pts.fill(0);
  const thirdAppH = scratch(compiled).app;
  thirdAppH.set(compiled.thirdMaxHs);
  const criteria = new Array<CriterionResult>(n);
  const pendingCriteria: string[] = [];
  const missingItems: MissingItemResult[] = [];
  let rawH = 0;
  let missingH = 0;

  for (let i = 0; i < n; i++) {
    const max = maxima[i];
    const maxH = maxHs[i];
    const source = sourceCodes[i];
    const a = assessment[i];
    let points = 0;
    let status: CriterionStatus;
    let assessed = false;
    let reason: string;
    const missed = missingReason === null ? null : missingReason[i];
    if (missed !== null) {
      status = 'MISSING_ITEM';
      reason = a !== undefined ? `${missed}（评审评分不计）` : missed;
      missingH += maxH;
      thirdAppH[thirdOf[i]] -= maxH;
      missingItems.push({ id: ids[i], code: codes[i], max, reason });
      criteria[i] = { id: ids[i], code: codes[i], indicatorId: indicatorIds[i], points: 0, max, source: sources[i], assessed, status, reason };
      continue;
    }
    if (a !== undefined && typeof a.points === 'number' && isHalfStep(a.points) && a.points >= 0 && a.points <= max) {
      points = a.points;
      assessed = true;
      const note = oneLine(a.note);
      reason = note ? assessedPrefix(toHalf(points), maxH, true) + note : assessedPrefix(toHalf(points), maxH, false);
    } else {
      if (source === SOURCE_DATA) {
        rules[i]!(x, max, outcome);
        points = outcome.points;
        reason = outcome.reason;
        const items = attestedItems[i];
        if (items.length > 0) {
          if (!attester.ok(items)) points = 0;
          reason = `${reason}；${attester.reason(items)}`;
        }
      } else if (source === SOURCE_ATTESTED) {
        const items = attestedItems[i];
        points = attester.ok(items) ? max : 0;
        reason = attester.reason(items);
      } else {
        reason = '未评审';
      }
      if (a !== undefined) reason = `评审评分 ${String(a.points)} 无效（应为0至${fmt(max)}、0.5的整数倍），未采用；${reason}`;
    }
    const h = toHalf(points);
    thirdPtsH[thirdOf[i]] += h;
    rawH += h;
    if (!assessed && source === SOURCE_ASSESSED) {
      status = 'PENDING_ASSESSMENT';
      pendingCriteria.push(ids[i]);
    } else status = h >= maxH ? 'MET' : h === 0 ? 'NOT_MET' : 'PARTLY_MET';
    criteria[i] = { id: ids[i], code: codes[i], indicatorId: indicatorIds[i], points: h / 2, max, source: sources[i], assessed, status, reason };
  }

  const applicableH = compiled.totalH - missingH;
  const rebasedHundredths = applicableH > 0 ? divRoundHalfUp(rawH * 10000, applicableH) : 0;
  const bonus = scoreBonus(facts.bonusEvents, rubric.bonus, cutOff);
  const totalHundredths = rebasedHundredths + bonus.bonusH * 50;
  const vetoes = blockingVetoes(facts.vetoEvents, cutOff, rubric.parameters.defaultWindowYears);
  const eligible = vetoes.length === 0;
  const starLevels = evaluateStarLevels(plan, {
    thirdPtsH,
    thirdAppH,
    rawH,
    applicableH,
    bonusH: bonus.bonusH,
    totalHundredths,
    eligible,
    fiveStarMinimum: rubric.parameters.fiveStarMinimum,
  });
  let stars: ScoreResult['stars'] = 0;
  if (eligible) {
    for (let i = 0; i < starLevels.length; i++) {
      if (starLevels[i].passed) {
        stars = starLevels[i].stars;
        break;
      }
    }
  }

  return {
    stationCode: facts.code,
    rubricVersion: rubric.version,
    policyId: policy.id,
    cutOff,
    inputHash,
    raw: rawH / 2,
    applicable: applicableH / 2,
    rebased: rebasedHundredths / 100,
    bonus: bonus.bonusH / 2,
    total: totalHundredths / 100,
    stars,
    eligible,
    blockingVetoes: vetoes,
    starLevels,
    pendingCriteria,
    missingItems,
    rebaseNote: rebaseNote(missingItems, rawH, applicableH, rebasedHundredths),
    indicators: indicatorResults(compiled, thirdPtsH, compiled.thirdMaxHs, thirdAppH),
    criteria,
    bonusItems: bonus.items,
  };
}

function rebaseNote(items: readonly MissingItemResult[], rawH: number, applicableH: number, rebasedHundredths: number): string | null {
  if (items.length === 0) return null;
  const list = items.map((m) => `${m.code}（${fmt(m.max)}分）`).join('、');
  if (applicableH === 0) return `合理缺项 ${list}，全部评分细则均为合理缺项，无法折算`;
  return `合理缺项 ${list}不计，适用分值 ${fmt(applicableH / 2)} 分，基础得分 ${fmt(rawH / 2)} ÷ ${fmt(applicableH / 2)} × 100 = ${fmt(rebasedHundredths / 100)}`;
}

/** Every indicator, depth first in rubric order: first level, its second levels, each followed by its third levels. */
function indicatorResults(compiled: CompiledRubric, thirdPtsH: Int32Array, thirdMaxH: Int32Array, thirdAppH: Int32Array): IndicatorResult[] {
  const out = new Array<IndicatorResult>(compiled.firsts.length + compiled.seconds.length + compiled.thirds.length);
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
        out[k++] = { id: t.id, code: t.code, level: 3, name: t.name, points: thirdPtsH[ti] / 2, max: thirdMaxH[ti] / 2, applicableMax: thirdAppH[ti] / 2, starred: t.starred };
        sp += thirdPtsH[ti];
        sm += thirdMaxH[ti];
        sa += thirdAppH[ti];
      }
      const d = second.def;
      out[secondAt] = { id: d.id, code: d.code, level: 2, name: d.name, points: sp / 2, max: sm / 2, applicableMax: sa / 2, starred: false };
      fp += sp;
      fm += sm;
      fa += sa;
    }
    const d = first.def;
    out[firstAt] = { id: d.id, code: d.code, level: 1, name: d.name, points: fp / 2, max: fm / 2, applicableMax: fa / 2, starred: false };
  }
  return out;
}
