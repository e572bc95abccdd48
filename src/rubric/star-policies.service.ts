import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { NATIONAL_DEFAULT_POLICY, type StarLevelRule, type StarPolicy } from './index.js';
import type { StarLevelRuleRow } from './star-policy.entity.js';

interface PolicyRow {
  id: string;
  province_code: string;
  name: string;
  rubric_version: string;
  levels: StarLevelRuleRow[];
  case_entry_deadline_days: number;
}

/** The star policy in force for a province: its active stored version, or the national default. */
@Injectable()
export class StarPolicyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async activeFor(provinceCodes: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, StarPolicy>> {
    const unique = [...new Set(provinceCodes)];
    const rows = unique.length
      ? await manager.query<PolicyRow[]>(
          `SELECT id, province_code, name, rubric_version, levels, case_entry_deadline_days
           FROM star_policy WHERE active AND province_code = ANY($1)`,
          [unique],
        )
      : [];
    const byProvince = new Map(rows.map((row) => [row.province_code, toPolicy(row)]));
    return new Map(unique.map((code) => [code, byProvince.get(code) ?? NATIONAL_DEFAULT_POLICY]));
  }
}

export function toPolicy(row: PolicyRow): StarPolicy {
  return {
    id: row.id,
    name: row.name,
    provinceCode: row.province_code,
    rubricVersion: row.rubric_version,
    levels: row.levels.map((level) => ({ ...level }) as StarLevelRule),
    caseEntryDeadlineDays: row.case_entry_deadline_days,
  };
}
