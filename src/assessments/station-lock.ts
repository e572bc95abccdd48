// What every reviewer mutation on a station does first: lock the station, check the key may
// act on it, and find the rubric its province scores with.
import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal.js';
import type { StarPolicyStore } from '../rubric/star-policies.service.js';
import { checkStationCode } from '../dashboard/args.js';
import { assertFoundInRegion, assertRole, type Permission } from '../dashboard/permissions.js';

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
  const [row] = await manager.query<{ code: string; county_code: string; province_code: string }[]>(
    `SELECT code, county_code, province_code FROM station WHERE code = $1 FOR NO KEY UPDATE`,
    [checkStationCode(code, 'stationCode')],
  );
  assertFoundInRegion(principal, row?.county_code, `station ${code}`);
  const policy = (await policies.activeFor([row.province_code], manager)).get(row.province_code)!;
  return { code: row.code, countyCode: row.county_code, provinceCode: row.province_code, rubricVersion: policy.rubricVersion };
}
