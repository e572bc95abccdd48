// Parse cost of large push bodies: Fastify's default JSON parser (what /api/ bodies went
// through before issue 9) against the strict parser (src/ingestion/json-body/strict-json.ts),
// and the parts of the latter.
//
//   npm run build && node dist/bench/ingest/parse-cost.js [--runs 30]
//
// Bodies: the generated province of bench/ingest, as the batches the ingest benchmark sends
// (1,000 people, 1,000 cases) and as 8 MiB bodies (the HTTP_BODY_LIMIT_BYTES default):
// 5,000 people (a whole MAX_BATCH_ROWS batch, padded with disciplinary records) and 5,000
// cases with long violation texts. Times are the median CPU time of the runs (interleaved,
// after 3 warm-up runs), which a machine shared with other work disturbs less than wall time.
import { isUtf8 } from 'node:buffer';
import sjson from 'secure-json-parse';
import { generateProvince } from '../../src/generator/index.js';
import { findJsonProblem, parseStrictJson } from '../../src/ingestion/json-body/strict-json.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 30);
const province = generateProvince({ stations: 600, seed: 'bench-ingest', provinceCode: '130000', asOf: '2025-06-30' });
const people: object[] = [];
const cases: object[] = [];
for (const station of province.stations()) {
  for (const p of station.personnel) people.push({ stationCode: station.code, ...p });
  for (const c of station.cases) cases.push({ stationCode: station.code, ...c });
}

const MIB = 1024 * 1024;
/** `count` rows cycled from `rows`, each made distinct by `vary` with the given padding. */
function body(rows: object[], count: number, vary: (row: object, i: number, pad: number) => object, pad = 0): Buffer {
  return Buffer.from(JSON.stringify({ items: Array.from({ length: count }, (_, i) => vary(rows[i % rows.length], i, pad)) }));
}
/** The largest padding whose body stays within 8 MiB. */
function eightMiB(rows: object[], vary: (row: object, i: number, pad: number) => object): Buffer {
  let pad = 1;
  while (body(rows, 5000, vary, pad * 2).length <= 8 * MIB) pad *= 2;
  for (let step = pad / 2; step >= 1; step /= 2) if (body(rows, 5000, vary, pad + step).length <= 8 * MIB) pad += step;
  return body(rows, 5000, vary, pad);
}
const bodies: [string, Buffer][] = [
  ['1,000 people (an ingest batch)', body(people, 1000, (r) => r)],
  ['1,000 cases (an ingest batch)', body(cases, 1000, (r) => r)],
  ['5,000 people, 8 MiB', eightMiB(people, (r, i, pad) => ({ ...r, externalId: `P${i}`, disciplinaryRecords: Array.from({ length: 5 }, (_, k) => ({ date: '2024-05-20', kind: '警告', description: `${'违反工作纪律，'.repeat(pad)}${k}` })) }))],
  ['5,000 cases, 8 MiB', eightMiB(cases, (r, i, pad) => ({ ...r, caseNumber: `C${i}`, violation: '销售超过保质期的食品；'.repeat(pad) }))],
];

/** Median CPU time (user + system) of each function, measured interleaved so that they share the machine's conditions. */
function medians(fns: (() => unknown)[]): number[] {
  const times: number[][] = fns.map(() => []);
  for (let i = 0; i < runs + 3; i++) {
    fns.forEach((fn, k) => {
      const start = process.cpuUsage();
      fn();
      const used = process.cpuUsage(start);
      if (i >= 3) times[k].push((used.user + used.system) / 1000);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)]);
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`runs ${runs}, median CPU time; node ${process.version}\n`);
console.log('| body | size | before: Fastify default (toString + secure-json-parse) | after: strict parser | of which the scan (duplicates, surrogates, depth) | isUtf8 | toString | JSON.parse |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, bytes] of bodies) {
  const text = bytes.toString('utf8');
  const [before, after, scan, utf8, decode, parse] = medians([
    () => sjson.parse(bytes.toString('utf8'), undefined, { protoAction: 'error', constructorAction: 'error' }),
    () => {
      const result = parseStrictJson(bytes);
      if (!result.ok) throw new Error(JSON.stringify(result.problem));
    },
    () => findJsonProblem(text),
    () => isUtf8(bytes),
    () => bytes.toString('utf8'),
    () => JSON.parse(text),
  ]);
  console.log(`| ${name} | ${(bytes.length / MIB).toFixed(2)} MiB | ${fmt(before)} | ${fmt(after)} | ${fmt(scan)} | ${fmt(utf8)} | ${fmt(decode)} | ${fmt(parse)} |`);
}
