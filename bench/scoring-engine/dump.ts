// Writes the engine's full output for generated stations, one JSON line per station, so two
// versions of the engine can be compared byte for byte (`cmp`, `diff`):
//
//   npm run build && node dist/bench/scoring-engine/dump.js --out /tmp/before.ndjson
//        [--stations 40000] [--seed bench] [--cut-off 2025-06-30] [--no-hash] [--digests]
//
// The facts are the benchmark's (facts-from-bundle.ts), without stored digests unless
// --digests gives them the digests the facts loader supplies (the benchmark's "digests"
// mode). --no-hash blanks the input hash, for comparing versions whose hash format differs
// on purpose.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { generateProvince } from '../../src/generator/index.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { scoreStation, type EvaluationContext } from '../../src/scoring/engine/index.js';
import { factsFromBundle, maxAssessments, withStoredDigests } from './facts-from-bundle.js';

async function main(): Promise<void> {
  const o = { stations: 40_000, seed: 'bench', cutOff: '2025-06-30', out: '', hash: true, digests: false };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--no-hash' || flag === '--digests') {
      if (flag === '--no-hash') o.hash = false;
      else o.digests = true;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) throw new Error(`missing value for ${flag}`);
    if (flag === '--stations') o.stations = Number(value);
    else if (flag === '--seed') o.seed = value;
    else if (flag === '--cut-off') o.cutOff = value;
    else if (flag === '--out') o.out = value;
    else throw new Error(`unknown flag ${flag}`);
  }
  if (o.out === '') throw new Error('--out is required');
  const rubric = getRubric('national-2023');
  const ctx: EvaluationContext = { cutOff: o.cutOff, rubric, policy: NATIONAL_DEFAULT_POLICY };
  const assessments = maxAssessments(rubric);
  const province = generateProvince({ stations: o.stations, seed: o.seed, asOf: o.cutOff });
  const out = createWriteStream(o.out);
  for (const bundle of province.stations()) {
    const facts = factsFromBundle(bundle, province.mediationAverages, assessments);
    const result = scoreStation(o.digests ? withStoredDigests(facts) : facts, ctx);
    if (!o.hash) result.inputHash = '';
    if (!out.write(`${JSON.stringify(result)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

await main();
