// County applications in a rating round (docs/rounds-api.md, "County applications"):
// draft, submit (freezing the station's facts), withdraw, read. Each write is one
// transaction that first locks the station row, as every push does (StationAccess), so a
// push and a submission of one station never interleave: the frozen facts are exactly the
// facts as they stood when the status became SUBMITTED.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Principal } from '../../auth/principal.js';
import { DomainError, type FieldProblem } from '../../common/errors/domain-error.js';
import { checkStationCode, checkUuid } from '../../dashboard/args.js';
import { digestOf } from '../../audit/audit-values.js';
import { FileAttachments } from '../../files/file-attachments.js';
import { IdempotencyService } from '../../ingestion/idempotency/idempotency.service.js';
import { StationAccess } from '../../ingestion/station-access.js';
import { validateRow } from '../../ingestion/validation/validate.js';
import type { WriteContext } from '../../ingestion/write-context.js';
import { getRubric } from '../../rubric/index.js';
import { recordTransition, transitionApplication } from '../application-transitions.js';
import type { RatingRoundRecord } from '../rating-round.entity.js';
import { RoundReviewRepository } from '../review/round-review.repository.js';
import { freezeFacts, frozenFactsHash } from '../round-facts.js';
import { roundCertification } from '../round-scoring.js';
import { RoundsRepository } from '../rounds.repository.js';
import { completenessProblems, draftFileIds, draftSpec, fileReferences, type ApplicationDraft } from './application-draft.js';
import { assertCountyMayEdit, assertCountyMayWithdraw, assertRoundInRegion } from './application-rules.js';
import { applicationView, completeCertification, type ApplicationView } from './application-view.js';
import { ApplicationListsRepository } from './application-lists.repository.js';
import { RoundApplicationsRepository, type ApplicationRow } from './applications.repository.js';

/** A row of the application list. */
export interface ApplicationSummary {
  stationCode: string;
  status: string;
  submittedAt: string | null;
  frozenInputHash: string | null;
  updatedAt: string;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: StationAccess,
    private readonly files: FileAttachments,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * One write transaction with the request's Idempotency-Key claimed first and its answer
   * stored last (as WriteRunner does), so that a retried PUT or submit answers the first
   * answer, status included, and changes nothing.
   */
  private write<T>(ctx: WriteContext, work: (manager: EntityManager) => Promise<{ status: number; body: T }>): Promise<{ status: number; body: T }> {
    return this.dataSource.transaction(async (manager) => {
      await this.idempotency.claim(manager, ctx);
      const answer = await work(manager);
      await this.idempotency.complete(manager, ctx, answer.status, answer.body);
      return answer;
    });
  }

  /** The round for this key: 400 malformed id, 404 unknown, 403 another province's. FOR SHARE in writes: a status change waits. */
  async round(manager: EntityManager, principal: Principal, roundId: string, lock = false): Promise<RatingRoundRecord> {
    checkUuid(typeof roundId === 'string' ? roundId : '', 'roundId');
    const round = await new RoundsRepository(manager).find(roundId.toLowerCase(), lock ? 'pessimistic_read' : undefined);
    if (round === null) throw DomainError.notFound(`rating round ${roundId}`);
    assertRoundInRegion(principal, round);
    return round;
  }

  /** One round as the key reads it (404 unknown, 403 another province's). */
  readRound(principal: Principal, roundId: string): Promise<RatingRoundRecord> {
    return this.round(this.dataSource.manager, principal, roundId);
  }

  /** PUT: creates the draft (created true) or replaces it. */
  async putDraft(ctx: WriteContext, roundId: string, stationCode: string, body: unknown): Promise<{ status: number; body: ApplicationView }> {
    checkStationCode(stationCode, 'stationCode');
    return this.write(ctx, async (manager) => {
      const round = await this.round(manager, ctx.principal, roundId, true);
      const draft = await this.parseDraft(manager, ctx.principal, round, body);
      await this.access.lockForWrite(manager, ctx.principal, stationCode);
      const before = await this.load(manager, round.id, stationCode, true);
      assertCountyMayEdit(round, before?.status ?? null, 'editDraft', new Date());
      const id = before === null ? await this.create(manager, ctx, round.id, stationCode) : before.id;
      if (before !== null) await transitionApplication(manager, ctx, { id, status: before.status, version: before.version }, 'editDraft');
      await new RoundApplicationsRepository(manager).saveDraft(id, draft);
      await this.files.replace(manager, { kind: 'APPLICATION', id, stationCode }, draftFileIds(draft));
      await this.audit.record(manager, ctx, 'round.application.put', [
        { stationCode, entity: 'round_application', entityKey: id, beforeDigest: digestOf(before && draftOf(before)), afterDigest: digestOf(draft), detail: { roundId: round.id, created: before === null } },
      ]);
      return { status: before === null ? 201 : 200, body: await this.view(manager, ctx.principal, round, stationCode) };
    });
  }

