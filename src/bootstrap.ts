import { randomUUID } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { AppExceptionFilter } from './common/errors/app-exception.filter.js';
import type { AppRuntime } from './core/app-runtime.js';
import { requireJsonBody } from './ingestion/content-type.hook.js';
import { useJsonBodyParser } from './ingestion/json-body/json-body.parser.js';
import { applyFieldRules, INPUT_RULES } from './ingestion/openapi-rules.js';
import { requireReadableQuery } from './ingestion/query-string.hook.js';
import { UrlErrors } from './ingestion/url-errors.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Nest log levels up to and including the configured one. */
export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

/** Builds the HTTP application (REST + GraphQL + OpenAPI) without listening. */
export async function createApp(runtime: AppRuntime, options: { logger?: false | LogLevel[] | LoggerService } = {}): Promise<NestFastifyApplication> {
  const urlErrors = new UrlErrors();
  const adapter = new FastifyAdapter({
    bodyLimit: runtime.config.http.bodyLimitBytes,
    frameworkErrors: urlErrors.handle,
    // Honour a caller's request id so that county systems can correlate their logs.
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Case numbers and event keys travel percent-encoded in DELETE paths: a 64-character
    // Chinese case number is up to 576 characters encoded (find-my-way's default is 100).
    routerOptions: { maxParamLength: 2048 },
  });
  const logger = options.logger ?? logLevelsUpTo(runtime.config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(runtime), adapter, { logger, bufferLogs: false });
  app.useGlobalFilters(new AppExceptionFilter());
  useJsonBodyParser(app, runtime.config.http.bodyLimitBytes);
  // Evidence file uploads (POST /api/v1/files) are multipart/form-data, read as a stream by
  // the handler; the limits that matter are set where it reads them (upload-receiver.ts).
  await app.register(multipart, { limits: { fileSize: runtime.config.files.maxBytes + 1 } });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', requireJsonBody);
  fastify.addHook('onRequest', requireReadableQuery);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Station Scorecard county push API')
      .setDescription(
        [
          'REST interface through which county systems push station data (county-api v1).',
          '',
          'Every request carries `Authorization: Bearer <api key>`; a key writes and reads the stations of its region only. ' +
            'Bodies are JSON (`Content-Type: application/json`, 415 otherwise). A batch `{ "items": [...] }` holds at most 5,000 rows (413 beyond) ' +
            'and is all or nothing: any bad row answers 400 listing every problem as `{ index, key, path, reason }` and nothing is stored. ' +
            'A successful write answers 200 with `{ created, updated, unchanged, removed }`; an identical re-push is all unchanged and writes nothing.',
          '',
          'Errors: `{ "error": { "code", "message", "problems"?, "requestId" } }`. Send `Idempotency-Key` on writes to make retries safe.',
          '',
          INPUT_RULES,
        ].join('\n'),
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'ssk_<prefix>_<secret>', description: 'API key: ssk_<prefix>_<secret>, created with `npm run apikey -- create`' })
      .build(),
  );
  applyFieldRules(document, { maxBatchRows: runtime.config.http.maxBatchRows });
  urlErrors.templates = Object.keys(document.paths);
  // The UI's static assets load through @fastify/static, which Jest's ESM runtime cannot
  // import; tests read the JSON document only.
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', ui: runtime.config.nodeEnv !== 'test' });
  await app.init();
  return app;
}
