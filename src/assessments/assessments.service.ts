// Reviewer mutations on one station: assess a criterion, mark or unmark a reasonable missing
// item. Each runs in one explicit transaction that also writes the audit row and the outbox
// row asking the pipeline to recompute the station.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { findCriterion, findThirdLevel, getRubric } from '../rubric/index.js';
import { StarPolicyStore } from '../rubric/star-policies.service.js';
import { validateAssessmentPoints } from '../scoring/engine/index.js';
import { checkText } from '../dashboard/args.js';
import { digestOf, keyIdOf } from '../audit/audit-values.js';
import { AssessmentsRepository, type AssessedCriterion, type MarkedMissingItem } from './assessments.repository.js';
import { lockStationFor } from './station-lock.js';

export interface AssessInput {
  stationCode: string;
  criterionId: string;
  points: number;
  note: string;
  evidenceRefs: string[];
}

const MAX_NOTE = 4000;
const MAX_EVIDENCE_REFS = 50;
const MAX_EVIDENCE_REF = 500;

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: StarPolicyStore,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async assess(ctx: WriteContext, input: AssessInput): Promise<{ changed: boolean; assessment: AssessedCriterion; previous: AssessedCriterion | null }> {
    return this.dataSource.transaction(async (manager) => {
      const station = await lockStationFor(manager, this.policies, ctx.principal, 'review', input.stationCode, 'assessing a criterion');
      const rubric = getRubric(station.rubricVersion);
      const criterion = findCriterion(rubric, input.criterionId);
      if (!criterion) {
        throw DomainError.badInput(`unknown criterion "${input.criterionId}"`, [{ path: 'criterionId', reason: `not a criterion id ("4.15.32.3") or code ("32③") of ${rubric.version}` }]);
      }
      const problem = validateAssessmentPoints(rubric, criterion.id, input.points);
      if (problem) throw DomainError.badInput(problem, [{ path: 'points', reason: problem }]);
      const note = checkText(input.note, 'note', MAX_NOTE);
      const evidenceRefs = checkEvidence(input.evidenceRefs);

      const repository = new AssessmentsRepository(manager);
      const key = { stationCode: station.code, rubricVersion: rubric.version, id: criterion.id };
      const previous = await repository.lockedAssessment(key);
      const after = { points: input.points, note, evidenceRefs };
      const before = previous && { points: previous.points, note: previous.note, evidenceRefs: previous.evidenceRefs };
      if (before && digestOf(before) === digestOf(after)) return { changed: false, assessment: previous!, previous };

      const assessment = await repository.saveAssessment(key, after, keyIdOf(ctx));
      await this.audit.record(manager, ctx, 'assessment.set', [
        {
          stationCode: station.code,
          entity: 'reviewer_assessment',
          entityKey: criterion.id,
          beforeDigest: digestOf(before),
          afterDigest: digestOf(after),
          detail: { rubricVersion: rubric.version, criterionCode: criterion.code, before, after },
        },
      ]);
      await this.outbox.stationsChanged(manager, [station.code], 'assessment');
      return { changed: true, assessment, previous };
    });
  }

  async markMissing(ctx: WriteContext, stationCode: string, itemId: string, justification: string): Promise<{ changed: boolean; mark: MarkedMissingItem }> {
    return this.dataSource.transaction(async (manager) => {
      const station = await lockStationFor(manager, this.policies, ctx.principal, 'review', stationCode, 'marking a missing item');
      const item = resolveItem(station.rubricVersion, itemId);
      const text = checkText(justification, 'justification', MAX_NOTE);
      const repository = new AssessmentsRepository(manager);
      const key = { stationCode: station.code, rubricVersion: station.rubricVersion, id: item.id };
      const existing = await repository.lockedMark(key);
      if (existing?.justification === text) return { changed: false, mark: existing };
      const mark = await repository.saveMark(key, text, keyIdOf(ctx));
      await this.audit.record(manager, ctx, 'missing-item.mark', [
        {
          stationCode: station.code,
          entity: 'missing_item_mark',
          entityKey: item.id,
          beforeDigest: digestOf(existing && { justification: existing.justification }),
          afterDigest: digestOf({ justification: text }),
          detail: { rubricVersion: station.rubricVersion, itemCode: item.code, before: existing?.justification ?? null, justification: text },
        },
      ]);
      await this.outbox.stationsChanged(manager, [station.code], 'missing-item');
      return { changed: true, mark };
    });
  }

  async unmarkMissing(ctx: WriteContext, stationCode: string, itemId: string, justification: string): Promise<{ removed: MarkedMissingItem }> {
    return this.dataSource.transaction(async (manager) => {
      const station = await lockStationFor(manager, this.policies, ctx.principal, 'review', stationCode, 'unmarking a missing item');
      const item = resolveItem(station.rubricVersion, itemId);
      const text = checkText(justification, 'justification', MAX_NOTE);
      const removed = await new AssessmentsRepository(manager).deleteMark({ stationCode: station.code, rubricVersion: station.rubricVersion, id: item.id });
      if (!removed) throw DomainError.notFound(`missing-item mark ${item.code} on station ${station.code}`);
      await this.audit.record(manager, ctx, 'missing-item.unmark', [
        {
          stationCode: station.code,
          entity: 'missing_item_mark',
          entityKey: item.id,
          beforeDigest: digestOf({ justification: removed.justification }),
          afterDigest: null,
          detail: { rubricVersion: station.rubricVersion, itemCode: item.code, before: removed.justification, justification: text },
        },
      ]);
      await this.outbox.stationsChanged(manager, [station.code], 'missing-item');
      return { removed };
    });
  }
}

/** A criterion or a third-level indicator, by id or code. */
function resolveItem(version: string, itemId: string): { id: string; code: string } {
  const rubric = getRubric(version);
  const criterion = findCriterion(rubric, itemId);
  if (criterion) return { id: criterion.id, code: criterion.code };
  const indicator = findThirdLevel(rubric, itemId);
  if (indicator) return { id: indicator.id, code: indicator.code };
  throw DomainError.badInput(`"${itemId}" is not a criterion or a third-level indicator`, [
    { path: 'itemId', reason: `a criterion ("4.15.32.3", "32③") or third-level indicator ("4.15.32", "32") of ${version}` },
  ]);
}

function checkEvidence(refs: readonly string[]): string[] {
  if (refs.length > MAX_EVIDENCE_REFS) throw DomainError.badInput('too many evidence references', [{ path: 'evidenceRefs', reason: `at most ${MAX_EVIDENCE_REFS}` }]);
  return refs.map((ref, i) => checkText(ref, `evidenceRefs[${i}]`, MAX_EVIDENCE_REF));
}
