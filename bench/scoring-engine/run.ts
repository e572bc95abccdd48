// Scoring-engine benchmark: scores N generated station snapshots (default 40,000) in one
// process and reports throughput and peak memory, in two modes:
//
// - digests: the production path. Every station carries the digests the facts loader
//   supplies: one per collection, collectionDigest() over the stored row digests (sha256
//   of each row's canonical JSON), all computed outside the timed region (the loader
//   computes them in SQL), so the input hash reads ~9 digests instead of serialising rows.
// - full: no digests; the input hash serialises every row (what a caller without stored
//   digests gets).
//
//   npm run build && node dist/bench/scoring-engine/run.js [--stations 40000] [--seed bench]
//        [--cut-off 2025-06-30] [--batch 500] [--mode both|digests|full]
//
// The generator is far slower than the engine, so stations are generated (and their
// digests computed, in either mode) a batch at a time outside the timed region; only
// scoreStation is timed, one pass per mode over the same batch. For headline figures run
// one mode per process (in `both`, the second pass finds the batch in the caches). Results are folded into checksums so no
// work can be optimised away, then dropped (as a recompute job would store and forget
// them). A further, separately timed pass per mode measures the input hash alone.
import { cpus, loadavg } from 'node:os';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { generateProvince } from '../../src/generator/index.js';
import { getRubric, NATIONAL_DEFAULT_POLICY } from '../../src/rubric/index.js';
import { hashInputs, scoreStation, type EvaluationContext, type StationFacts } from '../../src/scoring/engine/index.js';
import { factsFromBundle, maxAssessments, withStoredDigests } from './facts-from-bundle.js';

type Mode = 'digests' | 'full';

