// Lifting a veto (a province reviewer's decision, with a reason): the station becomes
// eligible again at its next recompute, queued through the outbox in the same transaction.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { checkText, checkUuid } from '../dashboard/args.js';
import { assertFoundInRegion, assertRole } from '../dashboard/permissions.js';
import { VetoEventsRepository } from '../station-events/veto-events.repository.js';
import type { Veto } from '../dashboard/types/veto.types.js';
import { digestOf, keyIdOf } from '../audit/audit-values.js';

@Injectable()
export class VetoLiftService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async lift(ctx: WriteContext, vetoId: string, reason: string): Promise<Veto> {
    assertRole(ctx.principal, 'liftVeto', 'lifting a veto');
    checkUuid(vetoId, 'vetoId');
    const text = checkText(reason, 'reason', 4000);
    return this.dataSource.transaction(async (manager) => {
      const vetoes = new VetoEventsRepository(manager);
      const found = await vetoes.lockForLift(vetoId);
      assertFoundInRegion(ctx.principal, found?.countyCode, `veto ${vetoId}`);
      if (found!.liftedAt !== null) throw DomainError.conflict(`veto ${vetoId} was already lifted (${found!.liftedAt.toISOString()})`);
      const veto = await vetoes.lift(vetoId, keyIdOf(ctx), text);
      await this.audit.record(manager, ctx, 'veto.lift', [
        {
          stationCode: veto.stationCode,
          entity: 'veto_event',
          entityKey: veto.id,
          beforeDigest: digestOf({ lifted: false }),
          afterDigest: digestOf({ lifted: true, reason: text }),
          detail: { kind: veto.kind, date: veto.date, reason: text },
        },
      ]);
      await this.outbox.stationsChanged(manager, [veto.stationCode], 'veto');
      return veto;
    });
  }
}
