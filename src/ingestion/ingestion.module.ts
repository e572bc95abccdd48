import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { BatchParser } from './batch-parser.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { StationAccess } from './station-access.js';
import { WriteRunner } from './write-runner.js';

/** Shared push machinery: body parsing, station access and locking, transactions, idempotency. */
@Module({
  providers: [BatchParser, StationAccess, WriteRunner, IdempotencyService, { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
  exports: [BatchParser, StationAccess, WriteRunner, IdempotencyService],
})
export class IngestionModule {}
