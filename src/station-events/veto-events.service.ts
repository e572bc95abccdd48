import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../auth/principal.js';
import type { VetoEventInput } from '../domain/station-data.js';
import { rowDigest } from '../ingestion/row-digest.js';
import { StationAccess } from '../ingestion/station-access.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { emptySummary, type WriteSummary } from '../ingestion/write-summary.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { VetoEventsRepository, type VetoEventView } from './veto-events.repository.js';

export interface VetoWriteSummary extends WriteSummary {
  /** The stored veto's id, whether created now or before. */
  id: string;
}

/** What makes two pushed vetoes the same event: kind, date, description and person. */
export function vetoContentDigest(veto: VetoEventInput): string {
  return rowDigest({ kind: veto.kind, date: veto.date, description: veto.description, personExternalId: veto.personExternalId });
}

/**
 * Veto events (否定项目) pushed by counties. The same event pushed again is stored once
 * (unique content digest). Lifting is a reviewer action elsewhere.
 */
@Injectable()
export class VetoEventsService {
  constructor(
    private readonly access: StationAccess,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async post(manager: EntityManager, ctx: WriteContext, stationCode: string, veto: VetoEventInput): Promise<VetoWriteSummary> {
    await this.access.lockForWrite(manager, ctx.principal, stationCode);
    const [result] = await this.writeLocked(manager, ctx, [{ stationCode, row: veto }]);
    return result;
  }

  /** Creates the vetoes not stored yet, for stations the caller has locked and checked. */
  async writeLocked(manager: EntityManager, ctx: WriteContext, rows: readonly { stationCode: string; row: VetoEventInput }[]): Promise<VetoWriteSummary[]> {
    if (rows.length === 0) return [];
    const digests = rows.map((r) => vetoContentDigest(r.row));
    const vetoes = new VetoEventsRepository(manager);
    const inserted = await vetoes.insertPushed(rows.map((r, i) => ({ ...r, digest: digests[i] })));
    const key = (stationCode: string, digest: string) => `${stationCode}\u0000${digest}`;
    const created = new Map(inserted.map((i) => [key(i.station_code, i.content_digest), i.id]));
    const missing = rows.filter((r, i) => !created.has(key(r.stationCode, digests[i])));
    const existing = new Map<string, string>();
    if (missing.length > 0) {
      const found = await vetoes.findByDigest([...new Set(missing.map((r) => r.stationCode))], [...new Set(missing.map((r) => vetoContentDigest(r.row)))]);
      for (const f of found) existing.set(key(f.station_code, f.content_digest), f.id);
    }
    await this.audit.record(
      manager,
      ctx,
      'veto_events.post',
      inserted.map((i) => ({ stationCode: i.station_code, entity: 'veto_event', entityKey: i.id, beforeDigest: null, afterDigest: i.content_digest })),
    );
    await this.outbox.stationsChanged(manager, inserted.map((i) => i.station_code), 'veto_events');
    return rows.map((r, i) => {
      const k = key(r.stationCode, digests[i]);
      const id = created.get(k);
      return id !== undefined ? { ...emptySummary(), created: 1, id } : { ...emptySummary(), unchanged: 1, id: existing.get(k)! };
    });
  }

  async list(manager: EntityManager, principal: Principal, stationCode: string): Promise<VetoEventView[]> {
    await this.access.checkRead(manager, principal, stationCode);
    return new VetoEventsRepository(manager).list(stationCode);
  }
}
