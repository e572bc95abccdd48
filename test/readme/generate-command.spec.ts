// The README's generator line, run as written (npx, the bin launcher, a build of dist/ when
// needed, the CLI) with its output redirected as written: a file of NDJSON and nothing else.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { readmeBlock } from './readme-blocks.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

test('the README\'s generator line writes pure NDJSON to its file: a province line, then one line per station', async () => {
  const [command, ...others] = readmeBlock('test/readme/generate-command.spec.ts');
  expect(others).toEqual([]);
  const written = /^(.+) > (\S+)$/.exec(command.text);
  expect(written).not.toBeNull();
  const dir = mkdtempSync(path.join(tmpdir(), 'readme-generate-'));
  try {
    // The repository is npx's project; only the file lands elsewhere.
    const file = path.join(dir, written![2]);
    const { stderr } = await run('bash', ['-euc', command.text.replace(/> \S+$/, `> '${file}'`)], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, timeout: 120_000 });
    expect(stderr).not.toMatch(/error|warn/i);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const records = lines.map((line, i) => {
      try {
        return JSON.parse(line) as { kind: string; code?: string };
      } catch {
        throw new Error(`line ${i + 1} is not JSON: ${line.slice(0, 80)}`);
      }
    });
    const stations = Number(/--stations (\d+)/.exec(command.text)![1]);
    expect(records.map((r) => r.kind)).toEqual(['province', ...Array<string>(stations).fill('station')]);
    expect(new Set(records.slice(1).map((r) => r.code)).size).toBe(stations);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
