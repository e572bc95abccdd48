import { expectPositional, parseOptions, UsageError, type CliCommand } from '../command.js';

const USAGE = `usage: scorecard migrate <run|revert|show|generate NAME>

run        apply the pending migrations (npm start and the worker also do at start,
           unless DATABASE_MIGRATE=false)
revert     undo the last applied migration
show       exit 0 when the schema is up to date, 1 when migrations are pending
generate   after changing an entity: write migrations/<timestamp>-NAME.ts with the SQL
           that makes the migrated schema match the entities, and register it
           (NAME in PascalCase, e.g. AddStationPhone)`;

const ACTIONS = ['run', 'revert', 'show', 'generate'] as const;

export const command: CliCommand = {
  summary: 'apply, revert, check or generate database migrations',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseOptions(argv, {});
    const [action, name] = parsed.positional;
    if (action === undefined) throw new UsageError(`an action is required: ${ACTIONS.join(', ')}`);
    if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`unknown action '${action}': expected ${ACTIONS.join(', ')}`);
    if (action === 'generate') {
      if (name === undefined) throw new UsageError('generate needs NAME, the migration name in PascalCase (e.g. AddStationPhone)');
      if (!/^[A-Z][A-Za-z0-9]{0,80}$/.test(name)) throw new UsageError(`NAME must be PascalCase letters and digits (e.g. AddStationPhone), got '${name}'`);
      expectPositional(parsed, 2, 'generate takes one NAME');
    } else {
      expectPositional(parsed, 1, `${action} takes no arguments`);
    }
    const { migrate } = await import('../migration.js');
    return migrate(action === 'generate' ? { action, name: name! } : { action: action as 'run' | 'revert' | 'show' }, io);
  },
};
