// Sealed round results store resultDigest's value and verifyRound recomputes it: the bytes it
// hashes must never change. The reference below is those bytes, written out once.
import { createHash } from 'node:crypto';
import type { ScoreResult } from '../engine/index.js';
import { resultDigest } from '../result-digest.js';
import { context, scoreWith } from '../engine/__tests__/support/perfect-station.js';

/** The digest as first written: one JSON.stringify of everything. */
function reference(result: ScoreResult): string {
  const said = {
    rubricVersion: result.rubricVersion,
    policyId: result.policyId,
    raw: result.raw,
    applicable: result.applicable,
    rebased: result.rebased,
    bonus: result.bonus,
    total: result.total,
    stars: result.stars,
    eligible: result.eligible,
    blockingVetoes: result.blockingVetoes.map((v) => v.id),
    starLevels: result.starLevels,
    pendingCriteria: result.pendingCriteria,
    missingItems: result.missingItems,
    rebaseNote: result.rebaseNote,
    criteria: result.criteria.map((c) => [c.id, c.points, c.status, c.assessed, c.reason]),
    bonusItems: result.bonusItems,
  };
  return createHash('sha256').update(JSON.stringify(said)).digest('hex');
}

describe('resultDigest', () => {
  const results: [string, ScoreResult][] = [
    ['a perfect station', scoreWith()],
    ['people removed', scoreWith((f) => void (f.personnel = f.personnel.slice(3)))],
    ['no assessments (pending criteria)', scoreWith((f) => void (f.assessments = []))],
    ['no equipment, no cases', scoreWith((f) => { f.equipment = []; f.cases = []; })],
    ['a blocking veto and a bonus', scoreWith((f) => {
      f.vetoEvents = [{ id: 'V1', kind: 'OTHER', date: '2025-01-05', description: '事件', personExternalId: null, lifted: false }];
      f.bonusEvents = [{ eventKey: 'B1', category: 'AWARD', level: 'PROVINCIAL', date: '2024-05-01', subject: 'COLLECTIVE', description: '表彰', points: null }];
    })],
    ['a later cut-off', scoreWith(() => undefined, context('2026-01-31'))],
  ];

  it.each(results)('hashes the same bytes as one JSON.stringify: %s', (_, result) => {
    expect(resultDigest(result)).toBe(reference(result));
  });

  it('tells different scores apart and is stable for the same one', () => {
    const digests = results.map(([, r]) => resultDigest(r));
    const references = results.map(([, r]) => reference(r));
    for (let i = 0; i < digests.length; i++) for (let j = 0; j < digests.length; j++) expect(digests[i] === digests[j]).toBe(references[i] === references[j]);
    expect(digests[2]).not.toBe(digests[0]);
    expect(digests[4]).not.toBe(digests[0]);
    expect(resultDigest(results[0][1])).toBe(resultDigest(scoreWith()));
  });

  it('leaves out what is undefined exactly as JSON.stringify does', () => {
    const partial = { ...scoreWith(), bonusItems: undefined, rebaseNote: undefined } as unknown as ScoreResult;
    expect(resultDigest(partial)).toBe(reference(partial));
  });
});
