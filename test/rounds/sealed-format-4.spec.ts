// A round result sealed before the engine's input hash format 5 (one digest per
// collection) still verifies: round results hash frozen facts, which carry no stored
// digests, and facts without digests keep the format-4 serialisation and hash. The fixture
// was sealed by the engine of format 4 (commit 7f8b498: resultInputs, scoreInputs,
// inputsHash, resultDigest, chainHash) for a generated station with 40 reviewer scores.
import { readFileSync } from 'node:fs';
import { linkMismatches, scoreInputs, type StoredResult } from '../../src/rounds/review/round-chain.js';
import { isAwarded } from '../../src/rounds/round-scoring.js';

const sealed = JSON.parse(readFileSync(new URL('./fixtures/sealed-result-format-4.json', import.meta.url), 'utf8')) as StoredResult;
const awardedBy = (r: Parameters<typeof isAwarded>[0]) => isAwarded(r, sealed.inputs.round.level);

test('a result sealed under input hash format 4 verifies', () => {
  expect(linkMismatches(sealed, null, 1, awardedBy)).toEqual([]);
  expect(scoreInputs(sealed.inputs).inputHash).toBe(sealed.result.inputHash);
});

test('and verification still sees a change of its frozen facts', () => {
  const tampered = structuredClone(sealed);
  tampered.inputs.application.frozenFacts.facts.personnel[0].name = '改动';
  expect(linkMismatches(tampered, null, 1, awardedBy)).toContain('the stored result differs from the result recomputed from the inputs');
});
