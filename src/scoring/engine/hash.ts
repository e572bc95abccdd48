// inputHash: sha256 over a canonical serialization of the facts (canonical.ts: arrays in
// canonical order, fixed field order, a tagged binary encoding), the cut-off date, the
// rubric version, the star policy (id and content, levels highest first, indicator sets
// sorted) and, for a round, its case-sample window. Shuffling any input array does not change it; changing any field does.
// Collections whose stored digest the caller supplies (StationFacts.digests) are hashed
// through their row count and collection digest instead of their rows: see
// StationFactDigests for the contract.
import { hash as sha } from 'node:crypto';
import type { StarLevelRule, StarPolicy } from '../../rubric/model/star-policy.js';
import { prepareFacts } from './canonical.js';
import { FactsEncoder } from './encoder.js';
import { visitFacts } from './visitors.js';
import { compileRubric } from './compile.js';
import type { EvaluationContext, StationFacts } from './facts.js';

/**
 * Bump when the serialization changes shape or the rules read the same inputs differently,
 * so old and new hashes never collide and every station is scored again (4: corrected
 * period and scope rules, leftOn, fileReviewedOn, overturnedOn, rounds; 5: one digest per
 * collection instead of one per row). The format of every hash that reads a stored digest.
 */
export const INPUT_HASH_FORMAT = 5;

/**
 * The format of a hash without any stored digest. Format 5 changed only how digests are
 * hashed, so facts without digests serialise exactly as under format 4 and keep its hash:
 * sealed round results (round_result, whose frozen facts carry no digests) hold format-4
 * input hashes in their stored result, and verifyRound recomputes and compares them.
 * Bump it (with INPUT_HASH_FORMAT) only when the rows' serialization or the rules change,
 * and then keep the previous one for verifying sealed results.
 */
export const SERIALISED_INPUT_HASH_FORMAT = 4;

const encoder = new FactsEncoder();
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function levelJson(l: StarLevelRule): string {
  const set = typeof l.indicatorSet === 'string' ? l.indicatorSet : [...l.indicatorSet].sort();
  return JSON.stringify([l.stars, set, l.threshold, l.includeBonus]);
}

/** Canonical JSON of a policy: fixed field order, levels highest first, indicator sets sorted. */
export function canonicalPolicyJson(p: StarPolicy): string {
  const levels = (p.levels ?? []).map(levelJson).sort().reverse();
  return `[${JSON.stringify(p.id)},${JSON.stringify(p.name)},${JSON.stringify(p.provinceCode)},${JSON.stringify(p.rubricVersion)},[${levels.join(',')}],${JSON.stringify(p.caseEntryDeadlineDays ?? null)}]`;
}

/** Policies are immutable data: their JSON is built once per policy object. */
const POLICY_JSON = new WeakMap<StarPolicy, string>();

let memoCutOff: string | null = null;
let memoVersion: string | null = null;
let memoPolicy: StarPolicy | null = null;
let memoRound: string | null = null;
/** The header's first part as bytes, per format: [serialised, with digests]. */
const memoPrefix: (Buffer | null)[] = [null, null];

/**
 * The header's first part (format, cut-off, rubric version, policy) as UTF-16LE bytes:
 * built once per context and format, and copied in front of every station's streams.
 */
function prefixBytes(ctx: EvaluationContext, withDigests: boolean): Buffer {
  // a round's evaluation differs from the rolling one of the same day (no year fallback, its own sample)
  const round = ctx.round === undefined ? 'rolling' : JSON.stringify([ctx.round.caseSampleFrom, ctx.round.caseSampleTo]);
  if (ctx.cutOff !== memoCutOff || ctx.rubric.version !== memoVersion || ctx.policy !== memoPolicy || round !== memoRound) {
    memoPrefix[0] = memoPrefix[1] = null;
    memoCutOff = ctx.cutOff;
    memoVersion = ctx.rubric.version;
    memoPolicy = ctx.policy;
    memoRound = round;
  }
  const slot = withDigests ? 1 : 0;
  let prefix = memoPrefix[slot];
  if (prefix === null) {
    let policyJson = POLICY_JSON.get(ctx.policy);
    if (policyJson === undefined) POLICY_JSON.set(ctx.policy, (policyJson = canonicalPolicyJson(ctx.policy)));
    const format = withDigests ? INPUT_HASH_FORMAT : SERIALISED_INPUT_HASH_FORMAT;
    memoPrefix[slot] = prefix = Buffer.from(`scorecard-input/${format}` + JSON.stringify([ctx.cutOff, ctx.rubric.version, round]) + policyJson, 'utf16le');
  }
  return prefix;
}

/** Everything hashed for one station, in one buffer: one sha256 call (reused between calls). */
let hashed = Buffer.alloc(65536);

function reserve(bytes: number): Buffer {
  if (hashed.length < bytes) hashed = Buffer.alloc(Math.max(bytes, hashed.length * 2));
  return hashed;
}

function bytes(view: ArrayBufferView, byteLength: number): Uint8Array {
  const u8 = new Uint8Array(view.buffer, view.byteOffset, byteLength);
  if (LITTLE_ENDIAN) return u8;
  // numbers and lengths are hashed little-endian on every platform
  const width = (view as Float64Array | Uint32Array).BYTES_PER_ELEMENT;
  const out = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i += width) for (let j = 0; j < width; j++) out[i + j] = u8[i + width - 1 - j];
  return out;
}

/** Hash of facts in canonical order (as prepared by prepareFacts or canonicalizeFacts). */
export function hashCanonical(canonicalFacts: StationFacts, ctx: EvaluationContext): string {
  encoder.reset();
  visitFacts(canonicalFacts, encoder);
  const e = encoder;
  // the header ends with the stream sizes; the digests' length only when there are any,
  // so facts without digests hash exactly as under format 4
  const digests = e.digestCount > 0;
  const sizes = digests ? `[${e.stringsLength},${e.ns},${e.nn},${e.nt},${e.digestLength}]` : `[${e.stringsLength},${e.ns},${e.nn},${e.nt}]`;
  const prefix = prefixBytes(ctx, digests);
  const strings = e.strings(sizes);
  const digestText = digests ? e.digestText() : '';
  const lensBytes = e.ns * 4;
  const numsBytes = e.nn * 8;
  // the bytes hashed: prefix and strings as UTF-16LE, digests as UTF-8, then lens, nums, tags
  const out = reserve(prefix.length + strings.length * 2 + digestText.length * 3 + lensBytes + numsBytes + e.nt);
  let at = prefix.copy(out, 0);
  at += out.write(strings, at, 'utf16le');
  if (digests) at += out.write(digestText, at, 'utf8');
  out.set(bytes(e.lens, lensBytes), at);
  at += lensBytes;
  out.set(bytes(e.nums, numsBytes), at);
  at += numsBytes;
  out.set(new Uint8Array(e.tags.buffer, 0, e.nt), at);
  at += e.nt;
  return sha('sha256', out.subarray(0, at), 'hex');
}

export function hashInputs(facts: StationFacts, ctx: EvaluationContext): string {
  return hashCanonical(prepareFacts(facts, compileRubric(ctx.rubric)).facts, ctx);
}
