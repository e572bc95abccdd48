import * as crypto from 'node:crypto';

// crypto.hash (one-shot, Node ≥ 20.12) is about twice as fast as createHash for row-sized
// inputs; fall back where it is missing.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/**
 * JSON with object keys sorted at every level, so that two equal values always serialise
 * to the same text. Arrays keep their order: callers sort the ones whose order carries no
 * meaning (duties, trainings) before digesting. `undefined` members are dropped, as in JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * True when every object in `value` already lists its keys in sorted order and holds no
 * undefined or non-finite value: then JSON.stringify writes exactly the canonical JSON,
 * about three times faster. The row normal forms (normalizePerson, …) build their objects
 * in key order for this reason.
 */
export function isCanonicalShape(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonicalShape(item)) return false;
    return true;
  }
  let previous = '';
  for (const key in value as Record<string, unknown>) {
    if (key < previous) return false;
    previous = key;
    if (!isCanonicalShape((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** The `row_digest` of a normalised row: sha256 hex of its canonical JSON. */
export function rowDigest(row: unknown): string {
  return sha256Hex(isCanonicalShape(row) ? JSON.stringify(row) : canonicalJson(row));
}

/**
 * The digest of a row whose normal form is built in sorted key order and can hold no
 * undefined or non-finite value (normalizePerson, normalizeEquipment, normalizeCase; the
 * compiled-validator tests check it): rowDigest without the shape check.
 */
export function sortedRowDigest(row: unknown): string {
  return sha256Hex(JSON.stringify(row));
}
