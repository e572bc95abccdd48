// The facts loader alone, on a kept database (e.g. one of `bench/graphql --keep`): loads
// `--chunks` chunks of 250 stations one after another, as a recompute chunk does, and prints
// the time per statement and the total scaled to 40,000 stations.
//   node dist/bench/recompute/facts-loader.js --db postgres://…/ss_bench_… [--chunks 40]
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { FactsLoader } from '../../src/scoring/facts-loader.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const url = option('--db');
if (!url) {
  console.error('usage: facts-loader.js --db postgres://…/database [--chunks 40]');
  process.exit(2);
}
const chunks = Number(option('--chunks') ?? 40);
const SIZE = 250;

// Dates as the application reads them (data-source.ts).
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
const client = new pg.Client({ connectionString: url });
await client.connect();
const codes = (await client.query<{ code: string }>('SELECT code FROM station ORDER BY county_code, code')).rows.map((r) => r.code);
const spent = new Map<string, { ms: number; rows: number }>();
// The loader only calls query(); the client runs it and the time is kept per statement.
const manager = {
  async query(sql: string, params?: unknown[]): Promise<unknown[]> {
    const started = performance.now();
    const result = await client.query(sql, params);
    const key = sql.replace(/\s+/g, ' ').slice(0, 70);
    const s = spent.get(key) ?? { ms: 0, rows: 0 };
    s.ms += performance.now() - started;
    s.rows += result.rows.length;
    spent.set(key, s);
    return result.rows;
  },
} as unknown as EntityManager;

const loader = new FactsLoader(manager);
const started = performance.now();
let stations = 0;
// From the middle of the province, so the first chunks are not the smallest counties.
const from = Math.max(0, Math.floor(codes.length / 2) - (chunks * SIZE) / 2);
for (let i = 0; i < chunks; i++) stations += (await loader.load(codes.slice(from + i * SIZE, from + (i + 1) * SIZE), 'national-2023')).size;
const ms = performance.now() - started;
console.log(`${stations} stations in ${(ms / 1000).toFixed(2)} s: ${((ms / stations) * 40).toFixed(1)} s per 40,000 stations`);
for (const [sql, s] of [...spent].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${s.ms.toFixed(0).padStart(7)} ms ${String(s.rows).padStart(9)} rows  ${sql}`);
await client.end();
