// Rating-round fixtures of the OpenAPI fuzz test: an open round of the province, an evidence
// file every generated key may use (uploaded by the county key, attached to a station of
// the county), and body values the schemas cannot describe (criterion and indicator codes
// of the round's rubric, the file id).
import fc from 'fast-check';
import { getRubric, getRubricIndex } from '../../../src/rubric/index.js';
import { RoundsService } from '../../../src/rounds/rounds.service.js';
import { systemContext } from '../../../src/ingestion/write-context.js';
import type { TestApp } from '../../support/test-app.js';

export interface RoundFixtures {
  roundId: string;
  bodyRefs: Record<string, fc.Arbitrary<unknown>>;
}

export async function roundFixtures(t: TestApp, stationCode: string): Promise<RoundFixtures> {
  const keys = await t.dataSource.query<{ id: string; role: 'ADMIN' | 'COUNTY'; region_code: string }[]>(`SELECT id, role, region_code FROM api_key WHERE role = 'ADMIN' OR (role = 'COUNTY' AND region_code = left($1, 6)) ORDER BY created_at`, [stationCode]);
  const admin = keys.find((k) => k.role === 'ADMIN')!;
  const county = keys.find((k) => k.role === 'COUNTY')!;
  const round = await t.app.get(RoundsService).open(systemContext({ keyId: admin.id, role: 'ADMIN', regionCode: admin.region_code }), {
    provinceCode: '130000',
    name: 'OpenAPI 批次',
    level: 'FIVE_STAR',
    cutOff: '2026-06-30',
    applicationDeadline: new Date(Date.now() + 30 * 86_400_000),
    publicationDays: 7,
  });
  const [file] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO file_object (sha256, size, content_type, original_name, uploaded_by_key_id, uploaded_by_region) VALUES (repeat('a', 64), 10, 'application/pdf', 'fuzz.pdf', $1, $2) RETURNING id`,
    [county.id, county.region_code],
  );
  await t.dataSource.query(`INSERT INTO file_attachment (file_id, owner_kind, owner_id, station_code) VALUES ($1, 'REVIEW', gen_random_uuid(), $2)`, [file.id, stationCode]);
  const index = getRubricIndex(getRubric(round.rubricVersion));
  return {
    roundId: round.id,
    bodyRefs: {
      criterion: fc.constantFrom(...index.criteria.map((c) => c.code)),
      item: fc.constantFrom(...index.thirdLevel.map((third) => third.code)),
      fileIds: fc.constant([file.id]),
      sealedScanFileId: fc.constant(file.id),
    },
  };
}

/**
 * Submitting an incomplete application is a 400 whatever the request looks like: the drafts
 * the fuzz puts are random, so a valid submit may meet one (its problems name the draft).
 */
export function incompleteSubmission(path: string, res: { status: number; body: { error?: { problems?: { path: string }[] } } }): boolean {
  if (!path.endsWith('/submit') || res.status !== 400) return false;
  const problems = res.body.error?.problems ?? [];
  return problems.length > 0 && problems.every((p) => p.path === 'materials' || p.path.startsWith('certification'));
}
