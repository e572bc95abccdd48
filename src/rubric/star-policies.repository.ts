// Provinces' stored star policies (table star_policy): the active versions, a version's number
// and date, and the statements that add a new version. StarPolicyStore and the policy-setting
// service decide (defaults, validation, audit, the recompute run); this class queries.
import type { Queryable } from '../database/queryable.js';
import type { StarLevelRule, StarPolicy } from './index.js';
import type { StarLevelRuleRow } from './star-policy.entity.js';

interface PolicyRow {
  id: string;
  province_code: string;
  name: string;
  rubric_version: string;
  levels: StarLevelRuleRow[];
  case_entry_deadline_days: number;
}

/** A policy version as stored: what it was given and what the database gave it. */
export interface StoredPolicyVersion {
  id: string;
  version: number;
  created_at: Date;
}

/** A new version of a province's policy. */
export interface NewPolicyVersion {
  provinceCode: string;
  version: number;
  name: string;
  rubricVersion: string;
  levels: StarLevelRule[];
  caseEntryDeadlineDays: number;
  createdBy: string;
}

function toPolicy(row: PolicyRow): StarPolicy {
  return {
    id: row.id,
    name: row.name,
    provinceCode: row.province_code,
    rubricVersion: row.rubric_version,
    levels: row.levels.map((level) => ({ ...level }) as StarLevelRule),
    caseEntryDeadlineDays: row.case_entry_deadline_days,
  };
}

export class StarPoliciesRepository {
  constructor(private readonly db: Queryable) {}

  /** The active stored policy of each province that has one (distinct codes). */
  async active(provinceCodes: readonly string[]): Promise<StarPolicy[]> {
    const rows = await this.db.query<PolicyRow[]>(
      `SELECT id, province_code, name, rubric_version, levels, case_entry_deadline_days
       FROM star_policy WHERE active AND province_code = ANY($1)`,
      [provinceCodes],
    );
    return rows.map(toPolicy);
  }

  /** A stored policy's version number and creation time; undefined for an unknown id. */
  async versionOf(id: string): Promise<{ version: number; created_at: Date } | undefined> {
    const [row] = await this.db.query<{ version: number; created_at: Date }[]>(`SELECT version, created_at FROM star_policy WHERE id = $1`, [id]);
    return row;
  }

  /** Versions of one province are numbered in order: one writer at a time, for the transaction. */
  async lockProvince(provinceCode: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('star_policy:' || $1))`, [provinceCode]);
  }

  async nextVersion(provinceCode: string): Promise<number> {
    const [{ next }] = await this.db.query<{ next: number }[]>(`SELECT coalesce(max(version), 0) + 1 AS next FROM star_policy WHERE province_code = $1`, [provinceCode]);
    return next;
  }

  /** Deactivates the province's active version and adds the new one, active. */
  async addActive(policy: NewPolicyVersion): Promise<StoredPolicyVersion> {
    await this.db.query(`UPDATE star_policy SET active = false WHERE province_code = $1 AND active`, [policy.provinceCode]);
    const [row] = await this.db.query<StoredPolicyVersion[]>(
      `INSERT INTO star_policy (province_code, version, name, rubric_version, levels, case_entry_deadline_days, active, created_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, true, $7) RETURNING id, version, created_at`,
      [policy.provinceCode, policy.version, policy.name, policy.rubricVersion, JSON.stringify(policy.levels), policy.caseEntryDeadlineDays, policy.createdBy],
    );
    return row;
  }
}
