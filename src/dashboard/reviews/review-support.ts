// What every reviewer mutation does first: lock the station, check the key may act on it,
// and find the rubric its province scores with.
import type { EntityManager } from 'typeorm';
import { SYSTEM_PRINCIPAL, type Principal } from '../../auth/principal.js';
import { rowDigest } from '../../ingestion/row-digest.js';
import type { WriteContext } from '../../ingestion/write-context.js';
import { getRubricIndex, type Rubric, type ThirdLevelIndicator } from '../../rubric/index.js';
import type { StarPoliciesService } from '../../rubric/star-policies.service.js';
import { checkStationCode } from '../args.js';
import { assertFoundInRegion, assertRole, type Permission } from '../permissions.js';

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
  policies: StarPoliciesService,
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

/** The key id for *_by columns; null for the system. */
export function keyIdOf(ctx: WriteContext): string | null {
  return ctx.principal.keyId === SYSTEM_PRINCIPAL.keyId ? null : ctx.principal.keyId;
}

/** Digest of an audited value (null stays null). */
export function digestOf(value: unknown): string | null {
  return value === null || value === undefined ? null : rowDigest(value);
}

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM answers those as [rows, count] on
 * PostgreSQL (INSERT … RETURNING answers the rows).
 */
export function returnedRows<T>(result: unknown): T[] {
  const value = result as unknown[];
  return Array.isArray(value[0]) ? (value[0] as T[]) : (value as T[]);
}

/** A third-level indicator by id ("4.15.32") or number ("32"); the ids of levels 1-2 share numbers. */
export function findThirdLevel(rubric: Rubric, idOrCode: string): ThirdLevelIndicator | undefined {
  const index = getRubricIndex(rubric);
  const byId = index.indicatorById.get(idOrCode);
  if (byId?.level === 3) return byId;
  return index.thirdLevel.find((third) => third.code === idOrCode);
}
