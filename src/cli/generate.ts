// Writes a synthetic province as NDJSON: one "province" line (regions and reference data),
// then one "station" line per station bundle, streamed with backpressure so that 40,000
// stations never sit in memory at once (`scorecard generate`, commands/generate.command.ts).
//
// Output goes through a StationSink: NDJSON (a file or standard output), or the database
// with --load (database-sink.ts, through the push interface's services).
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { isIsoDate, todayIn } from '../domain/dates.js';
import type { IsoDate, MediationAverage, StationBundle } from '../domain/station-data.js';
import { DEFAULT_PROVINCE_CODE, MAX_STATIONS, generateProvince, type RegionSeed } from '../generator/index.js';
import { UsageError, type CliIo } from './command.js';

export { UsageError };

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export const USAGE = `usage: scorecard generate --stations N --seed S [--province ${DEFAULT_PROVINCE_CODE}] [--as-of YYYY-MM-DD] [--out FILE | --load [--assessments]]

  --stations N        number of stations, 0..${MAX_STATIONS}
  --seed S            any text or number; the same options always give the same output
  --province CODE     GB/T 2260 province code PP0000 (default ${DEFAULT_PROVINCE_CODE})
  --as-of DATE        the day the data describes (default: today in ${DEFAULT_TIME_ZONE})
  --out FILE          write NDJSON to FILE instead of standard output
  --load              write into the database instead (DATABASE_URL, or the embedded one),
                      through the push interface's services, then queue a recompute run
  --assessments       with --load: also write synthetic reviewer assessments
  --help              show this message

Writes NDJSON: a {"kind":"province",…} line, then one {"kind":"station",…} line per station.`;

/** Where the generated province goes. */
export type OutputTarget = { kind: 'ndjson'; path: string | null } | { kind: 'database'; assessments: boolean };

export interface CliOptions {
  stations: number;
  seed: string;
  provinceCode: string;
  asOf: IsoDate;
  output: OutputTarget;
}

const FLAGS = ['--stations', '--seed', '--province', '--as-of', '--out', '--load', '--assessments'] as const;
const SWITCHES: readonly Flag[] = ['--load', '--assessments'];
type Flag = (typeof FLAGS)[number];

/** Parses argv (without node and the script); 'help' when help was asked for. */
export function parseArgs(argv: readonly string[], today: () => IsoDate = () => todayIn(DEFAULT_TIME_ZONE)): CliOptions | 'help' {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const eq = arg.indexOf('=');
    const name = eq >= 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (!(FLAGS as readonly string[]).includes(name)) throw new UsageError(`unknown argument '${arg}'`);
    const flag = name as Flag;
    if (values.has(flag)) throw new UsageError(`${flag} given twice`);
    if (SWITCHES.includes(flag)) {
      if (eq >= 0) throw new UsageError(`${flag} takes no value`);
      values.set(flag, 'true');
      continue;
    }
    let value: string | undefined;
    if (eq >= 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`${flag} needs a value`);
      i++;
    }
    values.set(flag, value);
  }

  const stationsText = values.get('--stations');
  if (stationsText === undefined) throw new UsageError('--stations is required');
  if (!/^\d+$/.test(stationsText) || Number(stationsText) > MAX_STATIONS) {
    throw new UsageError(`--stations must be an integer from 0 to ${MAX_STATIONS}, got '${stationsText}'`);
  }
  const seed = values.get('--seed');
  if (seed === undefined || seed === '') throw new UsageError('--seed is required');
  const provinceCode = values.get('--province') ?? DEFAULT_PROVINCE_CODE;
  if (!/^[1-9]\d0000$/.test(provinceCode)) throw new UsageError(`--province must be a code like 130000, got '${provinceCode}'`);
  const asOf = values.get('--as-of') ?? today();
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got '${asOf}'`);
  const out = values.get('--out');
  if (out === '') throw new UsageError('--out needs a file name');
  const load = values.has('--load');
  if (load && out !== undefined) throw new UsageError('--out and --load exclude each other');
  if (values.has('--assessments') && !load) throw new UsageError('--assessments needs --load');
  const output: OutputTarget = load ? { kind: 'database', assessments: values.has('--assessments') } : { kind: 'ndjson', path: out ?? null };
  return { stations: Number(stationsText), seed, provinceCode, asOf, output };
}

export interface ProvinceHeader {
  provinceCode: string;
  asOf: IsoDate;
  regions: RegionSeed[];
  mediationAverages: MediationAverage[];
}

/** A destination for a generated province: the header first, then every station, then close. */
export interface StationSink {
  province(header: ProvinceHeader): Promise<void>;
  station(bundle: StationBundle): Promise<void>;
  close(): Promise<void>;
}

/** NDJSON lines on a writable stream, waiting for 'drain' when the stream is full. */
export class NdjsonSink implements StationSink {
  private failure: Error | null = null;

  constructor(
    private readonly stream: Writable,
    private readonly endStream: boolean,
  ) {
    stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
  }

  province(header: ProvinceHeader): Promise<void> {
    return this.line({ kind: 'province', ...header });
  }

  station(bundle: StationBundle): Promise<void> {
    return this.line({ kind: 'station', ...bundle });
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.endStream) return;
    this.stream.end();
    await finished(this.stream);
  }

  private async line(value: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.write(`${JSON.stringify(value)}\n`)) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (err: Error) => {
        this.stream.off('drain', onDrain);
        reject(err);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }
}

export async function openSink(target: OutputTarget, io: CliIo, seed: string): Promise<StationSink> {
  switch (target.kind) {
    case 'ndjson':
      return target.path === null
        ? new NdjsonSink(io.stdout, false)
        : new NdjsonSink(createWriteStream(target.path, { encoding: 'utf8' }), true);
    case 'database': {
      // Loaded on demand: NDJSON output needs no database code.
      const { DatabaseSink } = await import('./database-sink.js');
      return new DatabaseSink({ assessments: target.assessments, seed, env: io.env, log: (line) => void io.stderr.write(`${line}\n`) });
    }
  }
}

/** Generates the province into the sink; returns the number of stations written. */
export async function generateInto(options: CliOptions, sink: StationSink): Promise<number> {
  const province = generateProvince({
    stations: options.stations,
    seed: options.seed,
    provinceCode: options.provinceCode,
    asOf: options.asOf,
  });
  await sink.province({
    provinceCode: province.provinceCode,
    asOf: province.asOf,
    regions: province.regions,
    mediationAverages: province.mediationAverages,
  });
  let written = 0;
  for (const bundle of province.stations()) {
    await sink.station(bundle);
    written++;
  }
  await sink.close();
  return written;
}

/** `scorecard generate …`: parses the arguments (UsageError when bad) and writes the province. */
export async function generate(argv: readonly string[], io: CliIo, today?: () => IsoDate): Promise<number> {
  const options = parseArgs(argv, today ?? (() => todayIn(io.env.TIME_ZONE || DEFAULT_TIME_ZONE)));
  if (options === 'help') {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  await generateInto(options, await openSink(options.output, io, options.seed));
  return 0;
}
