// TypeORM's own messages (a failed query, an error of an idle pooled connection) go through
// Nest's logger, not straight to the console: the service logs in one format, and a test
// that drops connections prints nothing.
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { RecordingLogger } from '../support/test-logger.js';
import { waitFor } from '../support/wait-for.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.drop();
});

test('a failed query and a pooled connection killed by the server are logged through Nest, not the console', async () => {
  const recorder = new RecordingLogger();
  Logger.overrideLogger(recorder);
  const consoleWarn = jest.spyOn(console, 'warn');
  const consoleError = jest.spyOn(console, 'error');
  const dataSource = createDataSource({ url: database.url, poolSize: 1, applicationName: 'typeorm-logger-test' });
  await dataSource.initialize();
  try {
    await expect(dataSource.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(recorder.find('error', /query failed: SELECT \* FROM no_such_table/)).toHaveLength(1);
    expect(recorder.entries.find((e) => e.level === 'error')?.context).toBe('TypeORM');

    // The pool's idle connection, ended by the server (a restart, an administrator).
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'typeorm-logger-test' AND datname = current_database()`);
    await admin.end();
    await waitFor(async () => recorder.find('warn', /pool raised an error/).length, (n) => n > 0, { timeoutMs: 5000 });
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
  } finally {
    consoleWarn.mockRestore();
    consoleError.mockRestore();
    await dataSource.destroy();
  }
});
