import { Module } from '@nestjs/common';
import { AnnualReviewsService } from './annual-reviews.service.js';
import { BonusEventsService } from './bonus-events.service.js';
import { AnnualReviewsController, BonusEventsController, VetoEventsController } from './station-events.controller.js';
import { VetoEventsService } from './veto-events.service.js';
import { IngestionModule } from '../ingestion/ingestion.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';

@Module({
  imports: [OutboxModule, AuditModule, IngestionModule],
  controllers: [BonusEventsController, VetoEventsController, AnnualReviewsController],
  providers: [BonusEventsService, VetoEventsService, AnnualReviewsService],
  exports: [BonusEventsService, VetoEventsService, AnnualReviewsService],
})
export class StationEventsModule {}
