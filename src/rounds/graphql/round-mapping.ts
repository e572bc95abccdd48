// Records → GraphQL objects of rating rounds.
import type { RoundApplicationRecord } from '../round-application.entity.js';
import type { RoundObjectionRecord } from '../round-review.entities.js';
import type { Objection, RoundApplication } from './round.types.js';

export function toApplication(record: RoundApplicationRecord): RoundApplication {
  const c = record.certification;
  return {
    id: record.id,
    roundId: record.roundId,
    stationCode: record.stationCode,
    status: record.status,
    submittedAt: record.submittedAt,
    version: record.version,
    declared: record.missingItems.map((m) => ({ itemId: m.itemId, duty: m.duty, reason: m.reason })),
    materials: record.materials.map((m) => ({ criterionId: m.criterionId, items: m.items.map((i) => ({ title: i.title, fileIds: i.fileIds })) })),
    certification:
      c === null
        ? null
        : {
            items: Object.entries(c.items)
              .sort(([a], [b]) => Number(a) - Number(b))
              .map(([item, value]) => ({ item, value })),
            remarks: c.remarks,
            certifiedBy: c.certifiedBy,
            certifiedOn: c.certifiedOn,
            sealedScanFileId: c.sealedScanFileId,
          },
  };
}

export function toObjection(record: RoundObjectionRecord, stationCode: string): Objection {
  return {
    id: record.id,
    stationCode,
    receivedOn: record.receivedOn,
    fromWhom: record.fromWhom,
    content: record.content,
    status: record.status,
    resolutionReason: record.resolutionReason,
    resolvedAt: record.resolvedAt,
    recordedAt: record.recordedAt,
  };
}
