// An application as the county REST interface reads it back: codes beside ids, each file's
// metadata, the history (key ids only where the reader may see them), and once the round is
// published its result in the round (the stored one once confirmed).
import type { EntityManager } from 'typeorm';
import type { Principal } from '../../auth/principal.js';
import { canSeeKeyId } from '../../dashboard/permissions.js';
import type { FileAttachments, FileDescriptor } from '../../files/file-attachments.js';
import { getRubric, getRubricIndex, type Rubric } from '../../rubric/index.js';
import type { ScoreResult } from '../../scoring/engine/index.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import type { RoundCertification } from '../round-application.entity.js';
import { loadOverlays } from '../round-overlay.js';
import { RoundResultsRepository } from '../round-results.repository.js';
import { isAwarded, scoreApplication } from '../round-scoring.js';
import type { ApplicationStatus } from '../round-status.js';
import { resolveMissingItem, type DraftCertification } from './application-draft.js';
import { RoundApplicationsRepository, type ApplicationRow } from './applications.repository.js';

export interface TransitionView {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  at: string;
  role: string;
  /** Only to ADMIN keys and the key itself. */
  keyId?: string;
  reason: string | null;
}

export interface ApplicationResultView {
  total: number;
  stars: number;
  eligible: boolean;
  awarded: boolean;
  /** True when read from the confirmed (immutable) result. */
  confirmed: boolean;
  criteria: { id: string; code: string; points: number; max: number; status: string; reason: string }[];
}

export interface ApplicationView {
  roundId: string;
  stationCode: string;
  status: ApplicationStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  frozenInputHash: string | null;
  materials: { criterion: string; criterionId: string; items: { title: string; files: FileDescriptor[] }[] }[];
  missingItems: { item: string; itemId: string; duty: string; reason: string }[];
  certification: (DraftCertification & { sealedScan: FileDescriptor | null }) | null;
  history: TransitionView[];
  result: ApplicationResultView | null;
}

async function history(manager: EntityManager, principal: Principal, applicationId: string): Promise<TransitionView[]> {
  const rows = await new RoundApplicationsRepository(manager).history(applicationId);
  return rows.map((r) => ({
    from: r.from_status,
    to: r.to_status,
    at: r.at.toISOString(),
    role: r.actor_role,
    ...(r.actor_key_id !== null && canSeeKeyId(principal, r.actor_key_id) ? { keyId: r.actor_key_id } : {}),
    reason: r.reason,
  }));
}

/** The result in the round once published: the stored one when confirmed, else scored now on the frozen facts. */
async function result(manager: EntityManager, round: RatingRoundRecord, row: ApplicationRow): Promise<ApplicationResultView | null> {
  if ((round.status !== 'PUBLICIZING' && round.status !== 'CONFIRMED') || row.frozen_facts === null) return null;
  if (round.status === 'CONFIRMED') {
    const stored = await new RoundResultsRepository(manager).stored(row.id);
    if (stored) return resultView(stored.result, Number(stored.total), stored.stars, stored.awarded, true);
  }
  const overlay = (await loadOverlays(manager, round, [row.id])).get(row.id)!;
  const score = scoreApplication(round, { stationCode: row.station_code, frozenFacts: row.frozen_facts, missingItems: row.missing_items, certification: completeCertification(row.certification) }, overlay);
  return resultView(score, score.total, score.stars, isAwarded(score, round.level), false);
}

function resultView(score: ScoreResult, total: number, stars: number, awarded: boolean, confirmed: boolean): ApplicationResultView {
  return {
    total,
    stars,
    eligible: score.eligible,
    awarded,
    confirmed,
    criteria: score.criteria.map((c) => ({ id: c.id, code: c.code, points: c.points, max: c.max, status: c.status, reason: c.reason })),
  };
}

/** A submitted application's certification is complete (submit checks it); a draft's may not be. */
export function completeCertification(c: DraftCertification | null): RoundCertification | null {
  if (c === null || c.certifiedBy === null || c.certifiedOn === null || c.sealedScanFileId === null) return null;
  return { items: c.items, remarks: c.remarks, certifiedBy: c.certifiedBy, certifiedOn: c.certifiedOn, sealedScanFileId: c.sealedScanFileId };
}

function codeOf(rubric: Rubric, id: string): string {
  return getRubricIndex(rubric).criterionById.get(id)?.code ?? resolveMissingItem(rubric, id)?.code ?? id;
}

/** The whole view of one application row. */
export async function applicationView(manager: EntityManager, files: FileAttachments, principal: Principal, round: RatingRoundRecord, row: ApplicationRow): Promise<ApplicationView> {
  const rubric = getRubric(round.rubricVersion);
  const allIds = row.materials.flatMap((m) => m.items.flatMap((i) => i.fileIds));
  if (row.certification?.sealedScanFileId) allIds.push(row.certification.sealedScanFileId);
  const described = new Map((await files.describe(manager, allIds)).map((f) => [f.id, f]));
  const file = (id: string): FileDescriptor[] => (described.has(id) ? [described.get(id)!] : []);
  return {
    roundId: row.round_id,
    stationCode: row.station_code,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    frozenInputHash: row.frozen_input_hash,
    materials: row.materials.map((m) => ({ criterion: codeOf(rubric, m.criterionId), criterionId: m.criterionId, items: m.items.map((i) => ({ title: i.title, files: i.fileIds.flatMap(file) })) })),
    missingItems: row.missing_items.map((m) => ({ item: codeOf(rubric, m.itemId), itemId: m.itemId, duty: m.duty, reason: m.reason })),
    certification: row.certification === null ? null : { ...row.certification, sealedScan: row.certification.sealedScanFileId ? (file(row.certification.sealedScanFileId)[0] ?? null) : null },
    history: await history(manager, principal, row.id),
    result: await result(manager, round, row),
  };
}
