import { Module } from '@nestjs/common';
import { StarPolicyStore } from './star-policies.service.js';

@Module({
  providers: [StarPolicyStore],
  exports: [StarPolicyStore],
})
export class RubricModule {}
