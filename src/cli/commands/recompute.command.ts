import { isIsoDate } from '../../domain/dates.js';
import { expectPositional, parseOptions, stringOption, UsageError, type CliCommand } from '../command.js';

const USAGE = `usage: scorecard recompute [--region CODE] [--cut-off YYYY-MM-DD] [--enqueue]
       scorecard recompute runs [--limit N]

recompute   a recompute run of every station (or of a region's: --region 130100), as of
            today or of --cut-off. This process works on the run too (beside any running
            worker) and shows its progress; --enqueue only records it for a running worker.
runs        the latest N runs (default 20, at most 1000) with their counters.`;

export const command: CliCommand = {
  summary: 'recompute scores now (a recompute run), or list recent runs',
  usage: USAGE,
  async run(argv, io) {
    const { recompute } = await import('../recompute.js');
    if (argv[0] === 'runs') {
      const parsed = parseOptions(argv.slice(1), { limit: 'string' });
      expectPositional(parsed, 0, '`recompute runs` takes only --limit');
      const text = stringOption(parsed, 'limit') ?? '20';
      const limit = Number(text);
      if (!/^\d+$/.test(text) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be an integer from 1 to 1000, got '${text}'`);
      return recompute({ list: limit }, io);
    }
    const parsed = parseOptions(argv, { region: 'string', 'cut-off': 'string', enqueue: 'boolean' });
    expectPositional(parsed, 0, 'the only action is `runs`');
    const region = stringOption(parsed, 'region') ?? null;
    if (region !== null && !/^(?!00)\d{6}$/.test(region)) throw new UsageError(`--region must be a 6-digit GB/T 2260 region code such as 130100, got '${region}'`);
    const cutOff = stringOption(parsed, 'cut-off');
    if (cutOff !== undefined && !isIsoDate(cutOff)) throw new UsageError(`--cut-off must be a calendar date YYYY-MM-DD, got '${cutOff}'`);
    return recompute({ region, cutOff, work: parsed.options.enqueue !== true }, io);
  },
};
