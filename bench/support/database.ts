// The benchmarks' scratch databases: each run creates its own on the given server and drops
// it at the end (unless asked to keep it).
import pg from 'pg';
import { EmbeddedDatabase } from '../../src/database/embedded-postgres.js';

/** One statement on its own connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function adminQuery(url: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `adminUrl` and answers its URL. */
export async function createScratchDatabase(adminUrl: string, name: string): Promise<string> {
  await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/**
 * The server the scratch databases go on: DATABASE_URL, or else an embedded PostgreSQL under
 * `dataDir` on BENCH_PG_PORT (default `defaultPort`); stop `embedded` at the end.
 */
export async function adminServer(dataDir: string, defaultPort: number): Promise<{ adminUrl: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { adminUrl: process.env.DATABASE_URL, embedded: null };
  const embedded = new EmbeddedDatabase({ dataDir, port: Number(process.env.BENCH_PG_PORT ?? defaultPort), database: 'bench_admin' });
  return { adminUrl: await embedded.start(), embedded };
}
