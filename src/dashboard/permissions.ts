// Who may do what through GraphQL: the one role table, and the region-scope checks every
// resolver uses. Reads are open to every role within its region (a province sees its
// province, a city its city, a county its county); the table below adds what a role may
// do beyond reading.
import type { ApiKeyRole } from '../auth/api-key.entity.js';
import { PERSONAL_DATA_ROLES } from '../auth/personal-data.js';
import { coversRegion, regionPrefix, type Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { StationRegionColumn } from '../regions/region.entity.js';

export const PERMISSIONS = {
  /** Names, birth months and certificate numbers of people (personal data; the rule is auth/personal-data.ts). */
  readPersonalData: PERSONAL_DATA_ROLES,
  /** assessCriterion, markMissingItem, unmarkMissingItem. */
  review: ['PROVINCE', 'CITY', 'ADMIN'],
  liftVeto: ['PROVINCE', 'ADMIN'],
  setStarPolicy: ['PROVINCE', 'ADMIN'],
  /** openRound and the province's steps of a rating round (review, publish, confirm, revoke). */
  manageRounds: ['PROVINCE', 'ADMIN'],
  startRecompute: ['PROVINCE', 'CITY', 'ADMIN'],
} as const satisfies Record<string, readonly ApiKeyRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly ApiKeyRole[]).includes(principal.role);
}

/** FORBIDDEN unless the key's role has the permission. */
export function assertRole(principal: Principal, permission: Permission, what: string): void {
  if (!hasPermission(principal, permission)) {
    throw DomainError.forbidden(`${what} needs one of the roles ${PERMISSIONS[permission].join(', ')}; the key has ${principal.role}`);
  }
}

/** FORBIDDEN unless the role has the permission and its region covers `regionCode`. */
export function assertPermitted(principal: Principal, permission: Permission, regionCode: string, what: string): void {
  assertRole(principal, permission, what);
  assertCovers(principal, regionCode, what);
}

/** FORBIDDEN when the region (any level) or county code lies outside the key's region. */
export function assertCovers(principal: Principal, regionCode: string, what: string): void {
  if (!coversRegion(principal, regionCode)) {
    throw DomainError.forbidden(`${what} is outside this key's region (${principal.regionCode})`);
  }
}

/**
 * NOT_FOUND for a record (a station, a veto) that does not exist (countyCode undefined) or lies
 * outside the key's region: the same answer either way, so a key cannot learn what exists
 * elsewhere by telling FORBIDDEN from NOT_FOUND.
 */
export function assertFoundInRegion(principal: Principal, countyCode: string | undefined, what: string): void {
  if (countyCode === undefined || !coversRegion(principal, countyCode)) {
    throw new DomainError('NOT_FOUND', principal.role === 'ADMIN' ? `${what} not found` : `${what} not found in this key's region (${principal.regionCode})`);
  }
}

/** An API key id (who requested, assessed, marked, lifted): a key sees its own, an admin every one. */
export function canSeeKeyId(principal: Principal, keyId: string): boolean {
  return principal.role === 'ADMIN' || principal.keyId === keyId;
}

/** The indexed station column that holds a region code of this level. */
export function regionColumn(regionCode: string): StationRegionColumn {
  const length = regionPrefix(regionCode).length;
  return length === 2 ? 'province_code' : length === 4 ? 'city_code' : 'county_code';
}

/** The station filter a key's scope implies; null for an admin (everything). */
export function scopeFilter(principal: Principal): { column: StationRegionColumn; code: string } | null {
  if (principal.role === 'ADMIN') return null;
  return { column: regionColumn(principal.regionCode), code: principal.regionCode };
}
