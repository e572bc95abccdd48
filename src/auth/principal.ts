import type { ApiKeyRole } from './api-key.entity.js';

/** Who is calling: the API key and what it may reach. */
export interface Principal {
  keyId: string;
  role: ApiKeyRole;
  /** The key's region: a county key writes its county, a province key its province. */
  regionCode: string;
}

/** The system itself (scheduler, CLI, demo seed) when it acts without an API key. */
export const SYSTEM_PRINCIPAL: Principal = { keyId: '00000000-0000-0000-0000-000000000000', role: 'ADMIN', regionCode: '000000' };

/** The GB/T 2260 prefix a region code stands for: 13 (province), 1301 (city), 130102 (county). */
export function regionPrefix(regionCode: string): string {
  if (regionCode.endsWith('0000')) return regionCode.slice(0, 2);
  if (regionCode.endsWith('00')) return regionCode.slice(0, 4);
  return regionCode;
}

/** True when the principal's scope covers a region (of any level) or a county code. */
export function coversRegion(principal: Principal, regionCode: string): boolean {
  if (principal.role === 'ADMIN') return true;
  const own = regionPrefix(principal.regionCode);
  return regionCode.startsWith(own) && regionPrefix(regionCode).length >= own.length;
}

/** True when the region is one of the key's own parents (a county key's city and province). */
export function isAboveRegion(principal: Principal, regionCode: string): boolean {
  const prefix = regionPrefix(regionCode);
  return prefix.length < regionPrefix(principal.regionCode).length && principal.regionCode.startsWith(prefix);
}
