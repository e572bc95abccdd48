import { QueryFailedError } from 'typeorm';
import { httpStatusOf, retryAfterSecondsOf } from '../http-status.js';
import { toDomainError } from '../to-domain-error.js';

describe('toDomainError', () => {
  test.each([
    ['40P01', 'CONFLICT'],
    ['40001', 'CONFLICT'],
    ['55P03', 'CONFLICT'],
    ['23505', 'CONFLICT'],
    ['23514', 'BAD_USER_INPUT'],
    ['XX000', 'INTERNAL_SERVER_ERROR'],
    ['57014', 'INTERNAL_SERVER_ERROR'],
    // The server or the connection went away: transient.
    ['57P01', 'SERVICE_UNAVAILABLE'],
    ['57P02', 'SERVICE_UNAVAILABLE'],
    ['57P03', 'SERVICE_UNAVAILABLE'],
    ['53300', 'SERVICE_UNAVAILABLE'],
    ['08000', 'SERVICE_UNAVAILABLE'],
    ['08003', 'SERVICE_UNAVAILABLE'],
    ['08006', 'SERVICE_UNAVAILABLE'],
    ['ECONNRESET', 'SERVICE_UNAVAILABLE'],
    ['ECONNREFUSED', 'SERVICE_UNAVAILABLE'],
    ['ETIMEDOUT', 'SERVICE_UNAVAILABLE'],
  ])('PostgreSQL or socket %s → %s', (code, expected) => {
    expect(toDomainError(Object.assign(new Error('pg'), { code })).code).toBe(expected);
  });

  test.each([
    'Connection terminated unexpectedly',
    'Connection terminated',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('node-postgres "%s" (no code) → SERVICE_UNAVAILABLE', (message) => {
    expect(toDomainError(new Error(message)).code).toBe('SERVICE_UNAVAILABLE');
  });

  test("a driver error inside TypeORM's QueryFailedError is looked at", () => {
    const dropped = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(toDomainError(dropped).code).toBe('SERVICE_UNAVAILABLE');
    const terminated = new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'));
    expect(toDomainError(terminated).code).toBe('SERVICE_UNAVAILABLE');
    const bug = new QueryFailedError('SELECT 1', [], Object.assign(new Error('column "x" does not exist'), { code: '42703' }));
    expect(toDomainError(bug).code).toBe('INTERNAL_SERVER_ERROR');
  });

  test('SERVICE_UNAVAILABLE is a 503 with Retry-After; other codes carry none', () => {
    expect(httpStatusOf('SERVICE_UNAVAILABLE')).toBe(503);
    expect(retryAfterSecondsOf('SERVICE_UNAVAILABLE')).toBeGreaterThan(0);
    expect(retryAfterSecondsOf('INTERNAL_SERVER_ERROR')).toBeNull();
    expect(retryAfterSecondsOf('CONFLICT')).toBeNull();
  });
});
