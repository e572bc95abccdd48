import { Module } from '@nestjs/common';
import { StarPoliciesService } from './star-policies.service.js';

@Module({
  providers: [StarPoliciesService],
  exports: [StarPoliciesService],
})
export class RubricModule {}
