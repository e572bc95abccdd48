// Where the engine's time goes, warm: the same generated stations (default 2,000, with
// collection digests) scored over and over, each part timed on its own, CPU time per station,
// best of 7 rounds. Complements run.ts (one pass over 40,000 fresh stations, which also
// pays for cold caches and garbage collection).
//
//   npm run build && node dist/bench/scoring-engine/parts.js [--stations 2000]
import { generateProvince } from '../../src/generator/index.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { prepareFacts } from '../../src/scoring/engine/canonical.js';
import { compileRubric } from '../../src/scoring/engine/compile.js';
import { hashCanonical } from '../../src/scoring/engine/hash.js';
import { scoreStation, type EvaluationContext, type StationFacts } from '../../src/scoring/engine/index.js';
import { RuleInput } from '../../src/scoring/engine/rules/rule-input.js';
import { factsFromBundle, maxAssessments, withStoredDigests } from './facts-from-bundle.js';

const args = process.argv.slice(2);
const stations = args[0] === '--stations' ? Number(args[1]) : 2000;
const rubric = getRubric('national-2023');
const ctx: EvaluationContext = { cutOff: '2025-06-30', rubric, policy: NATIONAL_DEFAULT_POLICY };
const compiled = compileRubric(rubric);
const province = generateProvince({ stations, seed: 'bench', asOf: ctx.cutOff });
const plain = [...province.stations()].map((b) => factsFromBundle(b, province.mediationAverages, maxAssessments(rubric)));
const digested = plain.map(withStoredDigests);
const preparedDigested = digested.map((f) => prepareFacts(f, compiled).facts);
const preparedPlain = plain.map((f) => prepareFacts(f, compiled).facts);
const input = new RuleInput();

function cpuMicros<T>(items: readonly T[], work: (item: T) => unknown): number {
  for (let r = 0; r < 2; r++) for (const item of items) work(item);
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const c = process.cpuUsage();
    for (const item of items) work(item);
    const u = process.cpuUsage(c);
    best = Math.min(best, (u.user + u.system) / items.length);
  }
  return Math.round(best * 10) / 10;
}

const result = {
  stations,
  microsecondsPerStation: {
    scoreWithDigests: cpuMicros(digested, (f: StationFacts) => scoreStation(f, ctx)),
    scoreWithoutDigests: cpuMicros(plain, (f: StationFacts) => scoreStation(f, ctx)),
    prepareWithDigests: cpuMicros(digested, (f: StationFacts) => prepareFacts(f, compiled)),
    prepareWithoutDigests: cpuMicros(plain, (f: StationFacts) => prepareFacts(f, compiled)),
    hashWithDigests: cpuMicros(preparedDigested, (f: StationFacts) => hashCanonical(f, ctx)),
    hashWithoutDigests: cpuMicros(preparedPlain, (f: StationFacts) => hashCanonical(f, ctx)),
    ruleInput: cpuMicros(preparedDigested, (f: StationFacts) => input.derive(f, ctx, compiled.ruleParameters)),
  },
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
