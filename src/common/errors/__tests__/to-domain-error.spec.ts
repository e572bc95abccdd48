import { toDomainError } from '../to-domain-error.js';

describe('toDomainError', () => {
  test.each([
    ['40P01', 'CONFLICT'],
    ['40001', 'CONFLICT'],
    ['55P03', 'CONFLICT'],
    ['23505', 'CONFLICT'],
    ['23514', 'BAD_USER_INPUT'],
    ['XX000', 'INTERNAL_SERVER_ERROR'],
  ])('PostgreSQL %s → %s', (code, expected) => {
    expect(toDomainError(Object.assign(new Error('pg'), { code })).code).toBe(expected);
  });
});
