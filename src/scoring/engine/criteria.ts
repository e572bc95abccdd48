// The criterion pass of scoreStation: points, status and reason of every criterion in rubric
// order, summed per third-level indicator as integers of half-points.
//
// Result objects are shared between evaluations when they say the same thing: per
// criterion, the last result built is kept with what determined it (its half-points,
// whether assessed, and the parts its reason is made of), and the next station whose
// criterion says the same gets the same object instead of a new one and a new reason
// string. Most criteria of most stations repeat (every pending criterion, every criterion
// at its maximum with the same explanation), so this cuts most of an evaluation's garbage.
// Shared objects are frozen: a result is read-only data.
import type { Attester } from './attested.js';
import { SOURCE_ASSESSED, SOURCE_ATTESTED, SOURCE_DATA, type CompiledRubric } from './compile.js';
import type { Assessment } from './facts.js';
import { oneLine } from './missing.js';
import type { RuleInput, RuleOutcome } from './rules/rule-input.js';
import type { CriterionResult, CriterionStatus, MissingItemResult } from './score-result.js';
import { fmt, isHalfStep, toHalf } from './util.js';

/** What the criterion pass hands back (scratch sums valid until the next evaluation). */
export interface CriteriaTally {
  criteria: CriterionResult[];
  pendingCriteria: string[];
  missingItems: MissingItemResult[];
  rawH: number;
  missingH: number;
  /** Per third-level indicator: earned and applicable half-points. */
  thirdPtsH: Int32Array;
  thirdAppH: Int32Array;
}

/** The last shared result per criterion and the inputs it was built from. */
interface Memo {
  results: (CriterionResult | undefined)[];
  halves: Int32Array;
  assessed: Uint8Array;
  heads: (string | null)[];
  tails: (string | null)[];
  pts: Int32Array;
  app: Int32Array;
}

const MEMOS = new WeakMap<CompiledRubric, Memo>();

function memoOf(compiled: CompiledRubric): Memo {
  let m = MEMOS.get(compiled);
  if (m === undefined) {
    const n = compiled.ids.length;
    m = {
      results: new Array<CriterionResult | undefined>(n).fill(undefined),
      halves: new Int32Array(n),
      assessed: new Uint8Array(n),
      heads: new Array<string | null>(n).fill(null),
      tails: new Array<string | null>(n).fill(null),
      pts: new Int32Array(compiled.thirds.length),
      app: new Int32Array(compiled.thirds.length),
    };
    MEMOS.set(compiled, m);
  }
  return m;
}

const PREFIXES: string[][] = [];

/** "评审评分 1/2：" (built once: short strings concatenated piece by piece are slow). */
function assessedPrefix(h: number, maxH: number, withNote: boolean): string {
  const key = withNote ? 1 : 0;
  const row = (PREFIXES[maxH * 2 + key] ??= []);
  return (row[h] ??= `评审评分 ${fmt(h / 2)}/${fmt(maxH / 2)}${withNote ? '：' : ''}`);
}

/** A valid reviewer score: a half step in [0, max]. */
function validAssessment(a: Assessment | undefined, max: number): boolean {
  return a !== undefined && typeof a.points === 'number' && isHalfStep(a.points) && a.points >= 0 && a.points <= max;
}

/** One criterion's outcome before it becomes a result (reused between criteria). */
class Pending {
  h = 0;
  assessed = false;
  /** The reason is head, or head + '；' + tail; for an assessed criterion, head is the raw note. */
  head = '';
  tail: string | null = null;
  /** A one-off reason (an invalid assessment), not shared. */
  fresh: string | null = null;
}

const pending = new Pending();
const outcome: RuleOutcome = { points: 0, reason: '' };

/** Points and reason parts of criterion i from its source (rule, certification or reviewer). */
function evaluate(compiled: CompiledRubric, i: number, x: RuleInput, attester: Attester, a: Assessment | undefined): void {
  const max = compiled.max[i];
  const p = pending;
  p.tail = null;
  p.fresh = null;
  p.assessed = false;
  if (a !== undefined && validAssessment(a, max)) {
    p.h = toHalf(a.points);
    p.assessed = true;
    p.head = typeof a.note === 'string' ? a.note : '';
    return;
  }
  const source = compiled.sourceCodes[i];
  const items = compiled.attestedItems[i];
  let points = 0;
  if (source === SOURCE_DATA) {
    compiled.rules[i]!(x, max, outcome, compiled.ruleArgs[i]!);
    points = outcome.points;
    p.head = outcome.reason;
    if (items.length > 0) {
      if (!attester.ok(items)) points = 0;
      p.tail = attester.reason(items);
    }
  } else if (source === SOURCE_ATTESTED) {
    points = attester.ok(items) ? max : 0;
    p.head = attester.reason(items);
  } else p.head = '未评审';
  p.h = toHalf(points);
  if (a !== undefined) p.fresh = `评审评分 ${String(a.points)} 无效（应为0至${fmt(max)}、0.5的整数倍），未采用；${reasonOf(p, 0)}`;
}

