import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { parseBatch, parseOne, type RowSpec } from './validation/validate.js';

/**
 * Batch and single-object request bodies parsed with the configured row limit
 * (MAX_BATCH_ROWS). Bodies are validated in place: each request parses its own.
 */
@Injectable()
export class BatchParser {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get maxRows(): number {
    return this.config.http.maxBatchRows;
  }

  batch<Dto extends object, Row>(spec: RowSpec<Dto, Row>, body: unknown): Row[] {
    return parseBatch(spec, body, this.config.http.maxBatchRows, { adopt: true });
  }

  one<Dto extends object, Row>(spec: RowSpec<Dto, Row>, body: unknown, what: string): Row {
    return parseOne(spec, body, what, { adopt: true });
  }
}
