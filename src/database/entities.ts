// Every entity of the schema, listed once for the application, the migration CLI and the
// drift test.
import { AssessmentsEntities } from '../assessments/assessments.entities.js';
import { AuditLogRecord } from '../audit/audit-log.entity.js';
import { ApiKeyRecord } from '../auth/api-key.entity.js';
import { IdempotencyRecord } from '../auth/idempotency-record.entity.js';
import { EnforcementCaseRecord } from '../cases/enforcement-case.entity.js';
import { CertificationRecord } from '../certifications/certification.entity.js';
import { ComplaintFiguresRecord, MediationAverageRecord } from '../complaints/complaint-figures.entity.js';
import { EquipmentItemRecord } from '../equipment/equipment.entity.js';
import { FileAttachmentRecord } from '../files/file-attachment.entity.js';
import { FileObjectRecord } from '../files/file-object.entity.js';
import { OutboxEventRecord } from '../outbox/outbox-event.entity.js';
import { PersonRecord, PersonDisciplinaryRecord, PersonTrainingRecord } from '../personnel/person.entity.js';
import { RecomputeRunChunkRecord } from '../recompute/recompute-run-chunk.entity.js';
import { RecomputeRunRecord } from '../recompute/recompute-run.entity.js';
import { RegionRecord } from '../regions/region.entity.js';
import { RoundsEntities } from '../rounds/rounds.entities.js';
import { StarPolicyRecord } from '../rubric/star-policy.entity.js';
import { RegionScoreAggregateRecord } from '../scoring/region-score-aggregate.entity.js';
import { ScoreSnapshotRecord } from '../scoring/score-snapshot.entity.js';
import { StationScoreRecord } from '../scoring/station-score.entity.js';
import { AnnualReviewRecord } from '../station-events/annual-review.entity.js';
import { BonusEventRecord } from '../station-events/bonus-event.entity.js';
import { VetoEventRecord } from '../station-events/veto-event.entity.js';
import { StationRecord } from '../stations/station.entity.js';

export const ENTITIES = [
  RegionRecord,
  StationRecord,
  PersonRecord,
  PersonTrainingRecord,
  PersonDisciplinaryRecord,
  EquipmentItemRecord,
  EnforcementCaseRecord,
  ComplaintFiguresRecord,
  MediationAverageRecord,
  CertificationRecord,
  BonusEventRecord,
  VetoEventRecord,
  AnnualReviewRecord,
  ...AssessmentsEntities,
  StarPolicyRecord,
  ...RoundsEntities,
  ScoreSnapshotRecord,
  StationScoreRecord,
  RegionScoreAggregateRecord,
  RecomputeRunRecord,
  RecomputeRunChunkRecord,
  AuditLogRecord,
  OutboxEventRecord,
  ApiKeyRecord,
  IdempotencyRecord,
  FileObjectRecord,
  FileAttachmentRecord,
];
