import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../cli/command.js';
import { generate, parseArgs, UsageError } from '../../cli/generate.js';
import { runScorecard } from '../../cli/scorecard.js';
import { generateProvince } from '../index.js';

/** `scorecard generate …` as the command line runs it. */
const main = (argv: string[], io: CliIo) => runScorecard(['generate', ...argv], io);

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function io(): CliIo & { out: () => string; err: () => string } {
  const out = sink();
  const err = sink();
  return { stdout: out.stream, stderr: err.stream, env: {}, out: out.text, err: err.text };
}

describe('parseArgs', () => {
  const today = () => '2025-03-01';

  it('reads flags in both spellings and fills the defaults', () => {
    expect(parseArgs(['--stations', '5', '--seed', 'x'], today)).toEqual({
      stations: 5,
      seed: 'x',
      provinceCode: '130000',
      asOf: '2025-03-01',
      output: { kind: 'ndjson', path: null },
    });
    expect(parseArgs(['--stations=0', '--seed=7', '--province=440000', '--as-of=2024-02-29', '--out=a.ndjson'], today)).toEqual({
      stations: 0,
      seed: '7',
      provinceCode: '440000',
      asOf: '2024-02-29',
      output: { kind: 'ndjson', path: 'a.ndjson' },
    });
    expect(parseArgs(['--seed', 'x', '--help'], today)).toBe('help');
    expect(parseArgs(['--stations', '5', '--seed', 'x', '--load', '--assessments'], today)).toMatchObject({ output: { kind: 'database', assessments: true } });
    expect(parseArgs(['--stations', '5', '--seed', 'x', '--load'], today)).toMatchObject({ output: { kind: 'database', assessments: false } });
  });

  it.each([
    [[], /--stations is required/],
    [['--stations', '5'], /--seed is required/],
    [['--stations', '-1', '--seed', 'x'], /--stations must be/],
    [['--stations', '2.5', '--seed', 'x'], /--stations must be/],
    [['--stations', '400001', '--seed', 'x'], /--stations must be/],
    [['--stations', '5', '--seed', 'x', '--as-of', '2025-02-29'], /--as-of must be/],
    [['--stations', '5', '--seed', 'x', '--province', '130100'], /--province must be/],
    [['--stations', '5', '--seed', 'x', '--loads'], /unknown argument/],
    [['--stations', '5', '--seed', 'x', '--load', '--out', 'f'], /--out and --load exclude each other/],
    [['--stations', '5', '--seed', 'x', '--assessments'], /--assessments needs --load/],
    [['--stations', '5', '--seed', 'x', '--load=yes'], /--load takes no value/],
    [['--stations', '5', '--stations', '6', '--seed', 'x'], /given twice/],
    [['--stations', '--seed', 'x'], /--stations needs a value/],
    [['--stations', '5', '--seed'], /--seed needs a value/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, today)).toThrow(UsageError);
    expect(() => parseArgs(argv, today)).toThrow(message);
  });
});

describe('main', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'generate-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 with one line naming the argument on bad arguments, 0 with the usage on --help', async () => {
    const bad = io();
    expect(await main(['--stations', 'many', '--seed', 'x'], bad)).toBe(2);
    expect(bad.err()).toBe("scorecard generate: --stations must be an integer from 0 to 400000, got 'many' (see scorecard generate --help)\n");
    expect(bad.out()).toBe('');
    const help = io();
    expect(await main(['--help'], help)).toBe(0);
    expect(help.out()).toMatch(/^usage: scorecard generate/);
  });

  it('writes the province line, then one line per station, to a file and to stdout alike', async () => {
    const file = join(dir, 'p.ndjson');
    const args = ['--stations', '12', '--seed', 'cli', '--as-of', '2025-06-15'];
    const toFile = io();
    expect(await main([...args, '--out', file], toFile)).toBe(0);
    expect(toFile.out()).toBe('');
    const text = readFileSync(file, 'utf8');
    const toStdout = io();
    expect(await main(args, toStdout)).toBe(0);
    expect(toStdout.out()).toBe(text);

    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(text.endsWith('\n')).toBe(true);
    expect(lines).toHaveLength(13);
    const p = generateProvince({ stations: 12, seed: 'cli', asOf: '2025-06-15' });
    expect(lines[0]).toEqual({
      kind: 'province',
      provinceCode: '130000',
      asOf: '2025-06-15',
      regions: p.regions,
      mediationAverages: p.mediationAverages,
    });
    expect(Object.keys(lines[0])[0]).toBe('kind');
    const stations = [...p.stations()];
    lines.slice(1).forEach((line, i) => {
      expect(line.kind).toBe('station');
      const { kind: _kind, ...bundle } = line;
      expect(bundle).toEqual(JSON.parse(JSON.stringify(stations[i])));
    });
  });

  it('uses today (as given) when --as-of is left out', async () => {
    const run = io();
    expect(await generate(['--stations', '1', '--seed', 'today'], run, () => '2025-03-01')).toBe(0);
    expect(JSON.parse(run.out().split('\n')[0]).asOf).toBe('2025-03-01');
  });

  it('waits for a slow reader instead of buffering everything', async () => {
    let received = '';
    let maxBuffered = 0;
    const slow: Writable = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        received += chunk.toString('utf8');
        maxBuffered = Math.max(maxBuffered, slow.writableLength);
        setImmediate(done);
      },
    });
    const run = { ...io(), stdout: slow };
    expect(await main(['--stations', '20', '--seed', 'slow', '--as-of', '2025-06-15'], run)).toBe(0);
    expect(received.trimEnd().split('\n')).toHaveLength(21);
    // Never more than about one station line queued (a line is ~40 kB).
    expect(maxBuffered).toBeLessThan(200_000);
  });

  it('stops quietly when the reader goes away, and fails on other write errors', async () => {
    const closed = new Writable({
      write(_chunk, _enc, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const gone = { ...io(), stdout: closed };
    expect(await main(['--stations', '50', '--seed', 'pipe', '--as-of', '2025-06-15'], gone)).toBe(0);

    const nowhere = io();
    expect(await main(['--stations', '1', '--seed', 'x', '--out', join(dir, 'missing', 'p.ndjson')], nowhere)).toBe(1);
    expect(nowhere.err()).toMatch(/^scorecard generate: ENOENT[^\n]*\n$/);
  });
});
