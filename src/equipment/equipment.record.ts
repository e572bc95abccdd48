// The equipment register's rows (设备台账): one per station and external id.
import type { RecordKind } from '../database/record-kind.js';
import type { Equipment } from '../domain/station-data.js';

interface EquipmentRow {
  external_id: string;
  type: Equipment['type'];
  quantity: number;
  status: Equipment['status'];
  acquired_on: string | null;
}

export const EQUIPMENT_RECORD: RecordKind<Equipment, EquipmentRow> = {
  table: 'equipment',
  entity: 'equipment',
  keyColumn: 'external_id',
  keyType: 'varchar',
  keyOf: (e) => e.externalId,
  returnsId: false,
  columns: [
    { name: 'type', type: 'varchar', value: (e) => e.type },
    { name: 'quantity', type: 'int', value: (e) => e.quantity },
    { name: 'status', type: 'varchar', value: (e) => e.status },
    { name: 'acquired_on', type: 'date', value: (e) => e.acquiredOn },
  ],
  select: 'external_id, type, quantity, status, acquired_on',
  order: 'external_id',
  fromRow: (r) => ({ externalId: r.external_id, type: r.type, quantity: r.quantity, status: r.status, acquiredOn: r.acquired_on }),
};
