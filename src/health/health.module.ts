import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { NightlyHealthIndicator } from './nightly.health.js';
import { QueueHealthIndicator } from './queue.health.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [QueueHealthIndicator, NightlyHealthIndicator],
})
export class HealthModule {}
