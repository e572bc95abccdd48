import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import type { WriteContext } from './write-context.js';

/** Status of every successful write: the summary answers with 200 whatever happened. */
export const WRITE_STATUS = 200;

/**
 * Every write is one transaction: the Idempotency-Key claim, the data, its audit and outbox
 * rows and the stored answer commit together or not at all.
 */
@Injectable()
export class WriteRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
  ) {}

  run<T>(ctx: WriteContext, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.idempotency.claim(manager, ctx);
      const result = await work(manager);
      await this.idempotency.complete(manager, ctx, WRITE_STATUS, result);
      return result;
    });
  }
}
