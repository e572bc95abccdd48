// Stored collection digests in the input hash (StationFacts.digests): a collection whose
// digest is given is hashed through its row count and collection digest, not its rows.
import { createHash } from 'node:crypto';
import type { CollectionDigest, StationFactDigests, StationFacts } from '../facts.js';
import { collectionDigest, hashInputs, scoreStation } from '../index.js';
import { context, perfectStation } from './support/perfect-station.js';

const sha = (row: unknown): string => createHash('sha256').update(JSON.stringify(row)).digest('hex');

const DIGESTED = ['personnel', 'equipment', 'cases', 'complaintFigures', 'certifications', 'bonusEvents', 'vetoEvents', 'annualReviews'] as const;
type Digested = (typeof DIGESTED)[number];

/** The row digests of each digested collection of a station. */
function rowDigests(f: StationFacts): Record<Digested, string[]> {
  return {
    personnel: f.personnel.map(sha),
    equipment: f.equipment.map(sha),
    cases: f.cases.map(sha),
    complaintFigures: f.complaintFigures.map(sha),
    certifications: f.certifications.map(sha),
    bonusEvents: f.bonusEvents.map(sha),
    vetoEvents: f.vetoEvents.map((v) => `${v.id}:${sha({ kind: v.kind, date: v.date, description: v.description, personExternalId: v.personExternalId })}:${v.lifted}`),
    annualReviews: f.annualReviews.map(sha),
  };
}

function digestsOf(rows: Record<Digested, string[]>, profile: string): StationFactDigests {
  const out: Record<string, unknown> = { profile };
  for (const key of DIGESTED) out[key] = collectionDigest(rows[key]);
  return out as StationFactDigests;
}

/** The perfect station with a collection digest for every digested collection. */
function digested(): StationFacts {
  const f = perfectStation();
  f.vetoEvents = [{ id: 'V1', kind: 'OTHER', date: '2020-01-01', description: '五年前的事件', personExternalId: null, lifted: false }];
  f.bonusEvents = [{ eventKey: 'B1', category: 'AWARD', level: 'PROVINCIAL', date: '2024-05-01', subject: 'COLLECTIVE', description: '表彰', points: null }];
  f.digests = digestsOf(rowDigests(f), sha(f.profile));
  return f;
}

const hash = (f: StationFacts, ctx = context()): string => hashInputs(f, ctx);
const reversed = <T>(xs: readonly T[] | undefined): T[] => [...(xs ?? [])].reverse();

describe('collectionDigest', () => {
  it('is sha256 over the row digests in code-unit order, joined by newlines, with the row count', () => {
    const rows = ['b1', 'a2', 'a10'];
    expect(collectionDigest(rows)).toEqual({ rows: 3, digest: createHash('sha256').update('a10\na2\nb1').digest('hex') });
    expect(collectionDigest([])).toEqual({ rows: 0, digest: createHash('sha256').update('').digest('hex') });
  });

  it('does not depend on the order of the row digests, keeps duplicates and leaves its input alone', () => {
    const rows = [sha(1), sha(2), sha(3)];
    const copy = [...rows];
    expect(collectionDigest(reversed(rows))).toEqual(collectionDigest(rows));
    expect(rows).toEqual(copy);
    expect(collectionDigest([...rows, rows[0]])).not.toEqual(collectionDigest([...rows, rows[1]]));
    expect(collectionDigest([...rows, rows[0]]).rows).toBe(4);
  });
});

