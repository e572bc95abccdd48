import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NATIONAL_DEFAULT_POLICY, type StarPolicy } from './index.js';
import { StarPoliciesRepository } from './star-policies.repository.js';

/** The star policy in force for a province: its active stored version, or the national default. */
@Injectable()
export class StarPolicyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeFor(provinceCodes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, StarPolicy>> {
    const unique = [...new Set(provinceCodes)];
    const stored = unique.length ? await new StarPoliciesRepository(manager).active(unique) : [];
    const byProvince = new Map(stored.map((policy) => [policy.provinceCode, policy]));
    return new Map(unique.map((code) => [code, byProvince.get(code) ?? NATIONAL_DEFAULT_POLICY]));
  }
}
