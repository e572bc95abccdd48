// Veto events (否定项目) as the scoring facts read them: pushed by counties or raised by an
// annual review, written by their own statements (VetoEventsRepository), never updated
// except by a lift.
import type { RecordRead } from '../database/record-kind.js';
import type { VetoEvent } from '../domain/station-data.js';

interface VetoFactRow {
  id: string;
  kind: VetoEvent['kind'];
  date: string;
  description: string;
  person_external_id: string | null;
  lifted: boolean;
}

export const VETO_EVENT_RECORD: RecordRead<VetoEvent, VetoFactRow> = {
  table: 'veto_event',
  select: 'id, kind, date, description, person_external_id, lifted_at IS NOT NULL AS lifted',
  order: 'date, id',
  fromRow: (v) => ({ id: v.id, kind: v.kind, date: v.date, description: v.description, personExternalId: v.person_external_id, lifted: v.lifted }),
  // The content digest covers neither the id, which a score reports, nor the lifted state.
  factDigest: `id::text || ':' || content_digest || ':' || (lifted_at IS NOT NULL)::text`,
};
