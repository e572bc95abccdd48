// What every `scorecard` subcommand is: a file src/cli/commands/<name>.command.ts exporting
// `command`. The dispatcher (scorecard.ts) finds the files itself, so adding a subcommand is
// adding one file. Keep a command file's static imports light (this file, config): load
// the database, Nest and the services inside run(), so `scorecard --help` and `scorecard
// health` start in a blink.
import type { Writable } from 'node:stream';

export type Env = Record<string, string | undefined>;

/** Where a command reads its environment and writes its output (the process, or a test's). */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Env;
}

export interface CliCommand {
  /** One line in `scorecard --help`. */
  summary: string;
  /** The whole text of `scorecard <name> --help`, starting with `usage: scorecard <name>`. */
  usage: string;
  /** Resolves to the exit code (0 done, 1 failed); throws UsageError for a bad argument. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A bad argument: exit code 2, one line naming the argument and what is expected. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An expected failure (no such key, database unreachable, …): exit code 1, one line. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}

export type OptionKind = 'string' | 'boolean';

export interface ParsedOptions {
  options: Record<string, string | true>;
  positional: string[];
}

/**
 * `--name value`, `--name=value` and `--flag`. Unknown options, a repeated option, a value
 * missing or given to a flag are usage errors.
 */
export function parseOptions(argv: readonly string[], known: Record<string, OptionKind>): ParsedOptions {
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq >= 0 ? eq : undefined);
    const kind = known[name];
    if (!kind) {
      const names = Object.keys(known);
      throw new UsageError(`unknown option --${name}${names.length ? ` (options: ${names.map((n) => `--${n}`).join(', ')})` : ' (this command takes no options)'}`);
    }
    if (name in options) throw new UsageError(`--${name} given twice`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    options[name] = value;
  }
  return { options, positional };
}

/** The string value of an option, or undefined when absent. */
export function stringOption(parsed: ParsedOptions, name: string): string | undefined {
  const value = parsed.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Refuses positional arguments beyond the first `count`. */
export function expectPositional(parsed: ParsedOptions, count: number, what: string): void {
  if (parsed.positional.length > count) throw new UsageError(`unexpected argument '${parsed.positional[count]}'${what ? ` (${what})` : ''}`);
}
