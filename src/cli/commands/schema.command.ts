import { expectPositional, parseOptions, stringOption, UsageError, type CliCommand } from '../command.js';

const USAGE = `usage: scorecard schema [--out FILE] [--check]

Prints the GraphQL schema from the resolver classes (no database needed) into schema.gql,
or FILE. --check writes nothing and exits 1 when the file differs from the code's schema
(a test does the same: test/dashboard/schema.spec.ts).`;

export const command: CliCommand = {
  summary: 'write (or --check) schema.gql, the GraphQL schema of the dashboards',
  usage: USAGE,
  async run(argv, io) {
    const parsed = parseOptions(argv, { out: 'string', check: 'boolean' });
    expectPositional(parsed, 0, 'the options are --out FILE and --check');
    const target = stringOption(parsed, 'out') ?? 'schema.gql';
    if (target.trim() === '') throw new UsageError('--out needs a file name');
    await import('reflect-metadata');
    const [{ readFile, writeFile }, { buildSchema, schemaFileText }] = await Promise.all([import('node:fs/promises'), import('../../dashboard/schema-printer.js')]);
    const text = schemaFileText(await buildSchema());
    if (parsed.options.check === true) {
      const current = await readFile(target, 'utf8').catch(() => null);
      io.stdout.write(current === text ? `${target} is up to date\n` : `${target} differs from the schema of the code: run scorecard schema\n`);
      return current === text ? 0 : 1;
    }
    await writeFile(target, text);
    io.stdout.write(`wrote ${target}\n`);
    return 0;
  },
};
