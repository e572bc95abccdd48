// Publication (公示), objections (异议), confirmation (认定) and revocation (摘星) of a
// round, each in one transaction with its audit rows. Confirmation writes the hash chain
// (round-chain.ts); the database refuses any later change to it (migration RoundResultsSealed).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { checkUuid } from '../../dashboard/args.js';
import { assertRole } from '../../dashboard/permissions.js';
import { digestOf, keyIdOf } from '../../audit/audit-values.js';
import { addDays } from '../../domain/dates.js';
import type { WriteContext } from '../../ingestion/write-context.js';
import { resultDigest } from '../../scoring/result-digest.js';
import { transitionApplication } from '../application-transitions.js';
import { RoundApplicationsRepository } from '../applications/applications.repository.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import type { RoundApplicationRecord } from '../round-application.entity.js';
import { loadOverlays } from '../round-overlay.js';
import type { RoundObjectionRecord } from '../round-review.entities.js';
import { RoundResultsRepository } from '../round-results.repository.js';
import { isAwarded } from '../round-scoring.js';
import { assertTransition } from '../round-status.js';
import { RoundsRepository } from '../rounds.repository.js';
import { assertApplicationStatus, assertRoundStatus, lockApplication, lockRoundFor } from './round-access.js';
import { Problems, REASON_MAX } from './review-input.js';
import { describeProgress, reviewProgress } from './review-progress.js';
import { chainHash, inputsHash, resultInputs, scoreInputs } from './round-chain.js';
import { RoundReviewRepository } from './round-review.repository.js';
import { RoundReviewService } from './round-review.service.js';

export interface ObjectionInput {
  receivedOn: string;
  fromWhom: string;
  content: string;
}

