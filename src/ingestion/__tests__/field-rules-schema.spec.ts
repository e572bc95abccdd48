// The schema keywords a rule publishes say exactly what the rule accepts: a string matches
// the published pattern and length bounds if and only if validation accepts it.
import fc from 'fast-check';
import { documentedClasses, IsDate, IsDecimalIn, IsKey, IsMonth, IsText, latestToday, Optional, PAST, Required, withToday, type SchemaFragment } from '../validation/field-rules.js';
import { validateRow, type RowSpec } from '../validation/validate.js';

class Sample {
  @Required()
  @IsKey(8)
  key: string;

  @Required()
  @IsText(10)
  line: string;

  @Optional()
  @IsText(12, { min: 0, multiline: true })
  free?: string;

  @Required()
  @IsText(12, { multiline: true })
  multi: string;

  @Optional()
  @IsDate(PAST)
  on?: string;

  @Optional()
  @IsMonth(PAST)
  month?: string;
}

class Amounts {
  @Optional()
  @IsDecimalIn(0, 99999.9, 1)
  hours?: number;

  @Optional()
  @IsDecimalIn(0, 10, 1, 0.5)
  points?: number;

  @Optional()
  @IsDecimalIn(0, 1, 4)
  rate?: number;
}

const VALID = { key: 'K1', line: '名称', multi: 'x' };
const SPEC: RowSpec<Sample, Sample> = { dto: Sample, normalize: (dto) => dto };
const rules = documentedClasses().find((c) => c.ctor === Sample)!.properties;

// Characters every rule has an opinion on, and any other code point.
const SPECIAL = ['\u0000', '\t', '\n', '\r', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad', '\u061c', '\u200b', '\u200d', '\u200e', '\u2028', '\u202e', '\u2060', '\u2066', '\u3000', '\ufeff', '\ud800', '\udc00', '😀', '𠮷', '/', ' ', 'a', '张'];
const text = fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ unit: 'binary', maxLength: 2 })), { maxLength: 14 }).map((parts) => parts.join(''));

const accepts = (schema: SchemaFragment, value: string) => {
  const length = [...value].length;
  return new RegExp(String(schema.pattern), 'u').test(value) && length >= Number(schema.minLength ?? 0) && length <= Number(schema.maxLength ?? Infinity);
};

describe('published text rules equal the checks', () => {
  test.each(['key', 'line', 'free', 'multi'])('%s: pattern and lengths accept exactly what validation accepts', (field) => {
    const schema = rules.get(field)!;
    fc.assert(
      fc.property(text, (value) => {
        const { problems } = validateRow(SPEC, { ...VALID, [field]: value });
        expect({ value, published: accepts(schema, value) }).toEqual({ value, published: problems.length === 0 });
      }),
      { numRuns: 3000 },
    );
  });

  test('dates of past facts: from 1900-01-01 to today (UTC+14), published as x-minimum and x-maximum', () => {
    expect(rules.get('on')).toMatchObject({ type: 'string', format: 'date', 'x-minimum': '1900-01-01', 'x-maximum': 'today' });
    expect(rules.get('month')).toMatchObject({ 'x-minimum': '1900-01', 'x-maximum': 'today' });
    const today = latestToday();
    const next = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const problems = (row: object) => validateRow(SPEC, { ...VALID, ...row }).problems.map((p) => p.path);
    expect(problems({ on: today, month: today.slice(0, 7) })).toEqual([]);
    expect(problems({ on: next, month: '1899-12' })).toEqual(['on', 'month']);
    expect(problems({ on: '1899-12-31' })).toEqual(['on']);
    // the system's own writes may fix "today" (generated data as of a chosen date)
    expect(withToday(null, () => problems({ on: '2099-01-01', month: '2099-01' }))).toEqual([]);
    expect(withToday('2020-01-31', () => problems({ on: '2020-02-01', month: '2020-01' }))).toEqual(['on']);
  });

  test('latestToday is the date in UTC+14', () => {
    expect(latestToday(Date.parse('2026-03-01T09:59:59Z'))).toBe('2026-03-01');
    expect(latestToday(Date.parse('2026-03-01T10:00:00Z'))).toBe('2026-03-02');
  });

  test('decimals: places and steps are exact at any magnitude, as multipleOf says', () => {
    const amounts = documentedClasses().find((c) => c.ctor === Amounts)!.properties;
    expect(amounts.get('hours')).toMatchObject({ type: 'number', minimum: 0, maximum: 99999.9, multipleOf: 0.1 });
    expect(amounts.get('points')).toMatchObject({ multipleOf: 0.5 });
    const spec: RowSpec<Amounts, Amounts> = { dto: Amounts, normalize: (dto) => dto };
    const ok = (row: object) => validateRow(spec, row).problems.length === 0;
    for (const hours of [0, 12.3, 10.5, 36.6, 99999.9, 0.1 + 0.2]) expect({ hours, ok: ok({ hours }) }).toEqual({ hours, ok: true });
    for (const hours of [50000.00001, 99999.00002, 12.34, 0.05, 99999.95]) expect({ hours, ok: ok({ hours }) }).toEqual({ hours, ok: false });
    for (const points of [0, 0.5, 2.5, 10]) expect({ points, ok: ok({ points }) }).toEqual({ points, ok: true });
    for (const points of [0.25, 2.3, 10.5]) expect({ points, ok: ok({ points }) }).toEqual({ points, ok: false });
    for (const rate of [0.72, 0.7234, 1]) expect({ rate, ok: ok({ rate }) }).toEqual({ rate, ok: true });
    for (const rate of [0.72345, 1.0001]) expect({ rate, ok: ok({ rate }) }).toEqual({ rate, ok: false });
  });
});
