// Who reads people's personal data (names, birth months, certificate numbers): the one rule
// both APIs apply (GraphQL's roster fields, every REST read of people). A county key reads
// the people of its own stations, an admin key everyone's; other keys read the roster
// without those fields.
import type { ApiKeyRole } from './api-key.entity.js';
import { coversRegion, type Principal } from './principal.js';

export const PERSONAL_DATA_ROLES = ['COUNTY', 'ADMIN'] as const satisfies readonly ApiKeyRole[];

/** True when the key may read the personal data of people at a station of this county. */
export function canReadPersonalData(principal: Principal, stationCountyCode: string): boolean {
  return (PERSONAL_DATA_ROLES as readonly ApiKeyRole[]).includes(principal.role) && coversRegion(principal, stationCountyCode);
}