@Injectable()
export class RoundPublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly review: RoundReviewService,
  ) {}

  /** REVIEW → PUBLICIZING for publicationDays from `from`; refused while an application in review has pending criteria (named). */
  async publish(ctx: WriteContext, roundId: string, from: string): Promise<RatingRoundRecord> {
    await this.review.closeDue(roundId);
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, 'publishing a round');
      const problems = new Problems();
      const start = problems.date(from, 'from');
      problems.throwIfAny('publishRound');
      assertTransition('round', round.status, 'publish');
      const open = await new RoundApplicationsRepository(manager).inReview(round.id);
      if (open.length > 0) {
        const overlays = await loadOverlays(manager, round, open.map((a) => a.id));
        const named = open.map((a) => `${a.stationCode} (${a.status}: ${describeProgress(reviewProgress(round.rubricVersion, a.missingItems, overlays.get(a.id)!)) || 'not reviewed yet'})`);
        throw DomainError.conflict(`the round is REVIEW and ${open.length} application(s) are still in review: ${named.join('; ')}`);
      }
      const to = addDays(start!, round.publicationDays - 1);
      const rounds = new RoundsRepository(manager);
      await rounds.publish(round.id, start, to);
      await this.audit.record(manager, ctx, 'round.publish', [{ stationCode: null, entity: 'rating_round', entityKey: round.id, beforeDigest: null, afterDigest: null, detail: { publicationFrom: start, publicationTo: to } }]);
      return rounds.get(round.id);
    });
  }

  /** An objection received during publication against a station's result. */
  async recordObjection(ctx: WriteContext, roundId: string, stationCode: string, input: ObjectionInput): Promise<RoundObjectionRecord> {
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, 'recording an objection');
      const application = await lockApplication(manager, round, stationCode);
      const problems = new Problems();
      const receivedOn = problems.date(input?.receivedOn, 'input.receivedOn', this.review.today());
      const fromWhom = problems.text(input?.fromWhom, 'input.fromWhom', 200);
      const content = problems.text(input?.content, 'input.content', 5000, { multiline: true });
      problems.throwIfAny('recordObjection');
      assertRoundStatus(round, ['PUBLICIZING'], 'recordObjection');
      assertApplicationStatus(application, ['REVIEWED', 'IN_REVIEW'], 'recordObjection');
      const objections = new RoundReviewRepository(manager);
      const objection = await objections.insertObjection({ applicationId: application.id, receivedOn: receivedOn!, fromWhom: fromWhom!, content: content!, status: 'OPEN', recordedBy: keyIdOf(ctx) });
      await this.audit.record(manager, ctx, 'round.objection.record', [
        { stationCode: application.stationCode, entity: 'round_objection', entityKey: objection.id, beforeDigest: null, afterDigest: digestOf({ receivedOn, fromWhom, content }), detail: { roundId: round.id, receivedOn, fromWhom } },
      ]);
      return objections.objection(objection.id);
    });
  }

  /** Upheld: the application goes back to review (IN_REVIEW); dismissed: nothing else changes. */
  async resolveObjection(ctx: WriteContext, objectionId: string, upheld: boolean, reason: string): Promise<RoundObjectionRecord> {
    return this.dataSource.transaction(async (manager) => {
      assertRole(ctx.principal, 'manageRounds', 'resolving an objection');
      const id = checkUuid(typeof objectionId === 'string' ? objectionId : '', 'objectionId');
      const found = await new RoundReviewRepository(manager).objectionTarget(id);
      if (!found) throw DomainError.notFound(`objection ${id}`);
      const round = await lockRoundFor(manager, ctx.principal, found.round_id, 'resolving an objection');
      const application = await lockApplication(manager, round, found.station_code);
      const problems = new Problems();
      if (typeof upheld !== 'boolean') problems.add('upheld', 'true or false');
      const text = problems.text(reason, 'reason', REASON_MAX, { multiline: true });
      problems.throwIfAny('resolveObjection');
      assertRoundStatus(round, ['PUBLICIZING'], 'resolveObjection');
      const objections = new RoundReviewRepository(manager);
      const objection = await objections.lockObjection(id);
      if (objection.status !== 'OPEN') throw DomainError.conflict(`the objection is ${objection.status}; resolveObjection needs OPEN`);
      if (upheld && application.status === 'REVIEWED') await transitionApplication(manager, ctx, application, 'reopenReview', `异议成立：${text}`);
      await objections.resolveObjection(id, upheld ? 'UPHELD' : 'DISMISSED', text, keyIdOf(ctx));
      await this.audit.record(manager, ctx, 'round.objection.resolve', [
        { stationCode: application.stationCode, entity: 'round_objection', entityKey: id, beforeDigest: null, afterDigest: null, detail: { roundId: round.id, upheld, reason: text } },
      ]);
      return objections.objection(id);
    });
  }

  /**
   * 认定: refused while an objection is open, an application is not REVIEWED, or before the
   * publication period has ended (unless an ADMIN key gives earlyReason). Then, in station-code
   * order, each REVIEWED application's result is stored as a link of the chain, the
   * application AWARDED or NOT_AWARDED by the round's level, and the round CONFIRMED.
   */
  async confirm(ctx: WriteContext, roundId: string, earlyReason: string | null, today: string): Promise<RatingRoundRecord> {
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, 'confirming a round');
      const problems = new Problems();
      const early = earlyReason == null ? null : problems.text(earlyReason, 'earlyReason', REASON_MAX, { multiline: true });
      problems.throwIfAny('confirmRound');
      assertTransition('round', round.status, 'confirm');
      await this.assertConfirmable(manager, round);
      if (today <= round.publicationTo!) {
        if (early === null) throw DomainError.conflict(`the round is PUBLICIZING until ${round.publicationTo}; confirming before the period ends needs an ADMIN key and earlyReason`);
        if (ctx.principal.role !== 'ADMIN') throw DomainError.forbidden('confirming before the publication period ends needs an ADMIN key');
      } else if (early !== null && ctx.principal.role !== 'ADMIN') {
        throw DomainError.forbidden('earlyReason is for an ADMIN key confirming before the period ends');
      }
      const head = await this.writeChain(manager, ctx, round);
      const rounds = new RoundsRepository(manager);
      await rounds.confirm(round.id, keyIdOf(ctx), today <= round.publicationTo! ? early : null, head);
      await this.audit.record(manager, ctx, 'round.confirm', [{ stationCode: null, entity: 'rating_round', entityKey: round.id, beforeDigest: null, afterDigest: head, detail: { chainHead: head, earlyReason: early } }]);
      return rounds.get(round.id);
    });
  }

  /** 摘星: AWARDED → REVOKED with a reason; the confirmed result stays as it was. */
  async revokeAward(ctx: WriteContext, roundId: string, stationCode: string, reason: string): Promise<RoundApplicationRecord> {
    return this.dataSource.transaction(async (manager) => {
      const round = await lockRoundFor(manager, ctx.principal, roundId, 'revoking an award');
      const application = await lockApplication(manager, round, stationCode);
      const problems = new Problems();
      const text = problems.text(reason, 'reason', REASON_MAX, { multiline: true });
      problems.throwIfAny('revokeAward');
      assertRoundStatus(round, ['CONFIRMED'], 'revokeAward');
      await transitionApplication(manager, ctx, application, 'revoke', text);
      await new RoundReviewRepository(manager).insertRevocation(application.id, text, keyIdOf(ctx));
      await this.audit.record(manager, ctx, 'round.award.revoke', [
        { stationCode: application.stationCode, entity: 'round_award_revocation', entityKey: application.id, beforeDigest: null, afterDigest: null, detail: { roundId: round.id, reason: text } },
      ]);
      return new RoundApplicationsRepository(manager).get(application.id);
    });
  }

  private async assertConfirmable(manager: EntityManager, round: RatingRoundRecord): Promise<void> {
    const objections = await new RoundReviewRepository(manager).openObjections(round.id);
    if (objections.length > 0) throw DomainError.conflict(`the round is PUBLICIZING with ${objections.length} open objection(s): ${objections.map((o) => `${o.station_code} (${o.id})`).join(', ')}`);
    const unreviewed = await new RoundApplicationsRepository(manager).unreviewed(round.id);
    if (unreviewed.length > 0) throw DomainError.conflict(`the round is PUBLICIZING but not every application is REVIEWED: ${unreviewed.map((a) => `${a.station_code} is ${a.status}`).join(', ')}`);
  }

  /** The chain over the REVIEWED applications in station-code order; answers its head. */
  private async writeChain(manager: EntityManager, ctx: WriteContext, round: RatingRoundRecord): Promise<string | null> {
    const applications = await new RoundApplicationsRepository(manager).reviewed(round.id);
    const overlays = await loadOverlays(manager, round, applications.map((a) => a.id));
    const results = new RoundResultsRepository(manager);
    let previous: string | null = null;
    let seq = 0;
    for (const application of applications) {
      seq += 1;
      const inputs = resultInputs(round, { stationCode: application.stationCode, frozenFacts: application.frozenFacts!, missingItems: application.missingItems, certification: application.certification }, overlays.get(application.id)!);
      // Scored from the stored inputs themselves, exactly as verification will.
      const result = scoreInputs(inputs);
      const inputHash = inputsHash(inputs);
      const digest = resultDigest(result);
      const hash = chainHash(previous, seq, application.stationCode, inputHash, digest);
      const awarded = isAwarded(result, round.level);
      await results.insert({ applicationId: application.id, roundId: round.id, stationCode: application.stationCode, seq, inputHash, resultDigest: digest, previousHash: previous, chainHash: hash, result, awarded, inputs });
      await transitionApplication(manager, ctx, application, awarded ? 'award' : 'notAward');
      previous = hash;
    }
    return previous;
  }
}
