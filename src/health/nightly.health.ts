import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import { APP_RUNTIME, type AppRuntime } from '../core/app-runtime.js';
import { NightlyScheduler } from '../recompute/nightly.scheduler.js';

/**
 * In a process that runs the worker (and so keeps the nightly schedule), the schedule must
 * be in the queue: missing (a Redis restarted without its data) it is reported down until
 * the scheduler has declared it again. API-only processes do not own it and leave it out.
 */
@Injectable()
export class NightlyHealthIndicator {
  constructor(
    @Inject(APP_RUNTIME) private readonly runtime: AppRuntime,
    private readonly moduleRef: ModuleRef,
    private readonly health: HealthIndicatorService,
  ) {}

  /** Whether this process reports the nightly schedule. */
  get applies(): boolean {
    return this.runtime.runWorker;
  }

  async isHealthy(key: string) {
    const indicator = this.health.check(key);
    const scheduled = await this.moduleRef.get(NightlyScheduler, { strict: false }).scheduled();
    if (scheduled === null) return indicator.down({ scheduled: null, message: 'the queue does not answer' });
    return scheduled ? indicator.up({ scheduled: true }) : indicator.down({ scheduled: false, message: 'the nightly schedule is missing from the queue; declaring it again' });
  }
}
