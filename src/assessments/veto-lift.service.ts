// Lifting a veto (a province reviewer's decision, with a reason): the station becomes
// eligible again at its next recompute, queued through the outbox in the same transaction.
// Its two veto_event statements stay here for now: they belong with the veto reads'
// repository (station-events), not with the assessments' tables.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { WriteContext } from '../ingestion/write-context.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { checkText, checkUuid } from '../dashboard/args.js';
import { assertFoundInRegion, assertRole } from '../dashboard/permissions.js';
import { toVeto, VETO_COLUMNS } from '../dashboard/queries/reads.query.js';
import type { Veto } from '../dashboard/types/veto.types.js';
import { digestOf, keyIdOf } from '../audit/audit-values.js';
import { returnedRows } from '../database/returned-rows.js';

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
      const [row] = await manager.query(
        `SELECT ${VETO_COLUMNS}, s.county_code FROM veto_event v JOIN station s ON s.code = v.station_code WHERE v.id = $1 FOR NO KEY UPDATE OF v`,
        [vetoId],
      );
      assertFoundInRegion(ctx.principal, row?.county_code, `veto ${vetoId}`);
      if (row.lifted_at !== null) throw DomainError.conflict(`veto ${vetoId} was already lifted (${(row.lifted_at as Date).toISOString()})`);
      const [updated] = returnedRows<Parameters<typeof toVeto>[0]>(
        await manager.query(`UPDATE veto_event v SET lifted_at = now(), lifted_by = $2, lift_reason = $3 WHERE v.id = $1 RETURNING ${VETO_COLUMNS}`, [
          vetoId,
          keyIdOf(ctx),
          text,
        ]),
      );
      const veto = toVeto(updated);
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
