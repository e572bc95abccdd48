// Shared by the county application tests: a seeded province with keys, rounds opened through
// RoundsService, evidence files inserted as rows (the upload endpoint is the files branch's),
// a complete draft body built from the rubric, and row counts to prove nothing was written.
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal.js';
import { getRubric, getRubricIndex } from '../../src/rubric/index.js';
import type { RatingRoundRecord } from '../../src/rounds/rating-round.entity.js';
import { RoundsService } from '../../src/rounds/rounds.service.js';
import type { TestApp } from '../support/test-app.js';
import { COUNTY, PROVINCE, seedProvince, type Seeded } from '../dashboard/dashboard-support.js';
import { as, openInput, principals } from './rounds-support.js';

export interface CountyWorld {
  s: Seeded;
  p: Record<string, Principal>;
  /** Opens a round of 130000 (or another province) with a unique name. */
  openRound(name: string, provinceCode?: string): Promise<RatingRoundRecord>;
  /** A file row uploaded by the key of `principal` (default the county key). */
  file(principal?: Principal, name?: string): Promise<string>;
}

export async function countyWorld(t: TestApp, stations = 24): Promise<CountyWorld> {
  const s = await seedProvince(t, stations);
  const p = await principals(t);
  const admin = p[`ADMIN:${PROVINCE}`];
  return {
    s,
    p,
    openRound: (name, provinceCode = PROVINCE) => t.app.get(RoundsService).open(as(admin), openInput({ name, provinceCode })),
    file: async (principal = p[`COUNTY:${COUNTY}`], name = '材料.pdf') => {
      const [row] = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO file_object (sha256, size, content_type, original_name, uploaded_by_key_id, uploaded_by_region) VALUES ($1, 1234, 'application/pdf', $2, $3, $4) RETURNING id`,
        [randomUUID().replaceAll('-', '').padEnd(64, '0'), name, principal.keyId, principal.regionCode],
      );
      return row.id;
    },
  };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

export const appPath = (roundId: string, stationCode: string, action = '') => `/api/v1/rounds/${roundId}/applications/${stationCode}${action ? `/${action}` : ''}`;

/** A complete certification (附件3) with the sealed scan. */
export function certification(scanId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    items: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), i !== 5])),
    remarks: '有关情况说明',
    certifiedBy: '某县市场监督管理局',
    certifiedOn: '2026-05-20',
    sealedScanFileId: scanId,
    ...overrides,
  };
}

/** Materials for every criterion but those under indicator 32 (declared missing), and the certification. */
export function completeDraft(rubricVersion: string, fileId: string, scanId: string): Record<string, unknown> {
  const criteria = getRubricIndex(getRubric(rubricVersion)).criteria.filter((c) => !c.code.startsWith('32'));
  return {
    materials: criteria.map((c, i) => ({ criterion: i % 2 === 0 ? c.code : c.id, items: [{ title: `${c.code} 提供材料`, fileIds: i === 0 ? [fileId] : [] }] })),
    missingItems: [{ item: '32', duty: 'SPECIAL_EQUIPMENT', reason: '辖区无特种设备监管职责' }],
    certification: certification(scanId),
  };
}

/** Row counts of everything an application write touches. */
export async function applicationCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM round_application)::int AS applications,
            (SELECT count(*) FROM round_application_transition)::int AS transitions,
            (SELECT count(*) FROM file_attachment)::int AS attachments,
            (SELECT count(*) FROM audit_log)::int AS audit,
            (SELECT coalesce(sum(version), 0) FROM round_application)::int AS versions,
            (SELECT count(*) FROM round_application WHERE frozen_facts IS NOT NULL)::int AS frozen`,
  );
  return row;
}
