// `scorecard …`: help on the command and on every subcommand; every bad argument answers
// one line naming the argument and what is expected (exit 2); failures one line (exit 1),
// never a driver error or a stack. Runs the dispatcher in-process on a database of its own.
import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/command.js';
import { commandNames, runScorecard } from '../../src/cli/scorecard.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

interface Run {
  code: number;
  out: string;
  err: string;
}

let database: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  // No REDIS_URL: the queue of `recompute` lives in the per-file database.
  env = { DATABASE_URL: database.url, QUEUE_PREFIX: 'cli_test', TIME_ZONE: 'Asia/Shanghai' };
});

afterAll(async () => {
  await database.drop();
});

async function scorecard(argv: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  out.on('data', (c: Buffer) => chunks.out.push(c));
  err.on('data', (c: Buffer) => chunks.err.push(c));
  const io: CliIo = { stdout: out, stderr: err, env: { ...env, ...extraEnv } };
  const code = await runScorecard(argv, io);
  return { code, out: Buffer.concat(chunks.out).toString('utf8'), err: Buffer.concat(chunks.err).toString('utf8') };
}

/** Exactly one line on stderr, nothing on stdout. */
function expectOneLine(run: Run, code: number, pattern: RegExp): void {
  expect({ code: run.code, out: run.out }).toEqual({ code, out: '' });
  expect(run.err.endsWith('\n')).toBe(true);
  expect(run.err.trimEnd().split('\n')).toHaveLength(1);
  expect(run.err).toMatch(pattern);
  expect(run.err).not.toMatch(/ at \S+ \(|QueryFailedError|SELECT |UPDATE |INSERT /);
}

describe('help', () => {
  test('the command lists every subcommand; no command is a usage error', async () => {
    expect(commandNames()).toEqual(['apikey', 'generate', 'health', 'migrate', 'recompute', 'round', 'schema']);
    const help = await scorecard(['--help']);
    expect(help.code).toBe(0);
    for (const name of commandNames()) expect(help.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const none = await scorecard([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^usage: scorecard <command>/);
  });

  test.each(['apikey', 'generate', 'health', 'migrate', 'recompute', 'schema'])('scorecard %s --help, -h and help %s describe it', async (name) => {
    for (const argv of [[name, '--help'], [name, '-h'], ['help', name], [name, 'create', '--help']]) {
      const run = await scorecard(argv);
      expect(run).toMatchObject({ code: 0, err: '' });
      expect(run.out).toMatch(new RegExp(`^usage: scorecard ${name}`));
    }
  });

  test('an unknown command names the commands', async () => {
    expectOneLine(await scorecard(['apikeys', 'list']), 2, /^scorecard: unknown command 'apikeys' \(commands: apikey, generate, /);
  });
});

describe('bad arguments: exit 2, one line naming the argument', () => {
  test.each([
    [['apikey'], /^scorecard apikey: an action is required: create, list or revoke/],
    [['apikey', 'delete', 'x'], /unknown action 'delete': expected create, list or revoke/],
    [['apikey', 'create', '--region', '130102'], /--role is required: one of COUNTY, CITY, PROVINCE, ADMIN/],
    [['apikey', 'create', '--role', 'county', '--region', '130102'], /--role must be one of COUNTY, CITY, PROVINCE, ADMIN, got 'county'/],
    [['apikey', 'create', '--role', 'COUNTY'], /--region is required: a 6-digit region code/],
    [['apikey', 'create', '--role', 'COUNTY', '--region', '1301'], /--region must be a 6-digit GB\/T 2260 region code such as 130102, got '1301'/],
    [['apikey', 'create', '--role', 'COUNTY', '--region', '130100'], /--region: a COUNTY key needs a county code, 130100 is a city/],
    [['apikey', 'create', '--role', 'PROVINCE', '--region', '130102'], /--region: a PROVINCE key needs a province code, 130102 is a county/],
    [['apikey', 'create', '--role', 'COUNTY', '--region', '130102', '--label', 'x'.repeat(201)], /--label must be at most 200 characters, got 201/],
    [['apikey', 'create', '--role', 'COUNTY', '--region', '130102', '--region-name', ' '], /--region-name must not be empty/],
    [['apikey', 'create', '--role', 'COUNTY', '--region', '130102', '--owner', 'me'], /unknown option --owner \(options: --role, --region, --label, --region-name\)/],
    [['apikey', 'create', '--role', 'COUNTY', '--role', 'CITY', '--region', '130102'], /--role given twice/],
    [['apikey', 'create', '--role'], /--role needs a value/],
    [['apikey', 'list', 'all'], /unexpected argument 'all'/],
    [['apikey', 'revoke'], /revoke needs the key id ID/],
    [['apikey', 'revoke', 'not-a-uuid'], /ID must be a key id \(a UUID .*\), got 'not-a-uuid'/],
    [['apikey', 'revoke', '0b9e3c4e-0000-4000-8000-000000000000', 'more'], /unexpected argument 'more'/],
    [['generate', '--stations', 'many', '--seed', 'x'], /^scorecard generate: --stations must be an integer from 0 to 400000, got 'many'/],
    [['generate', '--stations', '5'], /--seed is required/],
    [['recompute', '--region', '13'], /--region must be a 6-digit GB\/T 2260 region code such as 130100, got '13'/],
    [['recompute', '--cut-off', '2025-02-30'], /--cut-off must be a calendar date YYYY-MM-DD, got '2025-02-30'/],
    [['recompute', '--enqueue=yes'], /--enqueue takes no value/],
    [['recompute', 'all'], /unexpected argument 'all' \(the only action is `runs`\)/],
    [['recompute', 'runs', '--limit', '0'], /--limit must be an integer from 1 to 1000, got '0'/],
    [['recompute', 'runs', '--enqueue'], /unknown option --enqueue \(options: --limit\)/],
    [['migrate'], /an action is required: run, revert, show, generate/],
    [['migrate', 'up'], /unknown action 'up': expected run, revert, show, generate/],
    [['migrate', 'generate'], /generate needs NAME, the migration name in PascalCase/],
    [['migrate', 'generate', 'add-phone'], /NAME must be PascalCase letters and digits \(e\.g\. AddStationPhone\), got 'add-phone'/],
    [['migrate', 'run', 'now'], /unexpected argument 'now' \(run takes no arguments\)/],
    [['schema', '--out'], /--out needs a value/],
    [['schema', 'print'], /unexpected argument 'print'/],
    [['health', '--timeout', 'soon'], /--timeout must be milliseconds from 1 to 60000, got 'soon'/],
    [['health', '--url', 'localhost:3000'], /--url must be an http:\/\/ or https:\/\/ URL, got 'localhost:3000'/],
    [['health', '--worker'], /--worker needs WORKER_HEALTH_PORT/],
  ])('scorecard %j', async (argv, message) => {
    const run = await scorecard(argv);
    expectOneLine(run, 2, message);
    expect(run.err).toMatch(new RegExp(`\\(see scorecard ${argv[0]} --help\\)\\n$`));
  });
});

describe('failures: exit 1, one line', () => {
  test('apikey create, list and revoke on the database; a key id that is not there', async () => {
    const created = await scorecard(['apikey', 'create', '--role', 'COUNTY', '--region', '140105', '--region-name', '小店区', '--label', 'cli test']);
    expect(created).toMatchObject({ code: 0, err: '' });
    const [, id] = /^created COUNTY key (\S+) for region 140105; it is shown once:\nssk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}\n$/.exec(created.out)!;
    const listed = await scorecard(['apikey', 'list']);
    expect(listed.out).toContain(`${id}\tCOUNTY\t140105\tactive\tcli test\n`);
    expect(await scorecard(['apikey', 'revoke', id])).toEqual({ code: 0, out: `revoked ${id}\n`, err: '' });
    expectOneLine(await scorecard(['apikey', 'revoke', id]), 1, new RegExp(`^scorecard apikey: no active key ${id} \\(see scorecard apikey list\\)\\n$`));
  });

  test('a region that is not loaded', async () => {
    expectOneLine(await scorecard(['apikey', 'create', '--role', 'COUNTY', '--region', '150102']), 1, /^scorecard apikey: --region 150102 is not loaded: add --region-name NAME to load it/);
    expectOneLine(await scorecard(['recompute', '--region', '150100', '--enqueue']), 1, /^scorecard recompute: --region 150100 is not loaded \(no such region\)\n$/);
  });

  test('recompute runs and migrate show on a current database', async () => {
    expect(await scorecard(['recompute', 'runs', '--limit', '5'])).toEqual({ code: 0, out: '', err: '' });
    expect(await scorecard(['migrate', 'show'])).toEqual({ code: 0, out: 'the schema is up to date\n', err: '' });
  });

  test('a database nobody answers on, and a bad variable', async () => {
    const unreachable = await scorecard(['apikey', 'list'], { DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/nowhere' });
    expectOneLine(unreachable, 1, /^scorecard apikey: cannot connect to the database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/);
    expect(unreachable.err).not.toContain('secret');
    expectOneLine(await scorecard(['apikey', 'list'], { DATABASE_URL: 'mysql://db/x' }), 1, /^scorecard apikey: invalid configuration: DATABASE_URL: protocol must be postgres: or postgresql:/);
  });

  test('health: nothing listening, a listener that is not ready, one that is', async () => {
    const { createServer } = await import('node:http');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const nobody = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    expectOneLine(await scorecard(['health', '--url', `http://127.0.0.1:${nobody}/health/ready`, '--timeout', '2000']), 1, new RegExp(`^scorecard health: http://127.0.0.1:${nobody}/health/ready: connect ECONNREFUSED 127.0.0.1:${nobody}\\n$`));
    const server = createServer((request, response) => {
      const ready = request.url === '/ready';
      response.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ready ? 'ok' : 'error' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      expectOneLine(await scorecard(['health', '--url', `http://127.0.0.1:${port}/not-ready`]), 1, /: 503 \{"status":"error"\}\n$/);
      expect(await scorecard(['health', '--url', `http://127.0.0.1:${port}/ready`])).toEqual({ code: 0, out: `http://127.0.0.1:${port}/ready: 200 {"status":"ok"}\n`, err: '' });
      expect((await scorecard(['health', '--worker'], { WORKER_HEALTH_PORT: String(port) })).err).toMatch(new RegExp(`^http://127.0.0.1:${port}/health/ready: 503`));
    } finally {
      server.close();
    }
  });
});
