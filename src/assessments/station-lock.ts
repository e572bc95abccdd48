// What every reviewer mutation on a station does first: lock the station, check the key may
// act on it, and find the rubric its province scores with.
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { StarPolicyStore } from '../rubric/star-policies.service.js';
import { checkStationCode } from '../dashboard/args.js';
import { assertFoundInRegion, assertRole, type Permission } from '../dashboard/permissions.js';
import { StationsRepository } from '../stations/stations.repository.js';

export interface LockedStation {
  code: string;
  countyCode: string;
  provinceCode: string;
  rubricVersion: string;
}

/**
 * Checks the role first (a county key cannot review, whatever the station), then locks the
 * station row for the transaction and checks its region: FORBIDDEN for the role, NOT_FOUND for
 * a station that is unknown or outside the key's region.
 */
export async function lockStationFor(
  manager: EntityManager,
  policies: StarPolicyStore,
  principal: Principal,
  permission: Permission,
  code: string,
  what: string,
): Promise<LockedStation> {
  assertRole(principal, permission, what);
  const row = await new StationsRepository(manager).lockForDecision(checkStationCode(code, 'stationCode'));
  assertFoundInRegion(principal, row?.county_code, `station ${code}`);
  const { province_code: provinceCode, county_code: countyCode } = row!;
  const policy = (await policies.activeFor([provinceCode], manager)).get(provinceCode)!;
  return { code: row!.code, countyCode, provinceCode, rubricVersion: policy.rubricVersion };
}
