import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { RubricModule } from '../rubric/rubric.module.js';
import { AssessmentsService } from './assessments.service.js';
import { VetoLiftService } from './veto-lift.service.js';

/**
 * Reviewers' decisions on a station outside rating rounds: criterion assessments (评审),
 * reasonable missing items (合理缺项) and veto lifts. Each one transaction with its audit row
 * and the outbox row that has the station scored again. GraphQL: dashboard/reviews.resolver.ts.
 */
@Module({
  imports: [AuditModule, OutboxModule, RubricModule],
  providers: [AssessmentsService, VetoLiftService],
  exports: [AssessmentsService, VetoLiftService],
})
export class AssessmentsModule {}
