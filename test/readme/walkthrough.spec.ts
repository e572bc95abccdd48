// The README's county-push walkthrough, run as it is written against the app started fresh
// with the demo province loaded (as `npm start` does in embedded mode; here explicitly, since
// CI gives the tests a DATABASE_URL): its `npx scorecard` lines through the CLI, everything
// else (curl, the here-document) through bash and the real curl. Every answer printed in the
// README must be what the service answers, and the demo must be left as it was.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { API_KEY_PATTERN } from '../../src/auth/api-key-format.js';
import { runScorecard } from '../../src/cli/scorecard.js';
import { seedDemoIfEmpty } from '../../src/demo/demo-seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { readmeBlock, shellWords, type ShellCommand } from './readme-blocks.js';

const run = promisify(execFile);

let t: TestApp;
let dir: string;
let baseUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'readme-walkthrough-'));
  // The demo writes its keys beside the embedded data directory: keep them in the temp dir.
  t = await createTestApp({ env: { EMBEDDED_PG_DIR: path.join(dir, 'pg') } });
  expect(await seedDemoIfEmpty(t.app, t.config)).toBe(true);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as { port: number };
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface DemoState {
  regions: { code: string }[];
  stations: { code: string }[];
  people: { station_code: string; n: number }[];
}

/** What of the demo a walkthrough could touch: its regions' names, its stations and rosters. */
async function demoState(): Promise<DemoState> {
  return {
    regions: await t.dataSource.query(`SELECT code, name, parent_code FROM region ORDER BY code`),
    stations: await t.dataSource.query(`SELECT code, name, row_digest FROM station ORDER BY code`),
    people: await t.dataSource.query(`SELECT station_code, count(*)::int AS n, string_agg(row_digest, ',' ORDER BY external_id) AS digests FROM person GROUP BY 1 ORDER BY 1`),
  };
}

test('the county push walkthrough answers what the README prints, and leaves the demo as it was', async () => {
  const commands = readmeBlock('test/readme/walkthrough.spec.ts');
  expect(commands.filter((c) => c.expected !== null).length).toBeGreaterThanOrEqual(4);
  const before = await demoState();
  const vars: Record<string, string> = {};
  let lastKey: string | null = null;

  for (const command of commands) {
    const where = `README.md line ${command.line}: ${command.text.split('\n')[0]}`;
    const assignment = /^([A-Z_]+)=(\S+)/.exec(command.text);
    if (assignment && assignment[1] === 'SS') {
      // The README's address is the one `npm start` serves; the test's app listens elsewhere.
      expect(assignment[2]).toBe('http://localhost:3000');
      vars.SS = baseUrl;
    } else if (assignment && assignment[2] === 'ssk_…') {
      if (lastKey === null) throw new Error(`${where}: no key printed before`);
      vars[assignment[1]] = lastKey;
      lastKey = null;
    } else if (command.text.startsWith('npx scorecard ')) {
      lastKey = await scorecard(command, where);
    } else {
      const answer = await shell(command, vars, where);
      if (command.expected !== null) {
        expect({ where, answer: JSON.parse(answer) }).toEqual({ where, answer: JSON.parse(command.expected) });
      } else if (command.text.startsWith('curl ')) {
        // A read: an answer, not an error.
        expect({ where, error: JSON.parse(answer).error }).toEqual({ where, error: undefined });
      }
    }
  }

  // The walkthrough's own province chain, station and roster come on top of the demo's.
  const after = await demoState();
  expect(after.regions.filter((r) => !r.code.startsWith('14'))).toEqual(before.regions);
  expect(after.stations.filter((s) => s.code !== '140105001')).toEqual(before.stations);
  expect(after.people.filter((p) => p.station_code !== '140105001')).toEqual(before.people);
  expect(after.regions.filter((r) => r.code.startsWith('14')).map((r) => r.code)).toEqual(['140000', '140100', '140105']);
  expect(after.people.find((p) => p.station_code === '140105001')).toMatchObject({ n: 2 });
});

/** An `npx scorecard …` line, run by the CLI in this process against the test's database; the key it printed. */
async function scorecard(command: ShellCommand, where: string): Promise<string | null> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c: Buffer) => (stdout += c.toString()));
  err.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await runScorecard(shellWords(command.text).slice(2), { stdout: out, stderr: err, env: { DATABASE_URL: t.database.url } });
  expect({ where, code, stderr }).toEqual({ where, code: 0, stderr: '' });
  return stdout.split('\n').find((line) => API_KEY_PATTERN.test(line)) ?? null;
}

/** Any other line, through bash (and the real curl) in a directory of its own. */
async function shell(command: ShellCommand, vars: Record<string, string>, where: string): Promise<string> {
  try {
    const { stdout } = await run('bash', ['-euc', command.text], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...vars }, timeout: 30_000 });
    return stdout;
  } catch (error) {
    throw new Error(`${where}\nfailed: ${(error as { stderr?: string }).stderr ?? String(error)}`, { cause: error });
  }
}
