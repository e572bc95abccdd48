import { DomainError } from '../../common/errors/domain-error.js';
import { isIsoDate } from '../../domain/dates.js';
import { IsDate, IsIntIn, IsKey, IsList, IsMoney, IsOneOf, Nested, Optional, Required, charLength, isCalendarDate, keyProblem } from '../validation/field-rules.js';
import { parseBatch, parseOne, type RowSpec } from '../validation/validate.js';

class LineDto {
  @Required()
  @IsIntIn(1990, 2100)
  year: number;
}

class RowDto {
  @Required()
  @IsKey(8)
  id: string;

  @Required()
  @IsOneOf(['A', 'B'])
  kind: string;

  @Optional()
  @IsDate()
  on?: string | null;

  @Optional()
  @IsMoney()
  amount?: string;

  @Optional()
  @IsList(3)
  @Nested(() => LineDto, { each: true })
  lines?: LineDto[];
}

const SPEC: RowSpec<RowDto, { id: string; kind: string; on: string | null }> = {
  dto: RowDto,
  keyOf: (raw) => (typeof raw.id === 'string' ? raw.id : undefined),
  keyName: 'id',
  check: (dto, failed) => (!failed.has('on') && dto.on === '2000-01-01' ? [{ path: 'on', reason: 'not that day' }] : []),
  normalize: (dto) => ({ id: dto.id, kind: dto.kind, on: dto.on ?? null }),
};

function problemsOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('batch validation', () => {
  test('a good batch comes back in normal form', () => {
    expect(parseBatch(SPEC, { items: [{ id: 'a', kind: 'A' }, { id: 'b', kind: 'B', on: '2024-02-29' }] }, 10)).toEqual([
      { id: 'a', kind: 'A', on: null },
      { id: 'b', kind: 'B', on: '2024-02-29' },
    ]);
  });

  test('every problem of every row is listed with index, key, path and reason', () => {
    const error = problemsOf(() =>
      parseBatch(
        SPEC,
        {
          items: [
            { id: 'a', kind: 'C', extra: 1 },
            { id: 'b', kind: 'A' },
            { id: 'c', kind: 'A', on: '2023-02-29', amount: 12.5, lines: [{ year: '2024' }, 'x'] },
            'not an object',
            { kind: 'A', on: '2000-01-01' },
          ],
        },
        10,
      ),
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('4 of 5 rows are invalid; nothing was stored');
    expect(error.problems).toEqual([
      { index: 0, key: 'a', path: 'extra', reason: 'unknown field: not part of the interface' },
      { index: 0, key: 'a', path: 'kind', reason: 'kind must be one of A, B' },
      { index: 2, key: 'c', path: 'on', reason: 'on must be a calendar date YYYY-MM-DD between 1900-01-01 and 2100-12-31' },
      { index: 2, key: 'c', path: 'amount', reason: expect.stringContaining('amount must be a decimal string') },
      { index: 2, key: 'c', path: 'lines[0].year', reason: 'year must be an integer from 1990 to 2100' },
      { index: 2, key: 'c', path: 'lines[1]', reason: expect.stringContaining('lines') },
      { index: 3, path: '', reason: 'must be a JSON object' },
      { index: 4, path: 'id', reason: 'id is required' },
      { index: 4, path: 'on', reason: 'not that day' },
    ]);
  });

  test('duplicate keys are reported at each later occurrence', () => {
    const error = problemsOf(() => parseBatch(SPEC, { items: [{ id: 'a', kind: 'A' }, { id: 'a', kind: 'B' }, { id: 'a', kind: 'A' }] }, 10));
    expect(error.problems).toEqual([
      { index: 1, key: 'a', path: 'id', reason: 'duplicate id in this batch (first at index 0)' },
      { index: 2, key: 'a', path: 'id', reason: 'duplicate id in this batch (first at index 0)' },
    ]);
  });

  test('the envelope is checked first, the row limit before any row', () => {
    expect(problemsOf(() => parseBatch(SPEC, [], 10)).problems).toEqual([{ path: '', reason: 'must be a JSON object with an items array' }]);
    expect(problemsOf(() => parseBatch(SPEC, { items: {}, more: 1 }, 10)).problems).toEqual([
      { path: 'more', reason: 'unknown field: a batch body holds only items' },
      { path: 'items', reason: 'items must be an array' },
    ]);
    const tooMany = problemsOf(() => parseBatch(SPEC, { items: Array.from({ length: 11 }, () => 'garbage') }, 10));
    expect(tooMany.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooMany.problems).toEqual([]);
  });

  test('values are never coerced', () => {
    const error = problemsOf(() => parseOne(SPEC, { id: 1, kind: 'A', lines: [{ year: 2024.5 }] }, 'the row'));
    expect(error.problems.map((p) => p.path)).toEqual(['id', 'lines[0].year']);
  });

  test('a __proto__ key is an unknown field, not a prototype', () => {
    const body = JSON.parse('{"id":"a","kind":"A","__proto__":{"polluted":true}}') as unknown;
    const error = problemsOf(() => parseOne(SPEC, body, 'the row'));
    expect(error.problems).toEqual([{ path: '__proto__', reason: 'unknown field: not part of the interface' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('key format', () => {
  test.each([
    ['P0001', null],
    ['冀新市监处罚〔2025〕17号', null],
    ['', 'must be 1 to 64 characters long'],
    ['a/b', "must not contain '/'"],
    ['a\u0000b', 'must not contain control characters'],
    ['a\nb', 'must not contain control characters'],
    [' a', 'must not begin or end with white space'],
    ['x'.repeat(65), 'must be 1 to 64 characters long'],
    ['𠀀'.repeat(64), null],
  ])('%j: %s', (value, problem) => {
    expect(keyProblem(value, 64)).toBe(problem);
  });

  test('lengths count code points as PostgreSQL does', () => {
    expect(charLength('𠀀冀a')).toBe(3);
  });
});

describe('names of Object.prototype members', () => {
  test.each(['constructor', 'hasOwnProperty', 'toString'])('%s is an unknown field, at any depth', (name) => {
    const body = JSON.parse(`{"id":"a","kind":"A","${name}":1,"lines":[{"year":2024,"${name}":2}]}`) as unknown;
    const error = problemsOf(() => parseOne(SPEC, body, 'the row'));
    expect(error.problems).toEqual([
      { path: name, reason: 'unknown field: not part of the interface' },
      { path: `lines[0].${name}`, reason: 'unknown field: not part of the interface' },
    ]);
  });
});

describe('isCalendarDate', () => {
  test('answers as isIsoDate does', () => {
    const samples: string[] = ['', '2024-1-01', '2024-01-1', '2024/01/01', '20240101', '2024-01-01T00:00', '２０２４-01-01', 'abcd-ef-gh', '0000-00-00', '2024-00-10', '2024-13-01', '2024-01-00', '2024-01-32'];
    for (let year = 1896; year <= 2104; year++) {
      for (let month = 0; month <= 13; month++) {
        for (const day of [0, 1, 28, 29, 30, 31, 32]) samples.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
    }
    for (const s of samples) expect([s, isCalendarDate(s)]).toEqual([s, isIsoDate(s)]);
    expect(isCalendarDate(20240101)).toBe(false);
  });
});
