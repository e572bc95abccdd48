// Reads the overlay of round-scoring.ts for many applications of one round: one query for
// reviews, inspections and decisions together (per application, as JSON), one for the live
// veto events of their stations in the round's veto window.
import type { EntityManager } from 'typeorm';
import type { VetoEvent } from '../domain/station-data.js';
import { RoundReviewRepository } from './review/round-review.repository.js';
import { vetoWindow, type RoundOverlay, type RoundScoringTerms } from './round-scoring.js';

/** Overlays by application id (every id given gets one, empty when nothing is recorded). */
export async function loadOverlays(manager: EntityManager, round: Pick<RoundScoringTerms, 'cutOff' | 'rubricVersion'>, applicationIds: readonly string[]): Promise<Map<string, RoundOverlay>> {
  const result = new Map<string, RoundOverlay>();
  if (applicationIds.length === 0) return result;
  const reviews = new RoundReviewRepository(manager);
  const rows = await reviews.overlays([...new Set(applicationIds)]);
  const window = vetoWindow(round);
  const vetoRows = await reviews.vetoesBetween([...new Set(rows.map((r) => r.station_code))], window.from, window.to);
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
