// The province reviewers' steps on applications during REVIEW (材料审核, 实地考察, 合理缺项认定,
// 退回补正): each in one transaction with its audit row, and the application's status
// recomputed afterwards (review-progress.ts). The round closes lazily at its deadline.
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { SYSTEM_PRINCIPAL } from '../../auth/principal.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { todayIn } from '../../domain/dates.js';
import { digestOf, keyIdOf } from '../../audit/audit-values.js';
import { FileAttachments, UUID_PATTERN } from '../../files/file-attachments.js';
import { systemContext, type WriteContext } from '../../ingestion/write-context.js';
import { getRubric, findCriterion, findIndicator } from '../../rubric/index.js';
import { transitionApplication } from '../application-transitions.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import type { RoundApplicationRecord } from '../round-application.entity.js';
import { loadOverlays } from '../round-overlay.js';
import type { InspectionAdjustment } from '../round-review.entities.js';
import { RoundsRepository } from '../rounds.repository.js';
import { assertApplicationStatus, assertRoundStatus, closeApplicationsIn, lockApplication, lockRoundFor } from './round-access.js';
import { needsNote, NOTE_MAX, Problems, REASON_MAX } from './review-input.js';
import { isComplete, reviewProgress } from './review-progress.js';
import { RoundReviewRepository } from './round-review.repository.js';

export interface ReviewCriterionArgs {
  roundId: string;
  stationCode: string;
  criterionId: string;
  points: number;
  note: string | null;
  fileIds: readonly string[];
}

export interface InspectionInput {
  date: string;
  inspectors: readonly string[];
  findings: string;
  adjustments: readonly { criterionId: string; points: number; reason: string }[];
}

/** Application statuses a review step may act on. */
const UNDER_REVIEW = ['SUBMITTED', 'IN_REVIEW', 'REVIEWED'] as const;

