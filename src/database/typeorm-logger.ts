// TypeORM's messages (failed queries, pool errors, slow queries, migrations) through Nest's
// logger, in the service's log format and level filter rather than straight to the console;
// the tests' recording logger receives them like any other warning.
import { Logger as NestLogger } from '@nestjs/common';
import { AbstractLogger, type LogLevel, type LogMessage } from 'typeorm';
import { assertUnreachable } from '../common/errors/error-code.js';

export class TypeOrmNestLogger extends AbstractLogger {
  private readonly logger = new NestLogger('TypeORM');

  protected writeLog(level: LogLevel, logMessage: LogMessage | string | number | (LogMessage | string | number)[]): void {
    for (const message of this.prepareLogMessages(logMessage, { highlightSql: false })) {
      const text = message.prefix ? `${message.prefix} ${String(message.message)}` : String(message.message);
      const type = message.type ?? level;
      switch (type) {
        case 'error':
        case 'query-error':
          this.logger.error(text);
          break;
        case 'warn':
        case 'query-slow':
          this.logger.warn(text);
          break;
        case 'query':
          this.logger.debug(text);
          break;
        case 'log':
        case 'info':
        case 'schema':
        case 'schema-build':
        case 'migration':
          this.logger.log(text);
          break;
        default:
          assertUnreachable(type);
      }
    }
  }
}
