import { SYSTEM_PRINCIPAL, type Principal } from '../auth/principal.js';

/** A request's Idempotency-Key, with what identifies the request it was first used for. */
export interface IdempotencyClaim {
  key: string;
  method: string;
  path: string;
  /** sha256 of method, path and canonical body. */
  requestHash: string;
}

/** Who writes and on behalf of which request; passed explicitly to every write. */
export interface WriteContext {
  principal: Principal;
  requestId: string | null;
  idempotency: IdempotencyClaim | null;
}

/** The system writing without an HTTP request (seed, fixtures, benchmark loaders). */
export function systemContext(principal: Principal = SYSTEM_PRINCIPAL): WriteContext {
  return { principal, requestId: null, idempotency: null };
}