/** round_criterion_review has a composite key; its attachments are owned by this derived id. */
export function reviewOwnerId(applicationId: string, criterionId: string): string {
  const h = createHash('sha256').update(`round_criterion_review|${applicationId}|${criterionId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

@Injectable()
export class RoundReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly files: FileAttachments,
  ) {}

  /** Today in the configured time zone (no inspection or objection is dated later). */
  today(): string {
    return todayIn(this.config.timeZone);
  }

  /**
   * Closes the round when it is OPEN and past its deadline (its own transaction, by the
   * system): every read and action on a round calls it first, so the deadline needs no job.
   */
  async closeDue(roundId: string): Promise<void> {
    // A malformed id is left to the caller's checks (BAD_USER_INPUT on roundId).
    if (typeof roundId !== 'string' || !UUID_PATTERN.test(roundId)) return;
    await this.dataSource.transaction(async (manager) => {
      if (!(await new RoundsRepository(manager).closeIfDue(roundId))) return;
      await this.audit.record(manager, systemContext(SYSTEM_PRINCIPAL), 'round.closeApplications', [
        { stationCode: null, entity: 'rating_round', entityKey: roundId, beforeDigest: null, afterDigest: null, detail: { status: 'REVIEW', reason: 'the application deadline passed' } },
      ]);
    });
  }

  /** OPEN → REVIEW now (PROVINCE of the round, ADMIN). */
  async closeApplications(ctx: WriteContext, roundId: string): Promise<RatingRoundRecord> {
    await this.closeDue(roundId);
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, 'closing the applications of a round');
      assertRoundStatus(round, ['OPEN'], 'closeApplications');
      const closed = await closeApplicationsIn(manager, round);
      await this.audit.record(manager, ctx, 'round.closeApplications', [
        { stationCode: null, entity: 'rating_round', entityKey: round.id, beforeDigest: null, afterDigest: null, detail: { status: 'REVIEW' } },
      ]);
      return closed;
    });
  }

  /** 退回补正: back to the county (RETURNED) with a reason; only while the round is in REVIEW. */
  async returnApplication(ctx: WriteContext, roundId: string, stationCode: string, reason: string): Promise<RoundApplicationRecord> {
    await this.closeDue(roundId);
    return this.onApplication(ctx, roundId, stationCode, 'returning an application', async (manager, round, application) => {
      const problems = new Problems();
      const text = problems.text(reason, 'reason', REASON_MAX, { multiline: true });
      problems.throwIfAny('returnApplication');
      assertRoundStatus(round, ['REVIEW'], 'returnApplication');
      await transitionApplication(manager, ctx, application, 'return', text);
      await this.audit.record(manager, ctx, 'round.application.return', [
        { stationCode: application.stationCode, entity: 'round_application', entityKey: application.id, beforeDigest: null, afterDigest: null, detail: { from: application.status, reason: text } },
      ]);
    });
  }

  /** Material review of one criterion; a DATA or ATTESTED criterion needs a note; files attached (owner REVIEW). */
  async reviewCriterion(ctx: WriteContext, args: ReviewCriterionArgs): Promise<RoundApplicationRecord> {
    await this.closeDue(args.roundId);
    return this.onApplication(ctx, args.roundId, args.stationCode, 'reviewing a criterion', async (manager, round, application) => {
      const rubric = getRubric(round.rubricVersion);
      const problems = new Problems();
      const criterion = problems.criterion(rubric, args.criterionId, 'criterionId');
      const points = problems.points(criterion, args.points, 'points');
      const note = problems.text(args.note ?? '', 'note', NOTE_MAX, { multiline: true, blankAllowed: true });
      if (criterion !== null && note === '' && needsNote(criterion)) problems.add('note', `criterion ${criterion.code} is ${criterion.source}: overriding it needs a note`);
      if (!Array.isArray(args.fileIds)) problems.add('fileIds', 'a list of file ids');
      else for (const [id, reason] of await this.files.problems(manager, ctx.principal, args.fileIds)) problems.add(`fileIds.${args.fileIds.indexOf(id)}`, reason);
      problems.throwIfAny('reviewCriterion');
      this.assertReviewable(round, application, 'reviewCriterion');
      const reviews = new RoundReviewRepository(manager);
      const before = await reviews.review(application.id, criterion!.id);
      await reviews.upsertReview({ applicationId: application.id, criterionId: criterion!.id, points, note, fileIds: args.fileIds.map((id) => id.toLowerCase()), reviewedBy: keyIdOf(ctx) });
      await this.files.replace(manager, { kind: 'REVIEW', id: reviewOwnerId(application.id, criterion!.id), stationCode: application.stationCode }, args.fileIds);
      const after = { points, note, fileIds: args.fileIds };
      await this.audit.record(manager, ctx, 'round.review', [
        { stationCode: application.stationCode, entity: 'round_criterion_review', entityKey: `${application.id}/${criterion!.id}`, beforeDigest: before ? digestOf(before) : null, afterDigest: digestOf(after), detail: { roundId: round.id, criterionId: criterion!.id, before: before ?? null, after } },
      ]);
      await this.settle(manager, ctx, round, application);
    });
  }

  /** 实地考察: its adjustments override the material reviews of their criteria. */
  async recordInspection(ctx: WriteContext, roundId: string, stationCode: string, input: InspectionInput): Promise<RoundApplicationRecord> {
    await this.closeDue(roundId);
    return this.onApplication(ctx, roundId, stationCode, 'recording an inspection', async (manager, round, application) => {
      const rubric = getRubric(round.rubricVersion);
      const problems = new Problems();
      const date = problems.date(input?.date, 'input.date', this.today());
      const inspectors = Array.isArray(input?.inspectors) ? input.inspectors.map((name, i) => problems.text(name, `input.inspectors.${i}`, 50)) : [];
      if (!Array.isArray(input?.inspectors) || input.inspectors.length === 0) problems.add('input.inspectors', 'at least one inspector');
      const findings = problems.text(input?.findings, 'input.findings', 5000, { multiline: true });
      const adjustments: InspectionAdjustment[] = [];
      const seen = new Set<string>();
      for (const [i, a] of (Array.isArray(input?.adjustments) ? input.adjustments : []).entries()) {
        const criterion = problems.criterion(rubric, a?.criterionId, `input.adjustments.${i}.criterionId`);
        const points = problems.points(criterion, a?.points, `input.adjustments.${i}.points`);
        const reason = problems.text(a?.reason, `input.adjustments.${i}.reason`, REASON_MAX, { multiline: true });
        if (criterion !== null && seen.has(criterion.id)) problems.add(`input.adjustments.${i}.criterionId`, `criterion ${criterion.code} is adjusted twice`);
        if (criterion !== null) seen.add(criterion.id);
        if (criterion !== null && points !== null && reason !== null) adjustments.push({ criterionId: criterion.id, points, reason });
      }
      problems.throwIfAny('recordInspection');
      this.assertReviewable(round, application, 'recordInspection');
      const id = await new RoundReviewRepository(manager).insertInspection({ applicationId: application.id, date, inspectors, findings, adjustments, recordedBy: keyIdOf(ctx) });
      const detail = { roundId: round.id, date, inspectors, findings, adjustments };
      await this.audit.record(manager, ctx, 'round.inspection', [
        { stationCode: application.stationCode, entity: 'round_inspection', entityKey: id, beforeDigest: null, afterDigest: digestOf(detail), detail },
      ]);
      await this.settle(manager, ctx, round, application);
    });
  }

  /** Accepts (re-bases the score) or rejects a declared missing item. */
  async decideMissingItem(ctx: WriteContext, roundId: string, stationCode: string, itemId: string, accepted: boolean, reason: string): Promise<RoundApplicationRecord> {
    await this.closeDue(roundId);
    return this.onApplication(ctx, roundId, stationCode, 'deciding a missing item', async (manager, round, application) => {
      const rubric = getRubric(round.rubricVersion);
      const problems = new Problems();
      const id = typeof itemId === 'string' ? (findCriterion(rubric, itemId.trim())?.id ?? findIndicator(rubric, itemId.trim())?.id ?? itemId.trim()) : '';
      if (!application.missingItems.some((m) => m.itemId === id)) {
        problems.add('itemId', `not a missing item declared by the application (declared: ${application.missingItems.map((m) => m.itemId).join(', ') || 'none'})`);
      }
      if (typeof accepted !== 'boolean') problems.add('accepted', 'true or false');
      const text = problems.text(reason, 'reason', REASON_MAX, { multiline: true });
      problems.throwIfAny('decideMissingItem');
      this.assertReviewable(round, application, 'decideMissingItem');
      const reviews = new RoundReviewRepository(manager);
      const before = await reviews.decision(application.id, id);
      await reviews.upsertDecision({ applicationId: application.id, itemId: id, accepted, reason: text, decidedBy: keyIdOf(ctx) });
      await this.audit.record(manager, ctx, 'round.missingItem.decide', [
        { stationCode: application.stationCode, entity: 'round_missing_item_decision', entityKey: `${application.id}/${id}`, beforeDigest: before ? digestOf(before) : null, afterDigest: digestOf({ accepted, reason: text }), detail: { roundId: round.id, itemId: id, accepted, reason: text } },
      ]);
      await this.settle(manager, ctx, round, application);
    });
  }

  /**
   * The application's status after a review step: SUBMITTED starts the review (IN_REVIEW);
   * complete → REVIEWED; a REVIEWED one that is no longer complete goes back to IN_REVIEW.
   */
  async settle(manager: EntityManager, ctx: WriteContext, round: RatingRoundRecord, application: RoundApplicationRecord): Promise<void> {
    let state = { id: application.id, status: application.status, version: application.version };
    if (state.status === 'SUBMITTED') state = { ...state, ...(await transitionApplication(manager, ctx, state, 'startReview')) };
    const overlay = (await loadOverlays(manager, round, [application.id])).get(application.id)!;
    const complete = isComplete(reviewProgress(round.rubricVersion, application.missingItems, overlay));
    if (complete && state.status === 'IN_REVIEW') await transitionApplication(manager, ctx, state, 'finishReview');
    else if (!complete && state.status === 'REVIEWED') await transitionApplication(manager, ctx, state, 'reopenReview');
  }

  /**
   * Review steps happen while the round is in REVIEW, and during publication only on an
   * application an upheld objection sent back (IN_REVIEW).
   */
  private assertReviewable(round: RatingRoundRecord, application: RoundApplicationRecord, action: string): void {
    if (round.status === 'PUBLICIZING' && application.status === 'IN_REVIEW') return;
    assertRoundStatus(round, ['REVIEW'], action);
    assertApplicationStatus(application, UNDER_REVIEW, action);
  }

  private async onApplication(
    ctx: WriteContext,
    roundId: string,
    stationCode: string,
    what: string,
    act: (manager: EntityManager, round: RatingRoundRecord, application: RoundApplicationRecord) => Promise<void>,
  ): Promise<RoundApplicationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, what, 'shared');
      const application = await lockApplication(manager, round, stationCode);
      await act(manager, round, application);
      return new RoundApplicationsRepository(manager).get(application.id);
    });
  }
}
