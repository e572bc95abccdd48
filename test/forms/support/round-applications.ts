// Applications of a rating round written straight through the model's repositories (the
// county REST layer is another branch's): materials with uploaded files (file_object rows),
// declared missing items, the certification, frozen facts from freezeFacts, and statuses
// set directly; reviews granting full points, missing-item decisions, round statuses.
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { FileObjectRecord } from '../../../src/files/file-object.entity.js';
import { getRubric, getRubricIndex } from '../../../src/rubric/index.js';
import { RoundApplicationRecord, type CriterionMaterials, type DeclaredMissingItem, type RoundCertification } from '../../../src/rounds/round-application.entity.js';
import { freezeFacts, frozenFactsHash, type StationFactsJson } from '../../../src/rounds/round-facts.js';
import { loadOverlays } from '../../../src/rounds/round-overlay.js';
import { scoreApplication } from '../../../src/rounds/round-scoring.js';
import type { RatingRoundRecord } from '../../../src/rounds/rating-round.entity.js';
import type { ApplicationStatus, RoundStatus } from '../../../src/rounds/round-status.js';
import type { ScoreResult } from '../../../src/scoring/engine/index.js';

export interface ApplicationInput {
  status: ApplicationStatus;
  materials?: CriterionMaterials[];
  missingItems?: DeclaredMissingItem[];
  certification?: RoundCertification | null;
  /** Changes the frozen facts before they are stored (e.g. someone who left before the cut-off). */
  editFacts?: (frozen: StationFactsJson) => void;
}

/** An uploaded file's row (the bytes are not needed by the forms). */
export async function insertFile(db: DataSource, name: string, keyId: string): Promise<string> {
  const repo = db.getRepository(FileObjectRecord);
  const row = await repo.save(repo.create({ sha256: randomBytes(32).toString('hex'), size: 1024, contentType: 'application/pdf', originalName: name, uploadedByKeyId: keyId, uploadedByRegion: '130000' }));
  return row.id;
}

export function certification(overrides: Partial<RoundCertification> = {}): RoundCertification {
  const items = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), i + 1 !== 4 && i + 1 !== 11]));
  return { items, remarks: '第4项：2025年有1件行政复议案件被撤销；第11项：1名辅助人员受到批评教育。', certifiedBy: '测试区市场监督管理局', certifiedOn: '2026-06-20', sealedScanFileId: '00000000-0000-4000-8000-000000000000', ...overrides };
}

/** Inserts the application of a station (frozen facts for every status but DRAFT). */
export async function apply(db: DataSource, round: RatingRoundRecord, stationCode: string, input: ApplicationInput): Promise<RoundApplicationRecord> {
  const draft = input.status === 'DRAFT';
  let frozen: StationFactsJson | null = null;
  if (!draft) {
    frozen = await freezeFacts(db.manager, stationCode, round.rubricVersion);
    input.editFacts?.(frozen);
  }
  const repo = db.getRepository(RoundApplicationRecord);
  return repo.save(
    repo.create({
      roundId: round.id,
      stationCode,
      status: input.status,
      materials: input.materials ?? [],
      missingItems: input.missingItems ?? [],
      certification: input.certification === undefined ? certification() : input.certification,
      submittedAt: draft ? null : new Date('2026-06-25T02:00:00Z'),
      frozenFacts: frozen,
      frozenInputHash: frozen === null ? null : frozenFactsHash(frozen),
    }),
  );
}

/** Material reviews granting every assessed criterion its full points (so that results reach a star level). */
export async function reviewAll(db: DataSource, round: RatingRoundRecord, applicationId: string): Promise<void> {
  const assessed = getRubricIndex(getRubric(round.rubricVersion)).criteria.filter((c) => c.source === 'ASSESSED');
  await db.query(
    `INSERT INTO round_criterion_review (application_id, criterion_id, points, note) SELECT $1, c.id, c.points, '材料审核' FROM unnest($2::text[], $3::numeric[]) AS c(id, points)`,
    [applicationId, assessed.map((c) => c.id), assessed.map((c) => c.points)],
  );
}

export async function decideMissingItem(db: DataSource, applicationId: string, itemId: string, accepted: boolean, reason: string): Promise<void> {
  await db.query(`INSERT INTO round_missing_item_decision (application_id, item_id, accepted, reason) VALUES ($1, $2, $3, $4)`, [applicationId, itemId, accepted, reason]);
}

/** Moves the round to a status directly, with the columns the database's checks ask for. */
export async function setRoundStatus(db: DataSource, round: RatingRoundRecord, status: RoundStatus): Promise<void> {
  await db.query(
    `UPDATE rating_round SET status = $2::varchar, version = version + 1,
       applications_closed_at = CASE WHEN $2::varchar = 'OPEN' THEN NULL ELSE coalesce(applications_closed_at, now()) END,
       published_at = CASE WHEN $2::varchar IN ('PUBLICIZING', 'CONFIRMED') THEN coalesce(published_at, now()) END,
       publication_from = CASE WHEN $2::varchar IN ('PUBLICIZING', 'CONFIRMED') THEN '2026-07-10'::date END,
       publication_to = CASE WHEN $2::varchar IN ('PUBLICIZING', 'CONFIRMED') THEN '2026-07-16'::date END,
       confirmed_at = CASE WHEN $2::varchar = 'CONFIRMED' THEN now() END
     WHERE id = $1`,
    [round.id, status],
  );
  round.status = status;
}

/** The application's round score as the round scoring computes it now. */
export async function roundScore(db: DataSource, round: RatingRoundRecord, applicationId: string): Promise<ScoreResult> {
  const application = await db.getRepository(RoundApplicationRecord).findOneByOrFail({ id: applicationId });
  const overlay = (await loadOverlays(db.manager, round, [applicationId])).get(applicationId)!;
  return scoreApplication(round, application, overlay);
}
