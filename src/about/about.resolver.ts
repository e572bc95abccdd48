import { Inject } from '@nestjs/common';
import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { APP_RUNTIME, type AppRuntime } from '../core/app-runtime.js';
import { QUEUE_CONNECTION, QueueConnection } from '../queue/queue-connection.js';

@ObjectType({ description: 'What this service instance runs on.' })
export class ServiceInfo {
  @Field()
  service: string;

  @Field()
  version: string;

  @Field({ description: 'external or embedded' })
  database: string;

  @Field({ description: 'redis or postgres' })
  queue: string;

  @Field()
  timeZone: string;
}

@Resolver(() => ServiceInfo)
export class AboutResolver {
  constructor(
    @Inject(APP_RUNTIME) private readonly runtime: AppRuntime,
    @Inject(QUEUE_CONNECTION) private readonly queue: QueueConnection,
  ) {}

  @Query(() => ServiceInfo, { description: 'Service identity; needs no API key.' })
  about(): ServiceInfo {
    return {
      service: 'station-scorecard',
      version: process.env.npm_package_version ?? '0.1.0',
      database: this.runtime.databaseEmbedded ? 'embedded' : 'external',
      queue: this.queue.kind,
      timeZone: this.runtime.config.timeZone,
    };
  }
}
