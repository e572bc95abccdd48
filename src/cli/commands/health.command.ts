import { cliConfig } from '../cli-config.js';
import { CliFailure, expectPositional, parseOptions, stringOption, UsageError, type CliCommand } from '../command.js';

const USAGE = `usage: scorecard health [--worker] [--url URL] [--timeout MS]

Asks a running process whether it is ready, for container health checks and scripts:
exit 0 when it answers 200, 1 otherwise (not ready, not running, no answer in time).

(default)   the API: http://127.0.0.1:$PORT/health/ready (database and queue)
--worker    the separate worker (npm run start:worker with WORKER_HEALTH_PORT set):
            http://127.0.0.1:$WORKER_HEALTH_PORT/health/ready (database, queue and
            the recompute worker running)
--url URL   another address
--timeout   milliseconds to wait for the answer (default 3000)`;

export const command: CliCommand = {
  summary: 'probe a running API (or --worker) for readiness; exit 0 when ready',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseOptions(argv, { worker: 'boolean', url: 'string', timeout: 'string' });
    expectPositional(parsed, 0, 'the options are --worker, --url and --timeout');
    const timeoutText = stringOption(parsed, 'timeout') ?? '3000';
    const timeout = Number(timeoutText);
    if (!/^\d+$/.test(timeoutText) || timeout < 1 || timeout > 60_000) throw new UsageError(`--timeout must be milliseconds from 1 to 60000, got '${timeoutText}'`);
    const url = stringOption(parsed, 'url') ?? defaultUrl(parsed.options.worker === true, io.env);
    if (!/^https?:\/\/[^/]/.test(url) || !URL.canParse(url)) throw new UsageError(`--url must be an http:// or https:// URL, got '${url}'`);

    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeout) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeout} ms` : describeFetchError(error);
      throw new CliFailure(`${url}: ${reason}`);
    }
    const body = (await response.text()).replace(/\s+/g, ' ').trim();
    (response.ok ? io.stdout : io.stderr).write(`${url}: ${response.status}${body ? ` ${body}` : ''}\n`);
    return response.ok ? 0 : 1;
  },
};

function defaultUrl(worker: boolean, env: Record<string, string | undefined>): string {
  const config = cliConfig(env);
  if (!worker) return `http://127.0.0.1:${config.port}/health/ready`;
  if (config.worker.healthPort === 0) throw new UsageError('--worker needs WORKER_HEALTH_PORT (the port the worker serves its health on), or --url');
  return `http://127.0.0.1:${config.worker.healthPort}/health/ready`;
}

function describeFetchError(error: unknown): string {
  // fetch() fails with "fetch failed"; the reason is its cause (connect ECONNREFUSED …).
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.message || cause?.code || (error instanceof Error ? error.message : String(error));
}
