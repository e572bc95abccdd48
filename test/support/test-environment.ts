// Names shared by the Jest global setup (parent process) and the test files (workers).
// The global setup publishes what it started through these environment variables.
export const ENV = {
  /** A URL on the test PostgreSQL server with the right to CREATE DATABASE. */
  adminUrl: 'SCORECARD_TEST_ADMIN_URL',
  /** The migrated template database each test file clones. */
  template: 'SCORECARD_TEST_TEMPLATE',
  /** Redis for queue tests; empty means the PostgreSQL queue backend. */
  redisUrl: 'SCORECARD_TEST_REDIS_URL',
  /** Identifies this test run in database names. */
  runId: 'SCORECARD_TEST_RUN',
} as const;

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set: run the tests through \`npm test\` (Jest global setup)`);
  return value;
}

/** Swaps the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
