import { API_KEY_ROLES, ROLE_REGION_LEVEL, type ApiKeyRole } from '../../auth/api-key-format.js';
import { CliFailure, expectPositional, parseOptions, stringOption, UsageError, type CliCommand, type CliIo } from '../command.js';

const USAGE = `usage: scorecard apikey <create|list|revoke> …
  scorecard apikey create --role ${API_KEY_ROLES.join('|')} --region CODE [--label TEXT] [--region-name NAME]
  scorecard apikey list
  scorecard apikey revoke ID

create   prints a new key once (only its hash is stored). A COUNTY key needs a county code
         (e.g. 130102), CITY a city (130100), PROVINCE a province (130000); an ADMIN key may
         name any loaded region and reads and writes everything. --region-name loads the
         region (and its missing parents) when it is not loaded yet.
list     every key: id, role, region, active or revoked, label.
revoke   refuses the key from now on; ID is the first column of \`list\`.`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LABEL = 200;

export const command: CliCommand = {
  summary: 'create, list and revoke API keys',
  usage: USAGE,
  async run(argv, io) {
    const [action, ...rest] = argv;
    switch (action) {
      case 'create':
        return create(rest, io);
      case 'list': {
        expectPositional(parseOptions(rest, {}), 0, '`apikey list` takes no arguments');
        return list(io);
      }
      case 'revoke':
        return revoke(rest, io);
      case undefined:
        throw new UsageError('an action is required: create, list or revoke');
      default:
        throw new UsageError(`unknown action '${action}': expected create, list or revoke`);
    }
  },
};

async function create(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, { role: 'string', region: 'string', label: 'string', 'region-name': 'string' });
  expectPositional(parsed, 0, 'options are --role, --region, --label, --region-name');
  const role = stringOption(parsed, 'role');
  if (role === undefined) throw new UsageError(`--role is required: one of ${API_KEY_ROLES.join(', ')}`);
  if (!(API_KEY_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${API_KEY_ROLES.join(', ')}, got '${role}'`);
  const region = stringOption(parsed, 'region');
  if (region === undefined) throw new UsageError('--region is required: a 6-digit region code such as 130102');
  const { regionShape } = await import('../../regions/regions.service.js');
  let level: string;
  try {
    level = regionShape(region).level;
  } catch {
    throw new UsageError(`--region must be a 6-digit GB/T 2260 region code such as 130102, got '${region}'`);
  }
  const expected = ROLE_REGION_LEVEL[role as ApiKeyRole];
  if (expected && level !== expected) throw new UsageError(`--region: a ${role} key needs a ${expected.toLowerCase()} code, ${region} is a ${level.toLowerCase()}`);
  const label = stringOption(parsed, 'label') ?? '';
  if (label.length > MAX_LABEL) throw new UsageError(`--label must be at most ${MAX_LABEL} characters, got ${label.length}`);
  const regionName = stringOption(parsed, 'region-name');
  if (regionName !== undefined && regionName.trim() === '') throw new UsageError('--region-name must not be empty');

  const [{ withDataSource }, { ApiKeyService }, { RegionsService }] = await Promise.all([
    import('../cli-database.js'),
    import('../../auth/api-key.service.js'),
    import('../../regions/regions.service.js'),
  ]);
  return withDataSource(io.env, async (dataSource) => {
    if (regionName !== undefined) await new RegionsService(dataSource).ensureChain(region, regionName.trim());
    else if ((await dataSource.query(`SELECT 1 FROM region WHERE code = $1`, [region])).length === 0) {
      throw new CliFailure(`--region ${region} is not loaded: add --region-name NAME to load it, or push the regions first (PUT /api/v1/reference/regions)`);
    }
    const created = await new ApiKeyService(dataSource).create(role as ApiKeyRole, region, label);
    io.stdout.write(`created ${created.role} key ${created.id} for region ${created.regionCode}; it is shown once:\n${created.key}\n`);
    return 0;
  });
}

async function list(io: CliIo): Promise<number> {
  const [{ withDataSource }, { ApiKeyService }] = await Promise.all([import('../cli-database.js'), import('../../auth/api-key.service.js')]);
  return withDataSource(io.env, async (dataSource) => {
    for (const key of await new ApiKeyService(dataSource).list()) {
      io.stdout.write(`${[key.id, key.role, key.regionCode, key.revokedAt ? 'revoked' : 'active', key.label].join('\t')}\n`);
    }
    return 0;
  });
}

async function revoke(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions(argv, {});
  const id = parsed.positional[0];
  if (id === undefined) throw new UsageError('revoke needs the key id ID (first column of `scorecard apikey list`)');
  expectPositional(parsed, 1, 'revoke takes one key id');
  if (!UUID.test(id)) throw new UsageError(`ID must be a key id (a UUID such as 0b9e3c4e-…, first column of \`scorecard apikey list\`), got '${id}'`);
  const [{ withDataSource }, { ApiKeyService }] = await Promise.all([import('../cli-database.js'), import('../../auth/api-key.service.js')]);
  return withDataSource(io.env, async (dataSource) => {
    if (!(await new ApiKeyService(dataSource).revoke(id.toLowerCase()))) throw new CliFailure(`no active key ${id} (see scorecard apikey list)`);
    io.stdout.write(`revoked ${id}\n`);
    return 0;
  });
}
