// Stored row digests in the input hash (StationFacts.digests): the rows of a collection
// whose digests are given are hashed through their sorted digests.
import { createHash } from 'node:crypto';
import type { StationFactDigests, StationFacts } from '../facts.js';
import { hashInputs, scoreStation } from '../index.js';
import { context, perfectStation } from './support/perfect-station.js';

const sha = (row: unknown): string => createHash('sha256').update(JSON.stringify(row)).digest('hex');

/** The perfect station with a digest for every row of every digested collection. */
function digested(): StationFacts {
  const f = perfectStation();
  f.vetoEvents = [{ id: 'V1', kind: 'OTHER', date: '2020-01-01', description: '五年前的事件', personExternalId: null, lifted: false }];
  f.bonusEvents = [{ eventKey: 'B1', category: 'AWARD', level: 'PROVINCIAL', date: '2024-05-01', subject: 'COLLECTIVE', description: '表彰', points: null }];
  f.digests = {
    profile: sha(f.profile),
    personnel: f.personnel.map(sha),
    equipment: f.equipment.map(sha),
    cases: f.cases.map(sha),
    complaintFigures: f.complaintFigures.map(sha),
    certifications: f.certifications.map(sha),
    bonusEvents: f.bonusEvents.map(sha),
    vetoEvents: f.vetoEvents.map((v) => `${v.id}:${sha({ kind: v.kind, date: v.date, description: v.description, personExternalId: v.personExternalId })}:${v.lifted}`),
    annualReviews: f.annualReviews.map(sha),
  };
  return f;
}

const hash = (f: StationFacts, ctx = context()): string => hashInputs(f, ctx);
const reversed = <T>(xs: readonly T[] | undefined): T[] => [...(xs ?? [])].reverse();
const DIGESTED = ['personnel', 'equipment', 'cases', 'complaintFigures', 'certifications', 'bonusEvents', 'vetoEvents', 'annualReviews'] as const;

describe('input hash with stored row digests', () => {
  it('does not depend on the order of the rows or of the digests', () => {
    const a = digested();
    const b = digested();
    const d = b.digests!;
    b.digests = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? reversed(v) : v])) as StationFactDigests;
    expect(hash(b)).toBe(hash(a));
    const c = digested();
    for (const key of DIGESTED) (c as unknown as Record<string, unknown[]>)[key] = reversed<unknown>(c[key]);
    expect(hash(c)).toBe(hash(a));
    expect(JSON.stringify({ ...scoreStation(c, context()), inputHash: '' })).toBe(JSON.stringify({ ...scoreStation(a, context()), inputHash: '' }));
  });

  it('changes when any digest changes', () => {
    const base = hash(digested());
    const seen = new Set([base]);
    const changeProfile = digested();
    changeProfile.digests = { ...changeProfile.digests, profile: sha('other') };
    seen.add(hash(changeProfile));
    for (const key of DIGESTED) {
      const f = digested();
      const list = [...f.digests![key]!];
      list[0] = sha(`changed ${key}`);
      f.digests = { ...f.digests, [key]: list };
      const h = hash(f);
      expect([key, h === base]).toEqual([key, false]);
      seen.add(h);
    }
    expect(seen.size).toBe(DIGESTED.length + 2);
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

  it('keeps a duplicate digest: two equal rows are two rows', () => {
    const a = digested();
    const b = digested();
    a.equipment = [...a.equipment, a.equipment[0]];
    a.digests = { ...a.digests, equipment: [...a.digests!.equipment!, a.digests!.equipment![0]] };
    b.equipment = [...b.equipment, b.equipment[1]];
    b.digests = { ...b.digests, equipment: [...b.digests!.equipment!, b.digests!.equipment![1]] };
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

  it('uses each collection’s digests on their own, and ignores a list whose length does not match its rows', () => {
    const plain = perfectStation();
    const withProfile = perfectStation();
    withProfile.digests = { profile: sha(withProfile.profile) };
    const withCases = perfectStation();
    withCases.digests = { cases: withCases.cases.map(sha) };
    const mismatched = perfectStation();
    mismatched.digests = { cases: mismatched.cases.slice(1).map(sha) };
    expect(new Set([hash(plain), hash(withProfile), hash(withCases)]).size).toBe(3);
    expect(hash(mismatched)).toBe(hash(plain));
    const empty = perfectStation();
    empty.digests = {};
    expect(hash(empty)).toBe(hash(plain));
  });
});

describe('input hash without digests', () => {
  it('is unchanged by the digest support (format 4, pinned; it moved with the corrected rules on purpose)', () => {
    expect(hash(perfectStation())).toBe('5320339d8a46b3cd11bd7ee2be296949b06729eae60d44741a6328e3196f3399');
    const f = perfectStation();
    f.digests = undefined;
    expect(hash(f)).toBe(hash(perfectStation()));
  });
});
