// Reads the overlay of round-scoring.ts for many applications of one round: one query for
// reviews, inspections and decisions together (per application, as JSON), one for the live
// veto events of their stations in the round's veto window.
import type { EntityManager } from 'typeorm';
import type { VetoEvent } from '../domain/station-data.js';
import type { InspectionAdjustment } from './round-review.entities.js';
import { vetoWindow, type RoundOverlay, type RoundScoringTerms } from './round-scoring.js';

interface OverlayRow {
  application_id: string;
  station_code: string;
  reviews: { criterionId: string; points: number; note: string }[];
  inspections: { date: string; recordedAt: string; adjustments: InspectionAdjustment[] }[];
  decisions: { itemId: string; accepted: boolean }[];
}

interface VetoRow {
  id: string;
  station_code: string;
  kind: VetoEvent['kind'];
  date: string;
  description: string;
  person_external_id: string | null;
  lifted: boolean;
}

/** Overlays by application id (every id given gets one, empty when nothing is recorded). */
export async function loadOverlays(manager: EntityManager, round: Pick<RoundScoringTerms, 'cutOff' | 'rubricVersion'>, applicationIds: readonly string[]): Promise<Map<string, RoundOverlay>> {
  const result = new Map<string, RoundOverlay>();
  if (applicationIds.length === 0) return result;
  const rows = await manager.query<OverlayRow[]>(
    `SELECT a.id AS application_id, a.station_code,
       coalesce((SELECT jsonb_agg(jsonb_build_object('criterionId', r.criterion_id, 'points', r.points::float8, 'note', r.note) ORDER BY r.criterion_id)
                 FROM round_criterion_review r WHERE r.application_id = a.id), '[]'::jsonb) AS reviews,
       coalesce((SELECT jsonb_agg(jsonb_build_object('date', i.date, 'recordedAt', i.recorded_at, 'adjustments', i.adjustments) ORDER BY i.date, i.recorded_at)
                 FROM round_inspection i WHERE i.application_id = a.id), '[]'::jsonb) AS inspections,
       coalesce((SELECT jsonb_agg(jsonb_build_object('itemId', d.item_id, 'accepted', d.accepted) ORDER BY d.item_id)
                 FROM round_missing_item_decision d WHERE d.application_id = a.id), '[]'::jsonb) AS decisions
     FROM round_application a WHERE a.id = ANY($1::uuid[])`,
    [[...new Set(applicationIds)]],
  );
  const window = vetoWindow(round);
  const vetoRows = await manager.query<VetoRow[]>(
    `SELECT id, station_code, kind, to_char(date, 'YYYY-MM-DD') AS date, description, person_external_id, lifted_at IS NOT NULL AS lifted
     FROM veto_event WHERE station_code = ANY($1::varchar[]) AND date BETWEEN $2::date AND $3::date ORDER BY station_code, date, id`,
    [[...new Set(rows.map((r) => r.station_code))], window.from, window.to],
  );
  const vetoes = new Map<string, VetoEvent[]>();
  for (const v of vetoRows) {
    const list = vetoes.get(v.station_code) ?? [];
    list.push({ id: v.id, kind: v.kind, date: v.date, description: v.description, personExternalId: v.person_external_id, lifted: v.lifted });
    vetoes.set(v.station_code, list);
  }
  for (const row of rows) {
    result.set(row.application_id, {
      reviews: row.reviews,
      inspections: row.inspections.map((i) => ({ date: i.date, recordedAt: new Date(i.recordedAt), adjustments: i.adjustments })),
      missingItemDecisions: row.decisions,
      liveVetoes: vetoes.get(row.station_code) ?? [],
    });
  }
  return result;
}
