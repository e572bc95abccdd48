// npm run apikey -- create --role COUNTY --region 130102 [--label "县局系统"] [--region-name 长安区]
// npm run apikey -- list
// npm run apikey -- revoke <id>
import { API_KEY_ROLES, type ApiKeyRole } from '../auth/api-key.entity.js';
import { ApiKeyService } from '../auth/api-key.service.js';
import { RegionsService } from '../regions/regions.service.js';
import { parseOptions, runCli, UsageError, withDataSource } from './cli-runtime.js';
import { isEntryPoint } from './entry-point.js';

const USAGE = `usage:
  apikey create --role ${API_KEY_ROLES.join('|')} --region CODE [--label TEXT] [--region-name NAME]
  apikey list
  apikey revoke ID
The key is printed once; only its hash is stored. --region-name creates the region (and
its missing parents) when it is not loaded yet.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { options, positional } = parseOptions(rest, { role: 'string', region: 'string', label: 'string', 'region-name': 'string' });
  switch (command) {
    case 'create': {
      const role = String(options.role ?? '') as ApiKeyRole;
      const region = String(options.region ?? '');
      if (!API_KEY_ROLES.includes(role)) throw new UsageError(`--role must be one of ${API_KEY_ROLES.join(', ')}`);
      if (!/^\d{6}$/.test(region)) throw new UsageError('--region must be a 6-digit region code');
      return withDataSource(async (dataSource) => {
        if (typeof options['region-name'] === 'string') await new RegionsService(dataSource).ensureChain(region, options['region-name']);
        const created = await new ApiKeyService(dataSource).create(role, region, String(options.label ?? ''));
        console.log(`created ${created.role} key ${created.id} for region ${created.regionCode}; it is shown once:\n${created.key}`);
        return 0;
      });
    }
    case 'list':
      return withDataSource(async (dataSource) => {
        for (const key of await new ApiKeyService(dataSource).list()) {
          console.log([key.id, key.role, key.regionCode, key.revokedAt ? 'revoked' : 'active', key.label].join('\t'));
        }
        return 0;
      });
    case 'revoke': {
      const id = positional[0];
      if (!id) throw new UsageError('revoke needs the key id (see `apikey list`)');
      return withDataSource(async (dataSource) => {
        const revoked = await new ApiKeyService(dataSource).revoke(id);
        console.log(revoked ? `revoked ${id}` : `no active key ${id}`);
        return revoked ? 0 : 1;
      });
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'a command is required');
  }
}

if (isEntryPoint(import.meta.url)) runCli(main, USAGE);
