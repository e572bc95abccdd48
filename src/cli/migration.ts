// `scorecard migrate …` (arguments checked in commands/migrate.command.ts). Uses DATABASE_URL,
// or the embedded PostgreSQL when it is unset (as `npm start` does).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { assertUnreachable } from '../common/errors/error-code.js';
import { createDataSource } from '../database/data-source.js';
import { startDatabase } from '../database/database-runtime.js';
import { pendingSchemaChanges } from '../database/schema-diff.js';
import { cliConfig } from './cli-config.js';
import { reachable } from './cli-database.js';
import type { CliIo } from './command.js';

export type MigrateRequest = { action: 'run' | 'revert' | 'show' } | { action: 'generate'; name: string };

export async function migrate(request: MigrateRequest, io: CliIo): Promise<number> {
  const config = cliConfig(io.env);
  const database = await reachable(config, () => startDatabase(config));
  const dataSource = createDataSource({ url: database.url, logging: false, applicationName: 'station-scorecard-cli' });
  const say = (line: string) => void io.stdout.write(`${line}\n`);
  try {
    await reachable(config, () => dataSource.initialize());
    switch (request.action) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        say(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'no pending migrations');
        return 0;
      }
      case 'revert': {
        const before = await appliedCount(dataSource);
        await dataSource.undoLastMigration({ transaction: 'each' });
        say(before > 0 ? 'reverted the last migration' : 'no migration to revert');
        return 0;
      }
      case 'show': {
        const pending = await dataSource.showMigrations();
        say(pending ? 'there are pending migrations' : 'the schema is up to date');
        return pending ? 1 : 0;
      }
      case 'generate': {
        await dataSource.runMigrations({ transaction: 'each' });
        const sql = await pendingSchemaChanges(dataSource);
        if (sql.upQueries.length === 0) {
          say('entities and schema agree: nothing to generate');
          return 0;
        }
        const file = await writeMigration(request.name, sql.upQueries, [...sql.downQueries].reverse());
        say(`wrote migrations/${file} (${sql.upQueries.length} statements) and registered it`);
        return 0;
      }
      default:
        return assertUnreachable(request);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

async function appliedCount(dataSource: DataSource): Promise<number> {
  const [{ n }] = await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM typeorm_migrations`).catch(() => [{ n: 0 }]);
  return n;
}

type Query = { query: string; parameters?: unknown[] };

async function writeMigration(name: string, up: Query[], down: Query[]): Promise<string> {
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const fileName = `${timestamp}-${name}.ts`;
  const render = (queries: Query[]) =>
    queries.map((q) => `    await queryRunner.query(${templateLiteral(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
  const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${render(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${render(down)}
  }
}
`;
  const root = process.cwd();
  await writeFile(path.join(root, 'migrations', fileName), body);
  await registerMigration(path.join(root, 'src/database/migrations.ts'), className, fileName);
  return fileName;
}

function templateLiteral(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function registerMigration(registry: string, className: string, fileName: string): Promise<void> {
  const source = await readFile(registry, 'utf8');
  const importLine = `import { ${className} } from '../../migrations/${fileName.replace(/\.ts$/, '.js')}';\n`;
  const withImport = source.replace(/^((\/\/[^\n]*\n)*import type[^\n]*\n)/, (header) => header + importLine);
  const updated = withImport.replace(/export const MIGRATIONS: MigrationClass\[\] = \[([^\]]*)\];/, (_m, list: string) => {
    const items = list.split(',').map((s) => s.trim()).filter(Boolean).concat(className);
    return `export const MIGRATIONS: MigrationClass[] = [${items.join(', ')}];`;
  });
  await writeFile(registry, updated);
}
