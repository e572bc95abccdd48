// npm run migration:generate -- <Name> | migration:run | migration:revert | migration:show
// Uses DATABASE_URL, or the embedded PostgreSQL when it is unset (as `npm start` does).
import { writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { startDatabase } from '../database/database-runtime.js';
import { isEntryPoint } from './entry-point.js';

const USAGE = 'usage: migration <generate NAME | run | revert | show>';

export async function main(argv: string[]): Promise<number> {
  const [command, name] = argv;
  if (!command || !['generate', 'run', 'revert', 'show'].includes(command) || (command === 'generate' && !/^[A-Z][A-Za-z0-9]*$/.test(name ?? ''))) {
    console.error(USAGE + '\n  NAME is PascalCase, e.g. AddStationPhone');
    return 2;
  }
  const config = loadConfig();
  const database = await startDatabase(config);
  const dataSource = createDataSource({ url: database.url, logging: ['error', 'migration'] });
  try {
    await dataSource.initialize();
    switch (command) {
      case 'run': {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        console.log(applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') : 'no pending migrations');
        return 0;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        return 0;
      case 'show': {
        const pending = await dataSource.showMigrations();
        console.log(pending ? 'there are pending migrations' : 'the schema is up to date');
        return pending ? 1 : 0;
      }
      case 'generate': {
        await dataSource.runMigrations({ transaction: 'each' });
        const sql = await dataSource.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          console.log('entities and schema agree: nothing to generate');
          return 0;
        }
        const timestamp = Date.now();
        const className = `${name}${timestamp}`;
        const fileName = `${timestamp}-${name}.ts`;
        const render = (queries: { query: string; parameters?: unknown[] }[]) =>
          queries
            .map((q) => `    await queryRunner.query(${templateLiteral(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`)
            .join('\n');
        const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${render(sql.upQueries)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${render([...sql.downQueries].reverse())}
  }
}
`;
        const root = process.cwd();
        await writeFile(path.join(root, 'migrations', fileName), body);
        await registerMigration(path.join(root, 'src/database/migrations.ts'), className, fileName);
        console.log(`wrote migrations/${fileName} (${sql.upQueries.length} statements) and registered it`);
        return 0;
      }
    }
    return 2;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
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

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