describe('input hash with stored collection digests', () => {
  it('does not depend on the order of the rows or of the row digests the collection digests were built from', () => {
    const a = digested();
    const b = digested();
    const rows = rowDigests(b);
    for (const key of DIGESTED) rows[key] = reversed(rows[key]);
    b.digests = digestsOf(rows, b.digests!.profile!);
    expect(hash(b)).toBe(hash(a));
    const c = digested();
    for (const key of DIGESTED) (c as unknown as Record<string, unknown[]>)[key] = reversed<unknown>(c[key]);
    expect(hash(c)).toBe(hash(a));
    expect(JSON.stringify({ ...scoreStation(c, context()), inputHash: '' })).toBe(JSON.stringify({ ...scoreStation(a, context()), inputHash: '' }));
  });

  it('changes when any row digest of any collection changes', () => {
    const base = hash(digested());
    const seen = new Set([base]);
    const changeProfile = digested();
    changeProfile.digests = { ...changeProfile.digests, profile: sha('other') };
    seen.add(hash(changeProfile));
    for (const key of DIGESTED) {
      const f = digested();
      const rows = rowDigests(f);
      rows[key][0] = sha(`changed ${key}`);
      f.digests = digestsOf(rows, f.digests!.profile!);
      const h = hash(f);
      expect([key, h === base]).toEqual([key, false]);
      seen.add(h);
    }
    expect(seen.size).toBe(DIGESTED.length + 2);
  });

  it('tells collections apart: the same digest moved to another collection changes the hash', () => {
    const a = digested();
    const b = digested();
    const rows = rowDigests(b);
    b.equipment = b.cases as never;
    b.cases = a.equipment as never;
    [rows.equipment, rows.cases] = [rows.cases, rows.equipment];
    b.digests = digestsOf(rows, b.digests!.profile!);
    expect(hash(b)).not.toBe(hash(a));
  });

  it('reads the digests, not the rows, of a digested collection (the caller guarantees they agree)', () => {
    const base = digested();
    const changedRow = digested();
    (changedRow.equipment[0] as { quantity: number }).quantity = 99;
    expect(hash(changedRow)).toBe(hash(base));
    // the score itself always reads the rows: a digest that does not follow its row is a
    // caller's bug the hash cannot see
    expect(scoreStation(changedRow, context()).criteria).not.toEqual(scoreStation(base, context()).criteria);
  });

  it('keeps a duplicate row: two equal rows are two rows', () => {
    const a = digested();
    const b = digested();
    const ra = rowDigests(a);
    const rb = rowDigests(b);
    a.equipment = [...a.equipment, a.equipment[0]];
    b.equipment = [...b.equipment, b.equipment[1]];
    a.digests = { ...a.digests, equipment: collectionDigest([...ra.equipment, ra.equipment[0]]) };
    b.digests = { ...b.digests, equipment: collectionDigest([...rb.equipment, rb.equipment[1]]) };
    expect(hash(a)).not.toBe(hash(b));
  });

  it('still serialises assessments, missing-item marks, mediation averages, the code, the cut-off and the policy', () => {
    const base = hash(digested());
    const changed = (mutate: (f: StationFacts) => void) => {
      const f = digested();
      mutate(f);
      return hash(f);
    };
    expect(changed((f) => void (f.assessments = f.assessments.slice(1)))).not.toBe(base);
    expect(changed((f) => void (f.assessments = [{ ...f.assessments[0], note: '另一条说明' }, ...f.assessments.slice(1)]))).not.toBe(base);
    expect(changed((f) => void (f.missingItemMarks = [{ itemId: '1.1.1.1', justification: '无此职责' }]))).not.toBe(base);
    expect(changed((f) => void (f.mediationAverages = [{ year: 2024, rate: 0.71 }]))).not.toBe(base);
    expect(changed((f) => void (f.code = 'S130102002'))).not.toBe(base);
    expect(hash(digested(), context('2025-07-01'))).not.toBe(base);
    expect(hash(digested(), context(undefined, { ...context().policy, caseEntryDeadlineDays: 8 }))).not.toBe(base);
  });

  it('uses each collection’s digest on its own, and serialises a collection whose digest counts other rows', () => {
    const plain = perfectStation();
    const withProfile = perfectStation();
    withProfile.digests = { profile: sha(withProfile.profile) };
    const withCases = perfectStation();
    withCases.digests = { cases: collectionDigest(withCases.cases.map(sha)) };
    const mismatched = perfectStation();
    mismatched.digests = { cases: collectionDigest(mismatched.cases.slice(1).map(sha)) };
    expect(new Set([hash(plain), hash(withProfile), hash(withCases)]).size).toBe(3);
    // nothing usable: the full serialisation, exactly as without digests
    expect(hash(mismatched)).toBe(hash(plain));
    const empty = perfectStation();
    empty.digests = {};
    expect(hash(empty)).toBe(hash(plain));
    const broken = perfectStation();
    broken.digests = { cases: { rows: broken.cases.length } as CollectionDigest, equipment: null as unknown as CollectionDigest };
    expect(hash(broken)).toBe(hash(plain));
  });

  it('hashes an empty collection through the digest of no rows', () => {
    const a = digested();
    a.bonusEvents = [];
    a.digests = { ...a.digests, bonusEvents: collectionDigest([]) };
    const b = digested();
    b.bonusEvents = [];
    b.digests = { ...b.digests, bonusEvents: undefined };
    expect(hash(a)).not.toBe(hash(digested()));
    expect(hash(a)).not.toBe(hash(b));
    expect(hash(a)).toBe(hash({ ...a, bonusEvents: [] }));
  });
});

describe('input hash without digests', () => {
  it('is unchanged by the digest support (format 4, pinned: sealed round results hold such hashes)', () => {
    expect(hash(perfectStation())).toBe('5320339d8a46b3cd11bd7ee2be296949b06729eae60d44741a6328e3196f3399');
    const f = perfectStation();
    f.digests = undefined;
    expect(hash(f)).toBe(hash(perfectStation()));
  });

  it('falls back to the full serialisation, deterministic and independent of row order', () => {
    const a = perfectStation();
    const b = perfectStation();
    for (const key of DIGESTED) (b as unknown as Record<string, unknown[]>)[key] = reversed<unknown>(b[key]);
    b.assessments = reversed(b.assessments);
    expect(hash(b)).toBe(hash(a));
    const changed = perfectStation();
    (changed.equipment[0] as { quantity: number }).quantity = 99;
    expect(hash(changed)).not.toBe(hash(a));
  });
});
