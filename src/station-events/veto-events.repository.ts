// The veto_event table's statements: pushed vetoes and the ones annual reviews raise and
// clear, the push interface's read-back, and the dashboard's reads (a station's vetoes,
// a region's). Vetoes are unique per station and content digest, so a repeated push
// inserts nothing.
import type { Queryable } from '../database/queryable.js';
import { returnedRows } from '../database/returned-rows.js';
import type { VetoEventInput } from '../domain/station-data.js';
import type { VetoOrigin } from './veto-event.entity.js';
import type { StationRegionColumn } from '../regions/region.entity.js';

/** A stored veto with its lifting, as the dashboard and the lift answer it. */
export interface StoredVeto {
  id: string;
  stationCode: string;
  kind: string;
  date: string;
  description: string;
  personExternalId: string | null;
  origin: string;
  createdAt: Date;
  lifted: boolean;
  liftedAt: Date | null;
  liftedBy: string | null;
  liftReason: string | null;
}

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

/** Columns of a veto (aliased `v`) that `toVeto` reads. */
const VETO_COLUMNS = `v.id, v.station_code, v.kind, v.date, v.description, v.person_external_id, v.origin, v.created_at, v.lifted_at, v.lifted_by, v.lift_reason`;

function toVeto(r: VetoRow): StoredVeto {
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

/** A veto as the push interface reads it back. */
export interface VetoEventView extends VetoEventInput {
  id: string;
  origin: VetoOrigin;
  lifted: boolean;
  liftedAt: string | null;
  liftReason: string | null;
  createdAt: string;
}

/** A veto row written or deleted: what its audit entry names. */
export interface VetoWritten {
  id: string;
  station_code: string;
  content_digest: string;
}

/** A veto an INCOMPETENT annual review raises, with the review's id and the veto's content digest. */
export interface RaisedVeto {
  stationCode: string;
  date: string;
  description: string;
  personExternalId: string | null;
  reviewId: string;
  digest: string;
}

export class VetoEventsRepository {
  constructor(private readonly db: Queryable) {}

  /** Inserts the pushed vetoes not stored yet; answers the ones inserted. */
  insertPushed(rows: readonly { stationCode: string; row: VetoEventInput; digest: string }[]): Promise<VetoWritten[]> {
    return this.db.query<VetoWritten[]>(
      `INSERT INTO veto_event (station_code, kind, date, description, person_external_id, origin, content_digest)
       SELECT t.station_code, t.kind, t.date, t.description, t.person, 'PUSHED', t.digest
       FROM unnest($1::varchar[], $2::varchar[], $3::date[], $4::varchar[], $5::varchar[], $6::varchar[]) AS t(station_code, kind, date, description, person, digest)
       ON CONFLICT (station_code, content_digest) DO NOTHING
       RETURNING id, station_code, content_digest`,
      [
        rows.map((r) => r.stationCode),
        rows.map((r) => r.row.kind),
        rows.map((r) => r.row.date),
        rows.map((r) => r.row.description),
        rows.map((r) => r.row.personExternalId),
        rows.map((r) => r.digest),
      ],
    );
  }

  /** Stored vetoes of any of the stations with any of the content digests. */
  findByDigest(stationCodes: readonly string[], digests: readonly string[]): Promise<VetoWritten[]> {
    return this.db.query<VetoWritten[]>(
      `SELECT id, station_code, content_digest FROM veto_event WHERE station_code = ANY($1::varchar[]) AND content_digest = ANY($2::varchar[])`,
      [stationCodes, digests],
    );
  }

  /** Inserts the vetoes failed annual reviews raise (once per review); answers the ones inserted. */
  insertRaised(vetoes: readonly RaisedVeto[]): Promise<VetoWritten[]> {
    return this.db.query<VetoWritten[]>(
      `INSERT INTO veto_event (station_code, kind, date, description, person_external_id, origin, annual_review_id, content_digest)
       SELECT t.station_code, 'ANNUAL_REVIEW_FAILED', t.date, t.description, t.person, 'ANNUAL_REVIEW', t.review_id, t.digest
       FROM unnest($1::varchar[], $2::date[], $3::varchar[], $4::varchar[], $5::bigint[], $6::varchar[]) AS t(station_code, date, description, person, review_id, digest)
       ON CONFLICT (station_code, content_digest) DO NOTHING
       RETURNING id, station_code, content_digest`,
      [vetoes.map((v) => v.stationCode), vetoes.map((v) => v.date), vetoes.map((v) => v.description), vetoes.map((v) => v.personExternalId), vetoes.map((v) => v.reviewId), vetoes.map((v) => v.digest)],
    );
  }

  /** Deletes the vetoes the given annual reviews raised; answers the ones deleted. */
  async deleteRaised(reviewIds: readonly string[]): Promise<VetoWritten[]> {
    return returnedRows<VetoWritten>(
      await this.db.query(`DELETE FROM veto_event WHERE origin = 'ANNUAL_REVIEW' AND annual_review_id = ANY($1::bigint[]) RETURNING id, station_code, content_digest`, [reviewIds]),
    );
  }

  /** A station's vetoes by date, then creation, as the push interface reads them back. */
  async list(stationCode: string): Promise<VetoEventView[]> {
    const rows = await this.db.query<
      { id: string; kind: VetoEventInput['kind']; date: string; description: string; person_external_id: string | null; origin: VetoOrigin; lifted_at: Date | null; lift_reason: string | null; created_at: Date }[]
    >(
      `SELECT id, kind, date, description, person_external_id, origin, lifted_at, lift_reason, created_at FROM veto_event
       WHERE station_code = $1 ORDER BY date, created_at, id`,
      [stationCode],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      date: r.date,
      description: r.description,
      personExternalId: r.person_external_id,
      origin: r.origin,
      lifted: r.lifted_at !== null,
      liftedAt: r.lifted_at?.toISOString() ?? null,
      liftReason: r.lift_reason,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Every veto of each station (lifted ones too), newest first; one statement. */
  async ofStations(codes: readonly string[]): Promise<Map<string, StoredVeto[]>> {
    const rows = await this.db.query<VetoRow[]>(`SELECT ${VETO_COLUMNS} FROM veto_event v WHERE v.station_code = ANY($1::varchar[]) ORDER BY v.date DESC, v.id`, [codes]);
    const out = new Map<string, StoredVeto[]>(codes.map((c) => [c, []]));
    for (const r of rows) out.get(r.station_code)?.push(toVeto(r));
    return out;
  }

  /** Vetoes of the stations of a region (filtered on the column of its level), newest first. */
  async ofRegion(column: StationRegionColumn, regionCode: string, includeLifted: boolean, limit: number): Promise<StoredVeto[]> {
    const rows = await this.db.query<VetoRow[]>(
      `SELECT ${VETO_COLUMNS} FROM veto_event v JOIN station s ON s.code = v.station_code
       WHERE s.${column} = $1 AND ($2 OR v.lifted_at IS NULL)
       ORDER BY v.date DESC, v.id LIMIT $3`,
      [regionCode, includeLifted, limit],
    );
    return rows.map(toVeto);
  }

  /** One veto locked for a decision, with its station's county (for the region check); undefined when there is none. */
  async lockForLift(id: string): Promise<(StoredVeto & { countyCode: string }) | undefined> {
    const [row] = await this.db.query<(VetoRow & { county_code: string })[]>(
      `SELECT ${VETO_COLUMNS}, s.county_code FROM veto_event v JOIN station s ON s.code = v.station_code WHERE v.id = $1 FOR NO KEY UPDATE OF v`,
      [id],
    );
    return row === undefined ? undefined : { ...toVeto(row), countyCode: row.county_code };
  }

  /** Marks a veto lifted by `keyId` with its reason; answers it as stored. */
  async lift(id: string, keyId: string | null, reason: string): Promise<StoredVeto> {
    const [updated] = returnedRows<VetoRow>(
      await this.db.query(`UPDATE veto_event v SET lifted_at = now(), lifted_by = $2, lift_reason = $3 WHERE v.id = $1 RETURNING ${VETO_COLUMNS}`, [id, keyId, reason]),
    );
    return toVeto(updated);
  }
}
