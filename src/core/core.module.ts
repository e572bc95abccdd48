import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.js';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';
import { APP_RUNTIME, type AppRuntime } from './app-runtime.js';

/** Process-wide values: configuration, runtime facts and the queue connection settings. */
@Global()
@Module({})
export class CoreModule {
  static register(runtime: AppRuntime): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_RUNTIME, useValue: runtime },
        { provide: APP_CONFIG, useValue: runtime.config },
        {
          provide: QUEUE_CONNECTION,
          useValue: new QueueConnection({
            redisUrl: runtime.config.queue.redisUrl,
            databaseUrl: runtime.databaseUrl,
            prefix: runtime.config.queue.prefix,
          }),
        },
      ],
      exports: [APP_RUNTIME, APP_CONFIG, QUEUE_CONNECTION],
    };
  }

}