interface Options {
  stations: number;
  seed: string;
  cutOff: string;
  batch: number;
  modes: Mode[];
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = { stations: 40_000, seed: 'bench', cutOff: '2025-06-30', batch: 500, modes: ['digests', 'full'] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value for ${flag}`);
    if (flag === '--stations') o.stations = Number(value);
    else if (flag === '--seed') o.seed = value;
    else if (flag === '--cut-off') o.cutOff = value;
    else if (flag === '--batch') o.batch = Number(value);
    else if (flag === '--mode') {
      if (value !== 'both' && value !== 'digests' && value !== 'full') throw new Error('--mode must be both, digests or full');
      o.modes = value === 'both' ? ['digests', 'full'] : [value];
    } else throw new Error(`unknown flag ${flag}`);
  }
  if (!Number.isInteger(o.stations) || o.stations < 1) throw new Error('--stations must be a positive integer');
  if (!Number.isInteger(o.batch) || o.batch < 1) throw new Error('--batch must be a positive integer');
  return o;
}

const MB = 1024 * 1024;

interface ModeStats {
  /** performance.now() intervals of the timed scoring passes, to attribute GC pauses. */
  windows: [number, number][];
  scoreNs: bigint;
  cpuUs: number;
  firstBatchNs: bigint;
  firstBatchCount: number;
  hashNs: bigint;
  checksum: number;
  hashMix: number;
  stars: number[];
  ineligible: number;
  pending: number;
  missing: number;
}

function emptyStats(): ModeStats {
  return { windows: [], scoreNs: 0n, cpuUs: 0, firstBatchNs: 0n, firstBatchCount: 0, hashNs: 0n, checksum: 0, hashMix: 0, stars: [0, 0, 0, 0, 0, 0], ineligible: 0, pending: 0, missing: 0 };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const rubric = getRubric('national-2023');
  const ctx: EvaluationContext = { cutOff: opts.cutOff, rubric, policy: NATIONAL_DEFAULT_POLICY };
  const assessments = maxAssessments(rubric);
  const province = generateProvince({ stations: opts.stations, seed: opts.seed, asOf: opts.cutOff });
  const stream = province.stations();
  const stats = new Map<Mode, ModeStats>(opts.modes.map((m) => [m, emptyStats()]));
  const load = [loadavg()[0]];
  const gcPauses: [number, number][] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push([e.startTime, e.startTime + e.duration]);
  });
  gcObserver.observe({ entryTypes: ['gc'] });

  let scored = 0;
  let generateNs = 0n;
  let peakHeap = 0;
  let peakRss = 0;
  let facts = 0;

  const sample = (): void => {
    const m = process.memoryUsage();
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    if (m.rss > peakRss) peakRss = m.rss;
  };

  while (scored < opts.stations) {
    const g0 = process.hrtime.bigint();
    const plain: StationFacts[] = [];
    for (let i = 0; i < opts.batch && scored + plain.length < opts.stations; i++) {
      const next = stream.next();
      if (next.done) break;
      plain.push(factsFromBundle(next.value, province.mediationAverages, assessments));
    }
    if (plain.length === 0) break;
    // computed in every mode, so that both modes start their timed pass from the same heap
    // (preparing the digests allocates enough to promote the batch out of the young generation)
    const digested = plain.map(withStoredDigests);
    for (const f of plain) facts += f.personnel.length + f.equipment.length + f.cases.length + f.complaintFigures.length;
    generateNs += process.hrtime.bigint() - g0;

    for (const mode of opts.modes) {
      const s = stats.get(mode)!;
      const batch = mode === 'digests' ? digested : plain;
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch.length; i++) {
        const r = scoreStation(batch[i], ctx);
        s.checksum = (s.checksum + Math.round(r.total * 100)) % 1_000_000_007;
        s.hashMix ^= parseInt(r.inputHash.slice(0, 8), 16);
        s.stars[r.stars]++;
        if (!r.eligible) s.ineligible++;
        s.pending += r.pendingCriteria.length;
        s.missing += r.missingItems.length;
        if ((i & 511) === 0) sample();
      }
      const dt = process.hrtime.bigint() - t0;
      s.windows.push([w0, performance.now()]);
      const cpu = process.cpuUsage(c0);
      s.cpuUs += cpu.user + cpu.system;
      s.scoreNs += dt;
      if (s.firstBatchCount === 0) {
        s.firstBatchNs = dt;
        s.firstBatchCount = batch.length;
      }
      sample();

      const h0 = process.hrtime.bigint();
      for (let i = 0; i < batch.length; i++) s.hashMix ^= hashInputs(batch[i], ctx).charCodeAt(0);
      s.hashNs += process.hrtime.bigint() - h0;
    }
    scored += plain.length;
    if (scored % 10_000 < opts.batch) load.push(loadavg()[0]);
  }
  sample();
  load.push(loadavg()[0]);
  // GC entries are delivered asynchronously
  await new Promise((resolve) => setTimeout(resolve, 50));
  gcObserver.disconnect();

  const modes: Record<string, unknown> = {};
  for (const [mode, s] of stats) {
    const seconds = Number(s.scoreNs) / 1e9;
    modes[mode] = {
      scoringSeconds: round(seconds, 3),
      stationsPerSecond: Math.round(scored / seconds),
      stationsPerSecondAfterFirstBatch: Math.round((scored - s.firstBatchCount) / (Number(s.scoreNs - s.firstBatchNs) / 1e9)),
      stationsPerCpuSecond: Math.round(scored / (s.cpuUs / 1e6)),
      microsecondsPerStation: round((seconds * 1e6) / scored, 1),
      gcPauseMicrosecondsPerStation: round((overlap(gcPauses, s.windows) * 1e3) / scored, 1),
      hashMicrosecondsPerStation: round(Number(s.hashNs) / 1e3 / scored, 1),
      stars: { none: s.stars[0], three: s.stars[3], four: s.stars[4], five: s.stars[5] },
      ineligible: s.ineligible,
      avgPendingCriteria: round(s.pending / scored, 2),
      avgMissingItems: round(s.missing / scored, 2),
      checksum: s.checksum,
      hashMix: s.hashMix,
    };
  }
  const result = {
    stations: scored,
    seed: opts.seed,
    cutOff: opts.cutOff,
    modes,
    generatorStationsPerSecond: Math.round(scored / (Number(generateNs) / 1e9)),
    avgFactRowsPerStation: round(facts / scored, 1),
    peakRssMB: round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / MB, 1),
    peakHeapUsedMB: round(peakHeap / MB, 1),
    loadAverage1m: { start: round(load[0], 2), max: round(Math.max(...load), 2), end: round(load[load.length - 1], 2) },
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cpuCount: cpus().length,
  };
  console.log(JSON.stringify(result, null, 2));
}

/** Milliseconds of `pauses` inside `windows` (both sorted by start). */
function overlap(pauses: readonly [number, number][], windows: readonly [number, number][]): number {
  let total = 0;
  for (const [ps, pe] of pauses) for (const [ws, we] of windows) total += Math.max(0, Math.min(pe, we) - Math.max(ps, ws));
  return total;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

await main();
