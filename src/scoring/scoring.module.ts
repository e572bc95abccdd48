import { Module } from '@nestjs/common';
import { RubricModule } from '../rubric/rubric.module.js';
import { StationScoringService } from './station-scoring.service.js';

@Module({
  imports: [RubricModule],
  providers: [StationScoringService],
  exports: [StationScoringService],
})
export class ScoringModule {}