  /** POST …/submit: complete, then frozen, SUBMITTED. */
  async submit(ctx: WriteContext, roundId: string, stationCode: string): Promise<ApplicationView> {
    checkStationCode(stationCode, 'stationCode');
    const answer = await this.write(ctx, async (manager) => {
      const round = await this.round(manager, ctx.principal, roundId, true);
      await this.access.lockForWrite(manager, ctx.principal, stationCode);
      const application = await this.existing(manager, round.id, stationCode, true);
      assertCountyMayEdit(round, application.status, 'submit', new Date());
      const draft = draftOf(application);
      const problems = completenessProblems(getRubric(round.rubricVersion), draft);
      if (problems.length > 0) throw DomainError.badInput(`the application is incomplete (${problems.length} problems); nothing was submitted`, problems);
      const frozen = await freezeFacts(manager, stationCode, round.rubricVersion);
      // The round's 附件3 is the one that counts: it replaces the stored certifications (as in scoring).
      frozen.facts.certifications = [roundCertification(completeCertification(draft.certification)!, round.cutOff)];
      const hash = frozenFactsHash(frozen);
      await new RoundApplicationsRepository(manager).freeze(application.id, frozen, hash);
      await transitionApplication(manager, ctx, application, 'submit');
      await this.audit.record(manager, ctx, 'round.application.submit', [
        { stationCode, entity: 'round_application', entityKey: application.id, beforeDigest: application.frozen_input_hash, afterDigest: hash, detail: { roundId: round.id, from: application.status, frozenInputHash: hash } },
      ]);
      return { status: 200, body: await this.view(manager, ctx.principal, round, stationCode) };
    });
    return answer.body;
  }

  /** POST …/withdraw: SUBMITTED → DRAFT before the deadline and before review; frozen facts cleared. */
  async withdraw(ctx: WriteContext, roundId: string, stationCode: string): Promise<ApplicationView> {
    checkStationCode(stationCode, 'stationCode');
    const answer = await this.write(ctx, async (manager) => {
      const round = await this.round(manager, ctx.principal, roundId, true);
      await this.access.lockForWrite(manager, ctx.principal, stationCode);
      const application = await this.existing(manager, round.id, stationCode, true);
      const n = await new RoundReviewRepository(manager).recordCount(application.id);
      assertCountyMayWithdraw(round, application.status, n, new Date());
      await transitionApplication(manager, ctx, application, 'withdraw');
      await new RoundApplicationsRepository(manager).unfreeze(application.id);
      await this.audit.record(manager, ctx, 'round.application.withdraw', [
        { stationCode, entity: 'round_application', entityKey: application.id, beforeDigest: application.frozen_input_hash, afterDigest: null, detail: { roundId: round.id } },
      ]);
      return { status: 200, body: await this.view(manager, ctx.principal, round, stationCode) };
    });
    return answer.body;
  }

  /** GET one application (404 when the station is outside the key's region or has none). */
  async get(principal: Principal, roundId: string, stationCode: string): Promise<ApplicationView> {
    checkStationCode(stationCode, 'stationCode');
    const manager = this.dataSource.manager;
    const round = await this.round(manager, principal, roundId);
    await this.access.checkRead(manager, principal, stationCode);
    return this.view(manager, principal, round, stationCode);
  }

  /** The applications of the key's stations in the round, by station code, a page at a time. */
  async list(principal: Principal, roundId: string, after: string | undefined, limit: number): Promise<{ items: ApplicationSummary[]; nextAfter: string | null }> {
    const manager = this.dataSource.manager;
    const round = await this.round(manager, principal, roundId);
    const own = principal.role === 'ADMIN' ? '' : principal.regionCode.replace(/(00)+$/, '');
    const rows = await new ApplicationListsRepository(manager).page(round.id, own, after ?? null, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ stationCode: r.station_code, status: r.status, submittedAt: r.submitted_at?.toISOString() ?? null, frozenInputHash: r.frozen_input_hash, updatedAt: r.updated_at.toISOString() })),
      nextAfter: rows.length > limit ? page[page.length - 1].station_code : null,
    };
  }

  /** The draft validated (every problem at once, unusable files included) in the round's rubric. */
  private async parseDraft(manager: EntityManager, principal: Principal, round: RatingRoundRecord, body: unknown): Promise<ApplicationDraft> {
    const checked = validateRow(draftSpec(getRubric(round.rubricVersion)), body);
    const references = fileReferences(body);
    const unusable = await this.files.problems(manager, principal, references.map((r) => r.id));
    const problems: FieldProblem[] = [...checked.problems, ...references.filter((r) => unusable.has(r.id)).map((r) => ({ path: r.path, reason: unusable.get(r.id)! }))];
    if (checked.row === null || problems.length > 0) throw DomainError.badInput(`the application is invalid (${problems.length} problems); nothing was stored`, problems);
    return checked.row;
  }

  private async create(manager: EntityManager, ctx: WriteContext, roundId: string, stationCode: string): Promise<string> {
    const id = await new RoundApplicationsRepository(manager).insertDraft(roundId, stationCode);
    await recordTransition(manager, ctx, id, null, 'DRAFT');
    return id;
  }

  private async load(manager: EntityManager, roundId: string, stationCode: string, lock = false): Promise<ApplicationRow | null> {
    return new RoundApplicationsRepository(manager).find(roundId, stationCode, lock);
  }

  private async existing(manager: EntityManager, roundId: string, stationCode: string, lock = false): Promise<ApplicationRow> {
    const row = await this.load(manager, roundId, stationCode, lock);
    if (row === null) throw DomainError.notFound(`an application of station ${stationCode} in round ${roundId} (PUT a draft first)`);
    return row;
  }

  private async view(manager: EntityManager, principal: Principal, round: RatingRoundRecord, stationCode: string): Promise<ApplicationView> {
    return applicationView(manager, this.files, principal, round, await this.existing(manager, round.id, stationCode));
  }
}

function draftOf(row: ApplicationRow): ApplicationDraft {
  return { materials: row.materials, missingItems: row.missing_items, certification: row.certification };
}
