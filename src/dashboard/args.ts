// Argument checks shared by resolvers: malformed input is BAD_USER_INPUT with the path.
import { DomainError } from '../common/errors/domain-error.js';

const REGION_CODE = /^\d{6}$/;
const STATION_CODE = /^[A-Za-z0-9_-]{1,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkRegionCode(code: string, path = 'regionCode'): string {
  if (!REGION_CODE.test(code)) throw DomainError.badInput(`malformed region code "${code}"`, [{ path, reason: 'a 6-digit GB/T 2260 code, e.g. 130000' }]);
  return code;
}

export function checkStationCode(code: string, path = 'code'): string {
  if (!STATION_CODE.test(code)) throw DomainError.badInput(`malformed station code "${code}"`, [{ path, reason: '1 to 32 characters of A-Z, a-z, 0-9, _ and -' }]);
  return code;
}

export function checkUuid(id: string, path: string): string {
  if (!UUID.test(id)) throw DomainError.badInput(`malformed id "${id}"`, [{ path, reason: 'a UUID' }]);
  return id;
}

export function checkInstant(value: Date | null | undefined, path: string): Date | null {
  if (value == null) return null;
  if (Number.isNaN(value.getTime())) throw DomainError.badInput(`${path} is not a date-time`, [{ path, reason: 'an ISO 8601 date-time, e.g. 2026-06-30T00:00:00Z' }]);
  return value;
}

/** Non-empty after trimming, at most `max` characters. */
export function checkText(value: string, path: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw DomainError.badInput(`${path} is empty`, [{ path, reason: 'must not be empty' }]);
  if (text.length > max) throw DomainError.badInput(`${path} is too long`, [{ path, reason: `at most ${max} characters` }]);
  return text;
}
