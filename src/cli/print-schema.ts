// `npm run schema:print`: writes schema.gql from the resolver classes (no database needed).
// CI fails when the committed file and the app's schema differ (test/dashboard/schema.spec.ts).
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { buildSchema, schemaFileText } from '../dashboard/schema-printer.js';
import { isEntryPoint } from './entry-point.js';

async function main(): Promise<void> {
  const target = process.argv[2] ?? 'schema.gql';
  await writeFile(target, schemaFileText(await buildSchema()));
  console.log(`wrote ${target}`);
}

if (isEntryPoint(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