function reasonOf(p: Pending, maxH: number): string {
  if (p.assessed) {
    const note = oneLine(p.head);
    return note ? assessedPrefix(p.h, maxH, true) + note : assessedPrefix(p.h, maxH, false);
  }
  return p.tail === null ? p.head : `${p.head}；${p.tail}`;
}

function statusOf(compiled: CompiledRubric, i: number, h: number, assessed: boolean): CriterionStatus {
  if (!assessed && compiled.sourceCodes[i] === SOURCE_ASSESSED) return 'PENDING_ASSESSMENT';
  return h >= compiled.maxHs[i] ? 'MET' : h === 0 ? 'NOT_MET' : 'PARTLY_MET';
}

function build(compiled: CompiledRubric, i: number, points: number, assessed: boolean, status: CriterionStatus, reason: string): CriterionResult {
  return { id: compiled.ids[i], code: compiled.codes[i], indicatorId: compiled.indicatorIds[i], points, max: compiled.max[i], source: compiled.sources[i], assessed, status, reason };
}

/** The result of criterion i from `pending`: the shared one when it says the same. */
function resultOf(compiled: CompiledRubric, memo: Memo, i: number): CriterionResult {
  const p = pending;
  const status = statusOf(compiled, i, p.h, p.assessed);
  if (p.fresh !== null) return build(compiled, i, p.h / 2, p.assessed, status, p.fresh);
  const last = memo.results[i];
  if (last !== undefined && memo.halves[i] === p.h && memo.assessed[i] === (p.assessed ? 1 : 0) && memo.heads[i] === p.head && memo.tails[i] === p.tail) return last;
  const result = Object.freeze(build(compiled, i, p.h / 2, p.assessed, status, reasonOf(p, compiled.maxHs[i])));
  memo.results[i] = result;
  memo.halves[i] = p.h;
  memo.assessed[i] = p.assessed ? 1 : 0;
  memo.heads[i] = p.head;
  memo.tails[i] = p.tail;
  return result;
}

/** Every criterion, in rubric order (see the file comment). */
export function scoreCriteria(compiled: CompiledRubric, x: RuleInput, attester: Attester, assessment: readonly (Assessment | undefined)[], missingReason: readonly (string | null)[] | null): CriteriaTally {
  const memo = memoOf(compiled);
  const n = compiled.ids.length;
  const thirdOf = compiled.thirdOf;
  const thirdPtsH = memo.pts.fill(0);
  const thirdAppH = memo.app;
  thirdAppH.set(compiled.thirdMaxHs);
  const tally: CriteriaTally = { criteria: new Array<CriterionResult>(n), pendingCriteria: [], missingItems: [], rawH: 0, missingH: 0, thirdPtsH, thirdAppH };
  for (let i = 0; i < n; i++) {
    const missed = missingReason === null ? null : missingReason[i];
    if (missed !== null) {
      missingCriterion(compiled, i, missed, assessment[i] !== undefined, tally);
      continue;
    }
    evaluate(compiled, i, x, attester, assessment[i]);
    const result = resultOf(compiled, memo, i);
    const h = pending.h;
    thirdPtsH[thirdOf[i]] += h;
    tally.rawH += h;
    if (result.status === 'PENDING_ASSESSMENT') tally.pendingCriteria.push(compiled.ids[i]);
    tally.criteria[i] = result;
  }
  return tally;
}

/** A reasonable missing item: no points, out of the applicable maximum. */
function missingCriterion(compiled: CompiledRubric, i: number, missed: string, wasAssessed: boolean, tally: CriteriaTally): void {
  const reason = wasAssessed ? `${missed}（评审评分不计）` : missed;
  const maxH = compiled.maxHs[i];
  tally.missingH += maxH;
  tally.thirdAppH[compiled.thirdOf[i]] -= maxH;
  tally.missingItems.push({ id: compiled.ids[i], code: compiled.codes[i], max: compiled.max[i], reason });
  tally.criteria[i] = build(compiled, i, 0, false, 'MISSING_ITEM', reason);
}
