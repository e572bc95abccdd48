// `scorecard <command> …`: the one command-line entry (package.json "bin" → bin/scorecard.js,
// which builds dist/ first in a checkout). Subcommands are the files
// src/cli/commands/<name>.command.ts, found here by listing that directory.
import { readdirSync } from 'node:fs';
import { CliFailure, UsageError, type CliCommand, type CliIo } from './command.js';

const COMMAND_FILE = /^([a-z][a-z-]*)\.command\.(js|ts)$/;

/** The subcommand names, from the files next to this module (dist/*.js or, in tests, src/*.ts). */
export function commandNames(): string[] {
  const files = readdirSync(new URL('./commands/', import.meta.url));
  return [...new Set(files.map((file) => COMMAND_FILE.exec(file)?.[1]).filter((name): name is string => name !== undefined))].sort();
}

export async function loadCommand(name: string): Promise<CliCommand> {
  const module = (await import(`./commands/${name}.command.js`)) as { command?: CliCommand };
  if (!module.command) throw new Error(`src/cli/commands/${name}.command.ts exports no \`command\``);
  return module.command;
}

async function overview(): Promise<string> {
  const names = commandNames();
  const width = Math.max(...names.map((n) => n.length));
  const lines = await Promise.all(names.map(async (name) => `  ${name.padEnd(width)}  ${(await loadCommand(name)).summary}`));
  return [
    'usage: scorecard <command> [arguments]',
    '',
    'commands:',
    ...lines,
    '',
    "`scorecard <command> --help` describes a command. Database commands use DATABASE_URL, or the",
    'embedded PostgreSQL of `npm start` when it is unset. Exit codes: 0 done, 1 failed, 2 bad arguments.',
  ].join('\n');
}

/** Runs one command line; resolves to the exit code. Never throws. */
export async function runScorecard(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    (first === undefined ? io.stderr : io.stdout).write(`${await overview()}\n`);
    return first === undefined ? 2 : 0;
  }
  const asksHelp = first === 'help';
  const name = asksHelp ? rest[0] : first;
  if (!commandNames().includes(name)) {
    io.stderr.write(`scorecard: unknown command '${name}' (commands: ${commandNames().join(', ')}; see scorecard --help)\n`);
    return 2;
  }
  const command = await loadCommand(name);
  const args = asksHelp ? [] : rest;
  if (asksHelp || args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    return reportFailure(name, error, io);
  }
}

function reportFailure(name: string, error: unknown, io: CliIo): number {
  // Duck-typed: errors of Node's own realm are not `instanceof Error` under Jest's VM.
  const message = typeof (error as Error | null)?.message === 'string' ? (error as Error).message : String(error);
  if (error instanceof UsageError) {
    io.stderr.write(`scorecard ${name}: ${message} (see scorecard ${name} --help)\n`);
    return 2;
  }
  // A reader that stopped early (… | head) is not a failure of ours.
  if ((error as NodeJS.ErrnoException | null)?.code === 'EPIPE') return 0;
  const expected = error instanceof CliFailure || (error as Error | null)?.name === 'DomainError';
  const verbose = io.env.LOG_LEVEL === 'debug' || io.env.LOG_LEVEL === 'verbose';
  io.stderr.write(`scorecard ${name}: ${oneLine(message)}\n`);
  const stack = (error as Error | null)?.stack;
  if (!expected && verbose && typeof stack === 'string') io.stderr.write(`${stack}\n`);
  return 1;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, '; ').trim() || 'failed';
}

/** The process entry, called by bin/scorecard.js. */
export async function main(): Promise<void> {
  process.exitCode = await runScorecard(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
}
