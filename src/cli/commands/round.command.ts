import { CliFailure, expectPositional, parseOptions, stringOption, UsageError, type CliCommand, type CliIo } from '../command.js';

const USAGE = `usage: scorecard round list [--province CODE]
       scorecard round verify ROUND_ID

list     rating rounds (评定批次), newest first: id, province, status, level, name,
         and the chain head once confirmed; --province 130000 for one province.
verify   recomputes every confirmed result of the round from its stored inputs, checks
         the input hashes, result digests and the hash chain against the round's chain
         head; prints each mismatch; exit 0 when everything matches, 1 otherwise.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const command: CliCommand = {
  summary: 'list rating rounds, or verify a confirmed round against its hash chain',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'list': {
        const parsed = parseOptions(rest, { province: 'string' });
        expectPositional(parsed, 0, '`round list` takes only --province');
        const province = stringOption(parsed, 'province') ?? null;
        if (province !== null && !/^\d{2}0000$/.test(province)) throw new UsageError(`--province must be a 6-digit province code such as 130000, got '${province}'`);
        return list(province, io);
      }
      case 'verify': {
        const parsed = parseOptions(rest, {});
        expectPositional(parsed, 1, '`round verify` takes one ROUND_ID');
        const id = parsed.positional[0];
        if (id === undefined) throw new UsageError('ROUND_ID is required (see `scorecard round list`)');
        if (!UUID.test(id)) throw new UsageError(`ROUND_ID must be a round id (a UUID, see \`scorecard round list\`), got '${id}'`);
        return verify(id, io);
      }
      case undefined:
        throw new UsageError('an action is required: list or verify');
      default:
        throw new UsageError(`unknown action '${action}': expected list or verify`);
    }
  },
};

async function list(province: string | null, io: CliIo): Promise<number> {
  const { withDataSource } = await import('../cli-database.js');
  return withDataSource(io.env, async (dataSource) => {
    const rows = await dataSource.query<{ id: string; province_code: string; status: string; level: string; name: string; chain_head: string | null }[]>(
      `SELECT id, province_code, status, level, name, chain_head FROM rating_round WHERE ($1::char(6) IS NULL OR province_code = $1) ORDER BY opened_at DESC, id`,
      [province],
    );
    for (const r of rows) io.stdout.write(`${r.id}  ${r.province_code}  ${r.status.padEnd(11)}  ${r.level.padEnd(10)}  ${r.name}${r.chain_head ? `  chain ${r.chain_head}` : ''}\n`);
    if (rows.length === 0) io.stdout.write(`no rounds${province ? ` in ${province}` : ''}\n`);
    return 0;
  });
}

async function verify(id: string, io: CliIo): Promise<number> {
  const [{ withDataSource }, { verifyRound }] = await Promise.all([import('../cli-database.js'), import('../../rounds/review/round-verification.service.js')]);
  return withDataSource(io.env, async (dataSource) => {
    const [round] = await dataSource.query<{ id: string; level: 'FIVE_STAR' | 'FOUR_STAR' | 'THREE_STAR'; status: 'OPEN' | 'REVIEW' | 'PUBLICIZING' | 'CONFIRMED'; chain_head: string | null }[]>(
      `SELECT id, level, status, chain_head FROM rating_round WHERE id = $1`,
      [id],
    );
    if (!round) throw new CliFailure(`no rating round ${id}`);
    const result = await verifyRound(dataSource, { id: round.id, level: round.level, status: round.status, chainHead: round.chain_head });
    const out = result.ok ? io.stdout : io.stderr;
    out.write(`round ${id} (${round.status}): ${result.ok ? 'ok' : 'MISMATCH'}, ${result.checked} result(s) checked, chain head ${result.chainHead ?? 'none'}\n`);
    for (const m of result.mismatches) out.write(`  ${m.stationCode || '(chain)'}: ${m.reason}\n`);
    return result.ok ? 0 : 1;
  });
}
