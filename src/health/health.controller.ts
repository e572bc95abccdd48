import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { NightlyHealthIndicator } from './nightly.health.js';
import { QueueHealthIndicator } from './queue.health.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly nightly: NightlyHealthIndicator,
  ) {}

  /** The process is up (no dependency checked). */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** The database and the queue answer (and, with the worker, the nightly schedule is in place): 200, otherwise 503 with the failing part. */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout: 2000 }), () => this.queue.isHealthy('queue')];
      if (this.nightly.applies) checks.push(() => this.nightly.isHealthy('nightly'));
      return await this.health.check(checks);
    } catch (error) {
      // Terminus reports a failing check as an exception; answer 503 with its details.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse();
    }
  }
}
