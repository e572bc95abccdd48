// Values every audited mutation records: who acted and a digest of what changed.
import { SYSTEM_PRINCIPAL } from '../auth/principal.js';
import { rowDigest } from '../ingestion/row-digest.js';
import type { WriteContext } from '../ingestion/write-context.js';

/** The key id for *_by columns; null for the system. */
export function keyIdOf(ctx: WriteContext): string | null {
  return ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId ? null : ctx.principal.keyId;
}

/** Digest of an audited value (null stays null). */
export function digestOf(value: unknown): string | null {
  return value === null || value === undefined ? null : rowDigest(value);
}
