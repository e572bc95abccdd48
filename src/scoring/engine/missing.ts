// Reasonable missing items (合理缺项, note 4): criteria marked by a reviewer (a criterion id,
// or a third-level indicator id for all its criteria; unknown ids have no effect) and
// criteria whose duty the station does not have (rubric `requiresDuty`, i.e. 32③).
import type { CompiledRubric } from './compile.js';
import type { MissingItemMark } from './facts.js';

/**
 * Per criterion index: the missing-item reason, or null when the criterion applies; null
 * instead of the array when every criterion applies (the usual case).
 */
export function resolveMissing(compiled: CompiledRubric, marks: readonly MissingItemMark[], duties: number): (string | null)[] | null {
  let out: (string | null)[] | null = null;
  const dutyCriteria = compiled.dutyCriteria;
  for (let i = 0; i < dutyCriteria.length; i++) {
    const d = dutyCriteria[i];
    if ((duties & d.dutyBit) === 0) (out ??= new Array<string | null>(compiled.ids.length).fill(null))[d.index] = d.reason;
  }
  // marks are in canonical order; the first mark of a criterion gives its reason
  for (const mark of marks) {
    const reason = `合理缺项：${oneLine(mark.justification) || '未说明理由'}`;
    const ci = compiled.criterionIndex.get(mark.itemId);
    if (ci !== undefined) {
      out ??= new Array<string | null>(compiled.ids.length).fill(null);
      if (out[ci] === null) out[ci] = reason;
      continue;
    }
    const ti = compiled.thirdIndex.get(mark.itemId);
    if (ti !== undefined) {
      out ??= new Array<string | null>(compiled.ids.length).fill(null);
      for (const c of compiled.thirds[ti].criteria) if (out[c] === null) out[c] = reason;
    }
  }
  return out;
}

/** Collapses line breaks so a reason stays one line. */
export function oneLine(text: string | null | undefined): string {
  if (typeof text !== 'string') return '';
  const last = text.length - 1;
  if (last < 0) return text;
  let breaks = false;
  for (let i = 0; i <= last; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      breaks = true;
      break;
    }
  }
  if (!breaks) return !isSpace(text.charCodeAt(0)) && !isSpace(text.charCodeAt(last)) ? text : text.trim();
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The characters String.prototype.trim removes. */
function isSpace(c: number): boolean {
  return (
    c <= 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
