// The equipment table's reads: a station's register and the per-station summaries the
// dashboard shows. Writes go through the set-based TableWriter with EQUIPMENT_RECORD.
import type { Queryable } from '../database/queryable.js';
import type { Equipment } from '../domain/station-data.js';
import { EQUIPMENT_TYPES } from '../domain/vocabulary.js';
import { EQUIPMENT_RECORD } from './equipment.record.js';

/** In-service quantities by type (in vocabulary order), broken and retired quantities, register lines. */
export interface EquipmentTotals {
  inService: { type: string; quantity: number }[];
  broken: number;
  retired: number;
  lines: number;
}

const emptyTotals = (): EquipmentTotals => ({ inService: [], broken: 0, retired: 0, lines: 0 });
const TYPE_ORDER = new Map<string, number>(EQUIPMENT_TYPES.map((t, i) => [t, i]));

export class EquipmentRepository {
  constructor(private readonly db: Queryable) {}

  /** A station's register in external-id order, or the one item asked for. */
  async list(stationCode: string, externalId?: string): Promise<Equipment[]> {
    const rows = await this.db.query<Parameters<typeof EQUIPMENT_RECORD.fromRow>[0][]>(
      `SELECT ${EQUIPMENT_RECORD.select} FROM equipment
       WHERE station_code = $1 AND ($2::varchar IS NULL OR external_id = $2) ORDER BY ${EQUIPMENT_RECORD.order}`,
      [stationCode, externalId ?? null],
    );
    return rows.map(EQUIPMENT_RECORD.fromRow);
  }

  /** Totals of each station (every code asked for has an entry), one statement. */
  async totals(codes: readonly string[]): Promise<Map<string, EquipmentTotals>> {
    const rows = await this.db.query<{ station_code: string; type: string; status: string; quantity: number; lines: number }[]>(
      `SELECT station_code, type, status, sum(quantity)::int AS quantity, count(*)::int AS lines
       FROM equipment WHERE station_code = ANY($1::varchar[]) GROUP BY station_code, type, status`,
      [codes],
    );
    const out = new Map<string, EquipmentTotals>(codes.map((c) => [c, emptyTotals()]));
    for (const r of rows) {
      const s = out.get(r.station_code);
      if (!s) continue;
      s.lines += r.lines;
      if (r.status === 'IN_SERVICE') s.inService.push({ type: r.type, quantity: r.quantity });
      else if (r.status === 'BROKEN') s.broken += r.quantity;
      else s.retired += r.quantity;
    }
    for (const s of out.values()) s.inService.sort((a, b) => TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)!);
    return out;
  }
}
