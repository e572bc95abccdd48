// The Nest logger of the test apps: it records warnings and errors instead of printing them,
// so that a test run shows only test results, and a test that provokes an error asserts it
// (`t.logs.find('error', /disk full/)`). TEST_LOG=1 prints them as well, for debugging.
import { ConsoleLogger, type LoggerService, type LogLevel } from '@nestjs/common';

export interface LogEntry {
  level: LogLevel;
  context: string | undefined;
  message: string;
  /** A stack trace given with an error. */
  trace: string | undefined;
}

const RECORDED: readonly LogLevel[] = ['fatal', 'error', 'warn'];

export class RecordingLogger implements LoggerService {
  readonly entries: LogEntry[] = [];
  private readonly console = process.env.TEST_LOG ? new ConsoleLogger() : null;

  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.record('fatal', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.record('warn', message, rest);
  }

  log(): void {}

  debug(): void {}

  verbose(): void {}

  /** The entries of a level whose message (or stack trace) matches. */
  find(level: LogLevel, text: RegExp): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level && (text.test(entry.message) || (entry.trace !== undefined && text.test(entry.trace))));
  }

  private record(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!RECORDED.includes(level)) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const strings = rest.filter((value): value is string => typeof value === 'string');
    const context = strings.length > 0 ? strings[strings.length - 1] : undefined;
    const trace = level === 'error' && strings.length > 1 ? strings[0] : message instanceof Error ? message.stack : undefined;
    this.entries.push({ level, context, message: message instanceof Error ? message.message : String(message), trace });
    if (this.console) (this.console[level as 'error' | 'warn' | 'fatal'] as (...args: unknown[]) => void)(message, ...rest);
  }
}

/**
 * One recorder per test file: Nest's static Logger (used by every `new Logger(context)`)
 * follows the last app created, so two apps of one file share it anyway.
 */
export const testLogs = new RecordingLogger();
