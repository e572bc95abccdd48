// Smaller reads batched by the request's loaders: the vetoes of stations and of a region.
import type { Veto } from '../types/veto.types.js';
import { regionColumn } from '../permissions.js';
import type { Queryable } from '../../database/queryable.js';

interface VetoRow {
  id: string;
  station_code: string;
  kind: string;
  date: string;
  description: string;
  person_external_id: string | null;
  origin: string;
  created_at: Date;
  lifted_at: Date | null;
  lifted_by: string | null;
  lift_reason: string | null;
}

export const VETO_COLUMNS = `v.id, v.station_code, v.kind, v.date, v.description, v.person_external_id, v.origin, v.created_at, v.lifted_at, v.lifted_by, v.lift_reason`;

export function toVeto(r: VetoRow): Veto {
  return {
    id: r.id,
    stationCode: r.station_code,
    kind: r.kind,
    date: r.date,
    description: r.description,
    personExternalId: r.person_external_id,
    origin: r.origin,
    createdAt: r.created_at,
    lifted: r.lifted_at !== null,
    liftedAt: r.lifted_at,
    liftedBy: r.lifted_by,
    liftReason: r.lift_reason,
  };
}

/** Every veto of each station (lifted ones too), newest first. */
export async function loadStationVetoes(db: Queryable, codes: readonly string[]): Promise<Map<string, Veto[]>> {
  const rows = await db.query<VetoRow[]>(`SELECT ${VETO_COLUMNS} FROM veto_event v WHERE v.station_code = ANY($1::varchar[]) ORDER BY v.date DESC, v.id`, [codes]);
  const out = new Map<string, Veto[]>(codes.map((c) => [c, []]));
  for (const r of rows) out.get(r.station_code)?.push(toVeto(r));
  return out;
}

/** Vetoes of the stations of a region, newest first. */
export async function loadRegionVetoes(db: Queryable, regionCode: string, includeLifted: boolean, limit: number): Promise<Veto[]> {
  const rows = await db.query<VetoRow[]>(
    `SELECT ${VETO_COLUMNS} FROM veto_event v JOIN station s ON s.code = v.station_code
     WHERE s.${regionColumn(regionCode)} = $1 AND ($2 OR v.lifted_at IS NULL)
     ORDER BY v.date DESC, v.id LIMIT $3`,
    [regionCode, includeLifted, limit],
  );
  return rows.map(toVeto);
}
