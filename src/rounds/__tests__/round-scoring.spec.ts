import type { VetoEvent } from '../../domain/station-data.js';
import { isAwarded, mergeVetoes, roundAssessments, roundCertification, roundMissingItemMarks, vetoWindow } from '../round-scoring.js';

const veto = (id: string, lifted: boolean): VetoEvent => ({ id, kind: 'SUPERVISION_FAILURE', date: '2026-05-01', description: '', personExternalId: null, lifted });

describe('isAwarded', () => {
  it('needs the level’s stars and eligibility', () => {
    expect(isAwarded({ stars: 5, eligible: true }, 'FIVE_STAR')).toBe(true);
    expect(isAwarded({ stars: 4, eligible: true }, 'FIVE_STAR')).toBe(false);
    expect(isAwarded({ stars: 4, eligible: true }, 'FOUR_STAR')).toBe(true);
    expect(isAwarded({ stars: 5, eligible: true }, 'THREE_STAR')).toBe(true);
    expect(isAwarded({ stars: 2, eligible: true }, 'THREE_STAR')).toBe(false);
    expect(isAwarded({ stars: 5, eligible: false }, 'THREE_STAR')).toBe(false);
  });
});

describe('the overlay', () => {
  it('inspections override reviews, the latest by date then recording time winning', () => {
    const assessments = roundAssessments({
      reviews: [
        { criterionId: 'a', points: 1, note: 'review a' },
        { criterionId: 'b', points: 2, note: 'review b' },
      ],
      inspections: [
        { date: '2026-07-02', recordedAt: new Date('2026-07-03T00:00:00Z'), adjustments: [{ criterionId: 'a', points: 0.5, reason: 'late' }] },
        { date: '2026-07-02', recordedAt: new Date('2026-07-02T00:00:00Z'), adjustments: [{ criterionId: 'a', points: 0, reason: 'early same day' }] },
        { date: '2026-07-01', recordedAt: new Date('2026-07-09T00:00:00Z'), adjustments: [{ criterionId: 'c', points: 1.5, reason: 'only' }] },
      ],
    });
    expect(assessments).toEqual([
      { criterionId: 'a', points: 0.5, note: '实地考察（2026-07-02）：late' },
      { criterionId: 'b', points: 2, note: 'review b' },
      { criterionId: 'c', points: 1.5, note: '实地考察（2026-07-01）：only' },
    ]);
  });

  it('only accepted declared items become marks', () => {
    const declared = [
      { itemId: 'x', duty: 'FOOD', reason: 'rx' },
      { itemId: 'y', duty: 'DRUG', reason: 'ry' },
      { itemId: 'z', duty: 'DRUG', reason: 'rz' },
    ];
    const decisions = [
      { itemId: 'x', accepted: true },
      { itemId: 'y', accepted: false },
      { itemId: 'w', accepted: true },
    ];
    expect(roundMissingItemMarks(declared, decisions)).toEqual([{ itemId: 'x', justification: 'rx' }]);
  });

  it('merges frozen and live vetoes by id, the live state winning, a deleted one kept', () => {
    expect(mergeVetoes([veto('1', false), veto('2', false)], [veto('2', true), veto('3', false)])).toEqual([veto('1', false), veto('2', true), veto('3', false)]);
  });

  it('the veto window is 近2年 ending on the cut-off', () => {
    expect(vetoWindow({ cutOff: '2026-06-30', rubricVersion: 'national-2023' })).toEqual({ from: '2024-06-30', to: '2026-06-30' });
  });

  it("the application's certification is dated the cut-off's year, with its yes items only", () => {
    const items = { '1': true, '2': false, '12': true, '13': true };
    expect(roundCertification({ items, remarks: '', certifiedBy: '县局', certifiedOn: '2026-06-01', sealedScanFileId: 'f' }, '2026-06-30')).toEqual({
      year: 2026,
      items: { '1': true, '12': true },
      certifiedBy: '县局',
      certifiedOn: '2026-06-01',
    });
  });
});
