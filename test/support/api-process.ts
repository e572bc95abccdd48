// A real API process (REST, GraphQL) for multi-process tests, run with the TS loader: the
// same application as `npm start` with WORKER=off, on the configured database and queue,
// listening on a free port of 127.0.0.1, which it prints as `api-ready <port>`.
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';

const config = loadConfig();
const app = await createApp(
  { config, databaseUrl: config.database.url!, databaseEmbedded: false, runWorker: false, emitSchemaFile: false },
  { logger: ['error'] },
);
app.enableShutdownHooks();
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.getHttpServer().address();
process.stdout.write(`api-ready ${typeof address === 'object' && address ? address.port : 0}\n`);
