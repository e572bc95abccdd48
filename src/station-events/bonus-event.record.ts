// Bonus events (加分项目): one row per station and event key.
import type { RecordKind } from '../database/record-kind.js';
import type { BonusEvent } from '../domain/station-data.js';

interface BonusEventRow {
  event_key: string;
  category: BonusEvent['category'];
  level: BonusEvent['level'];
  date: string;
  subject: string;
  description: string;
  points: number | null;
}

export const BONUS_EVENT_RECORD: RecordKind<BonusEvent, BonusEventRow> = {
  table: 'bonus_event',
  entity: 'bonus_event',
  keyColumn: 'event_key',
  keyType: 'varchar',
  keyOf: (b) => b.eventKey,
  returnsId: false,
  columns: [
    { name: 'category', type: 'varchar', value: (b) => b.category },
    { name: 'level', type: 'varchar', value: (b) => b.level },
    { name: 'date', type: 'date', value: (b) => b.date },
    { name: 'subject', type: 'varchar', value: (b) => b.subject },
    { name: 'description', type: 'varchar', value: (b) => b.description },
    { name: 'points', type: 'numeric', value: (b) => b.points },
  ],
  // numeric(3,1) as float8 is the JavaScript number of its text: points come back as numbers.
  select: 'event_key, category, level, date, subject, description, points::float8 AS points',
  order: 'event_key',
  fromRow: (r) => ({ eventKey: r.event_key, category: r.category, level: r.level, date: r.date, subject: r.subject, description: r.description, points: r.points }),
};
