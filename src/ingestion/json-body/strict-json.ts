// Request bodies of the push interface are parsed as JSON.parse parses them, then refused
// where JSON.parse would silently change what was sent: invalid UTF-8 (decoded as U+FFFD),
// lone UTF-16 surrogate escapes (stored as U+FFFD by the database driver, so an externalId
// could no longer be addressed) and duplicate keys (JSON.parse keeps the last one: a
// `{"items":[…],"items":[]}` replacement removed a whole roster). Nesting is bounded too,
// because validation and request hashing walk the value recursively.
//
// JSON.parse runs first (native, and it rejects malformed text with a position), so the
// scan below may assume well-formed JSON: it visits each structural character once and
// skips string contents with indexOf. It costs about as much as JSON.parse itself.
import { isUtf8 } from 'node:buffer';

/** Deeper than any body of the interface needs (a batch row's trainings are at depth 5). */
export const MAX_JSON_DEPTH = 16;

export interface JsonProblem {
  /** Path of the value or key concerned, as validation reports it: `items[3].trainings[0].year`. */
  path: string;
  reason: string;
}

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const COMMA = 0x2c;

/** Parses a body; an empty (or all white space) body is `undefined`. */
export function parseStrictJson(bytes: Buffer, maxDepth = MAX_JSON_DEPTH): StrictJsonResult {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    const text = bytes.toString('utf8');
    const at = bytes.subarray(0, offset).toString('utf8').length;
    let path = '';
    try {
      path = scan(text, maxDepth, at).path;
    } catch {
      // text that is not JSON either: the problem is reported for the whole body
    }
    return { ok: false, problem: { path, reason: `the body is not valid UTF-8 (byte ${offset}): send UTF-8 text` } };
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: { path: '', reason: `malformed JSON: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const problem = findJsonProblem(text, maxDepth);
  return problem === null ? { ok: true, value } : { ok: false, problem };
}

/** The checks of parseStrictJson on text JSON.parse accepted: the first problem, or null. */
export function findJsonProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const found = scan(text, maxDepth, -1);
  return found.reason === null ? null : { path: found.path, reason: found.reason };
}

/** Byte offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0 || i + need >= bytes.length) return i;
    // Second-byte ranges that exclude overlong forms, surrogates and code points over U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

interface ScanResult {
  path: string;
  reason: string | null;
}

/**
 * Walks well-formed JSON text: reports the first duplicate key, lone surrogate escape or
 * container nested deeper than `maxDepth`, with its path. With `stopAt` ≥ 0 it only answers
 * the path of the value at that character offset (for an invalid UTF-8 byte).
 */
function scan(text: string, maxDepth: number, stopAt: number): ScanResult {
  const n = text.length;
  const limit = stopAt >= 0 ? Math.min(stopAt, n) : n;
  // By depth: whether the container is an object, its keys so far (lists reused from one
  // object to the next, a Set only for large objects) and its current key or index (path).
  const objects: boolean[] = [];
  const keyLists: string[][] = [];
  const keySets: (Set<string> | null)[] = [];
  const members: (string | number)[] = [];
  let depth = 0;
  let expectKey = false;
  let nextBackslash = text.indexOf('\\');
  if (nextBackslash < 0) nextBackslash = n;
  const path = (extra?: string) => pathOf(members.slice(0, depth), extra);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      let surrogate = false;
      let escaped = false;
      if (end < 0) end = n; // not JSON after all (only when stopAt is used)
      if (nextBackslash < end) {
        escaped = true;
        const walked = walkEscapedString(text, i + 1);
        end = walked.end;
        surrogate = walked.loneSurrogate;
        nextBackslash = text.indexOf('\\', end);
        if (nextBackslash < 0) nextBackslash = n;
      }
      if (expectKey) {
        expectKey = false;
        const key = escaped ? decodeKey(text, i, end) : text.slice(i + 1, end);
        if (stopAt >= 0 && stopAt <= end) return { path: path(key), reason: null };
        if (surrogate) return { path: path(key), reason: LONE_SURROGATE };
        if (!addKey(keyLists, keySets, depth - 1, key)) return { path: path(key), reason: `duplicate key "${key}": each field may appear once in an object` };
        members[depth - 1] = key;
      } else {
        if (stopAt >= 0 && stopAt <= end) return { path: path(), reason: null };
        if (surrogate) return { path: path(), reason: LONE_SURROGATE };
      }
      i = end;
    } else if (c === LBRACE || c === LBRACKET) {
      if (depth >= maxDepth) return { path: path(), reason: `the body is nested deeper than ${maxDepth} levels` };
      const object = c === LBRACE;
      objects[depth] = object;
      members[depth] = object ? '' : 0;
      if (object) {
        (keyLists[depth] ??= []).length = 0;
        keySets[depth] = null;
      }
      depth++;
      expectKey = object;
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
      expectKey = false;
    } else if (c === COMMA) {
      if (objects[depth - 1]) expectKey = true;
      else members[depth - 1] = (members[depth - 1] as number) + 1;
    }
  }
  return { path: stopAt >= 0 ? path() : '', reason: null };
}

/** Adds a key to the object at `level`; false when it is there already. */
function addKey(keyLists: string[][], keySets: (Set<string> | null)[], level: number, key: string): boolean {
  const set = keySets[level];
  if (set) {
    if (set.has(key)) return false;
    set.add(key);
    return true;
  }
  const list = keyLists[level];
  for (let k = 0; k < list.length; k++) if (list[k] === key) return false;
  list.push(key);
  // A linear search is cheapest for the few keys of a row; a large object gets a Set.
  if (list.length > 32) keySets[level] = new Set(list);
  return true;
}

const LONE_SURROGATE = 'holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair): escape the character as a surrogate pair, or send it as UTF-8';

/** A string with backslash escapes, from just after its opening quote: its closing quote, and whether a \u escape leaves a surrogate unpaired. */
function walkEscapedString(text: string, from: number): { end: number; loneSurrogate: boolean } {
  let loneSurrogate = false;
  let pendingHigh = false;
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) break;
    if (c !== BACKSLASH) {
      if (pendingHigh) loneSurrogate = true;
      pendingHigh = false;
      continue;
    }
    const e = text.charCodeAt(i + 1);
    if (e !== 0x75 /* u */) {
      if (pendingHigh) loneSurrogate = true;
      pendingHigh = false;
      i++;
      continue;
    }
    const unit = parseInt(text.slice(i + 2, i + 6), 16);
    if (unit >= 0xdc00 && unit <= 0xdfff) {
      if (!pendingHigh) loneSurrogate = true;
      pendingHigh = false;
    } else {
      if (pendingHigh) loneSurrogate = true;
      pendingHigh = unit >= 0xd800 && unit <= 0xdbff;
    }
    i += 5;
  }
  return { end: i, loneSurrogate: loneSurrogate || pendingHigh };
}

function decodeKey(text: string, start: number, end: number): string {
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return text.slice(start + 1, end);
  }
}

function pathOf(members: readonly (string | number)[], extra?: string): string {
  let out = '';
  const all = extra === undefined ? members : [...members.slice(0, -1), extra];
  for (const m of all) out = typeof m === 'number' ? `${out}[${m}]` : out ? `${out}.${m}` : m;
  return out;
}
