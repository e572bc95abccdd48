// Opaque keyset cursors: base64url of JSON [kind, ...key]. The kind names the ordering a
// cursor belongs to, so a cursor of one list or order is refused by another.
import { DomainError } from '../common/errors/domain-error.js';
import { hasControlCharacters } from '../domain/text.js';

export type CursorKey = (string | number | null)[];

export function encodeCursor(kind: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([kind, ...key])).toString('base64url');
}

/** The key of a cursor of this kind; BAD_USER_INPUT on `path` otherwise. */
export function decodeCursor(kind: string, cursor: string, length: number, path = 'after'): CursorKey {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  // A cursor is decoded from client text: its key goes into SQL only as plain values (no NUL, which PostgreSQL refuses).
  const plain = (v: unknown) => v === null || (typeof v === 'string' && !hasControlCharacters(v)) || (typeof v === 'number' && Number.isFinite(v));
  if (!Array.isArray(value) || value[0] !== kind || value.length !== length + 1 || !value.slice(1).every(plain)) {
    throw DomainError.badInput('invalid cursor', [{ path, reason: `not a cursor of this list and order (${kind})` }]);
  }
  return value.slice(1) as CursorKey;
}

/** `first` within 1..max, or BAD_USER_INPUT. */
export function checkFirst(first: number, max: number, path = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw DomainError.badInput(`${path} must be between 1 and ${max}`, [{ path, reason: `must be an integer 1..${max}, got ${first}` }]);
  }
  return first;
}
