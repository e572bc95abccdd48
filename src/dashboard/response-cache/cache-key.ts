// The key of a cached GraphQL answer: everything the answer depends on besides the code.
import { canonicalJson, sha256Hex } from '../../ingestion/row-digest.js';

export interface ResponseKeyParts {
  /** The query document as received (not re-printed: equal text, equal key). */
  query: string;
  operationName: string | null;
  variables: Readonly<Record<string, unknown>>;
  /** Authorization and personal-field visibility depend on the role and the region only (permissions.ts)… */
  role: string;
  regionCode: string;
  /** …but key ids in answers on the key itself (key-ids.ts): its id when the query selects one, else null. */
  keyId: string | null;
  /** The request's today: windows and the training year move with it. */
  today: string;
  /** The change feed's data generation the answer was read under. */
  generation: number;
}

/** sha256 (hex) of the parts; variables in canonical key order, so `{a, b}` and `{b, a}` share an entry. */
export function responseCacheKey(parts: ResponseKeyParts): string {
  const fields = [parts.query, parts.operationName, canonicalJson(parts.variables), parts.role, parts.regionCode, parts.keyId, parts.today, parts.generation];
  // A JSON array keeps the fields apart whatever characters they hold.
  return sha256Hex(JSON.stringify(fields));
}

