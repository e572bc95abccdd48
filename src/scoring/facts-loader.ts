// Rebuilds the engine's StationFacts from the database for many stations at once: one
// query per kind of fact, whatever the number of stations, each ordered by its natural key,
// plus one query for the stored digests, one per station and collection, which the input
// hash reads instead of the rows (StationFacts.digests). Each collection's digest is
// computed in PostgreSQL from its rows' stored digests, exactly as collectionDigest() does
// (sha256 over the row digests in byte order, joined by '\n'):
// - station, person, equipment, enforcement_case, complaint_figures, certification and
//   bonus_event: `row_digest`, written by the push from the whole normalised row (a
//   person's covers their trainings and disciplinary records), so it covers every field
//   the engine reads;
// - veto_event: `${id}:${content_digest}:${lifted}` (the content digest covers neither the
//   id, which a score reports, nor the lifted state);
// - annual_review has no digest column: its few rows are serialised.
// A station without rows of a kind gets the digest of no rows (count 0), not none.
import type { EntityManager } from 'typeorm';
import type { MediationAverage, Person, StationProfile } from '../domain/station-data.js';
import { collectionDigest, type CollectionDigest, type StationFactDigests, type StationFacts } from './engine/index.js';
import { collectionDigestSql, stationsRowsSql, type RecordRead, type RecordSql, type StationRowOf } from '../database/record-kind.js';
import { EQUIPMENT_RECORD } from '../equipment/equipment.record.js';
import { CASE_RECORD } from '../cases/case.record.js';
import { CERTIFICATION_RECORD } from '../certifications/certification.record.js';
import { COMPLAINT_FIGURES_RECORD } from '../complaints/complaint-figures.record.js';
import {
  DISCIPLINARY_RECORD,
  PERSON_RECORD,
  personChildrenSql,
  TRAINING_RECORD,
  type PersonChildKind,
  type PersonChildRowOf,
  type PersonRow,
} from '../personnel/person.record.js';
import { ANNUAL_REVIEW_RECORD } from '../station-events/annual-review.record.js';
import { BONUS_EVENT_RECORD } from '../station-events/bonus-event.record.js';
import { VETO_EVENT_RECORD } from '../station-events/veto-event.record.js';

/** A station's facts and the province whose star policy applies to it. */
export interface LoadedStation {
  facts: StationFacts;
  provinceCode: string;
}

export class FactsLoader {
  constructor(private readonly manager: EntityManager) {}

  /** Facts of the given stations (unknown codes are absent from the map). */
  async load(stationCodes: readonly string[], rubricVersion: string): Promise<Map<string, LoadedStation>> {
    const codes = [...new Set(stationCodes)];
    const result = new Map<string, LoadedStation>();
    if (codes.length === 0) return result;
    const averages = await this.manager.query<AverageRow[]>(`SELECT year, rate::float8 AS rate FROM mediation_average ORDER BY year`);
    const mediationAverages: MediationAverage[] = averages.map((a) => ({ year: a.year, rate: a.rate }));
    for (const s of await this.manager.query<StationFactsRow[]>(STATIONS_SQL, [codes])) {
      result.set(s.code, { provinceCode: s.province_code, facts: emptyFacts(s, mediationAverages) });
    }
    const load: LoadState = { facts: (code) => result.get(code)?.facts as Mutable<StationFacts> | undefined, personById: new Map() };
    // Sequential on purpose: inside a transaction they share one connection anyway; people
    // come before their trainings and disciplinary records.
    for (const loader of [...KIND_LOADERS, DIGESTS_LOADER]) {
      const rows = await this.manager.query<never[]>(loader.sql, loader.byRubric ? [codes, rubricVersion] : [codes]);
      loader.attach(rows, load);
    }
    return result;
  }
}

/** What the per-kind loaders fill in: a station's facts, and people by id for their records. */
interface LoadState {
  facts(code: string): Mutable<StationFacts> | undefined;
  personById: Map<string, Person>;
}

/** One kind of fact: its query (the station codes are $1; $2 the rubric version where asked) and where its rows go. */
interface KindLoader<R> {
  sql: string;
  byRubric?: boolean;
  attach(rows: R[], load: LoadState): void;
}

const kind = <R>(loader: KindLoader<R>): KindLoader<never> => loader as KindLoader<never>;

/** The StationFacts collections that hold records of type D. */
type CollectionOf<D> = { [K in keyof StationFacts]: StationFacts[K] extends readonly D[] ? K : never }[keyof StationFacts];

/** A kind read through its record descriptor: its rows, station by station, into one collection. */
function records<D, R extends object>(record: RecordRead<D, R>, into: CollectionOf<D>): KindLoader<never> {
  return kind<StationRowOf<R>>({
    sql: stationsRowsSql(record),
    attach: (rows, load) => rows.forEach((r) => (load.facts(r.station_code)?.[into as keyof StationFacts] as D[] | undefined)?.push(record.fromRow(r))),
  });
}

/** A child table of person: its rows, person by person, appended to the people already loaded. */
function personChildren<K extends 'trainings' | 'disciplinaryRecords', R extends object>(child: PersonChildKind<Person[K][number], R>, into: K): KindLoader<never> {
  return kind<PersonChildRowOf<R>>({
    sql: personChildrenSql(child),
    attach: (rows, load) => rows.forEach((r) => (load.personById.get(String(r.person_id))?.[into] as Person[K][number][] | undefined)?.push(child.fromRow(r))),
  });
}

const STATIONS_SQL = `SELECT code, name, county_code, province_code, approved_headcount, duties, premises_independent, rooms, internet, private_network, row_digest
                      FROM station WHERE code = ANY($1)`;

function emptyFacts(s: StationFactsRow, mediationAverages: MediationAverage[]): StationFacts {
  const profile: StationProfile = {
    name: s.name,
    countyCode: s.county_code,
    approvedHeadcount: s.approved_headcount,
    duties: [...s.duties].sort() as StationProfile['duties'],
    premises: { independent: s.premises_independent, rooms: [...s.rooms].sort() as StationProfile['premises']['rooms'], internet: s.internet, privateNetwork: s.private_network },
  };
  return {
    code: s.code,
    profile,
    personnel: [],
    equipment: [],
    cases: [],
    complaintFigures: [],
    mediationAverages,
    certifications: [],
    bonusEvents: [],
    vetoEvents: [],
    annualReviews: [],
    assessments: [],
    missingItemMarks: [],
    digests: {
      profile: s.row_digest,
      personnel: NO_ROWS,
      equipment: NO_ROWS,
      cases: NO_ROWS,
      complaintFigures: NO_ROWS,
      certifications: NO_ROWS,
      bonusEvents: NO_ROWS,
      vetoEvents: NO_ROWS,
    },
  };
}

const KIND_LOADERS: readonly KindLoader<never>[] = [
  kind<StationRowOf<PersonRow>>({
    sql: stationsRowsSql(PERSON_RECORD),
    attach(rows, load) {
      for (const p of rows) {
        const person = PERSON_RECORD.fromRow(p);
        load.personById.set(String(p.id), person);
        load.facts(p.station_code)?.personnel.push(person);
      }
    },
  }),
  personChildren(TRAINING_RECORD, 'trainings'),
  personChildren(DISCIPLINARY_RECORD, 'disciplinaryRecords'),
  records(EQUIPMENT_RECORD, 'equipment'),
  records(CASE_RECORD, 'cases'),
  records(COMPLAINT_FIGURES_RECORD, 'complaintFigures'),
  records(CERTIFICATION_RECORD, 'certifications'),
  records(BONUS_EVENT_RECORD, 'bonusEvents'),
  records(VETO_EVENT_RECORD, 'vetoEvents'),
  records(ANNUAL_REVIEW_RECORD, 'annualReviews'),
  kind<AssessmentRow>({
    sql: `SELECT station_code, criterion_id, points::float8 AS points, note FROM reviewer_assessment
          WHERE station_code = ANY($1) AND rubric_version = $2 ORDER BY station_code, criterion_id`,
    byRubric: true,
    attach: (rows, load) => rows.forEach((a) => load.facts(a.station_code)?.assessments.push({ criterionId: a.criterion_id, points: a.points, note: a.note })),
  }),
  kind<MarkRow>({
    sql: `SELECT station_code, item_id, justification FROM missing_item_mark
          WHERE station_code = ANY($1) AND rubric_version = $2 ORDER BY station_code, item_id`,
    byRubric: true,
    attach: (rows, load) => rows.forEach((m) => load.facts(m.station_code)?.missingItemMarks.push({ itemId: m.item_id, justification: m.justification })),
  }),
];

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/** The digest of a collection without rows (shared: digests are never mutated). */
const NO_ROWS: CollectionDigest = collectionDigest([]);

/** The kinds read through their record descriptors, by the facts' digest label. */
const FACT_RECORDS: readonly [DigestsRow['kind'], RecordSql][] = [
  ['personnel', PERSON_RECORD],
  ['equipment', EQUIPMENT_RECORD],
  ['cases', CASE_RECORD],
  ['complaintFigures', COMPLAINT_FIGURES_RECORD],
  ['certifications', CERTIFICATION_RECORD],
  ['bonusEvents', BONUS_EVENT_RECORD],
  ['vetoEvents', VETO_EVENT_RECORD],
];

/**
 * One digest per station and kind: collectionDigest() of the rows' stored digests, in
 * SQL (byte order is COLLATE "C"; the digests are ASCII, so this is code-unit order).
 */
const DIGESTS_SQL = FACT_RECORDS.map(([label, record]) => collectionDigestSql(record, label))
  .join('\nUNION ALL\n');

/** The stored digests: last, once every station's facts exist. */
const DIGESTS_LOADER = kind<DigestsRow>({
  sql: DIGESTS_SQL,
  attach(rows, load) {
    for (const d of rows) {
      const digests = load.facts(d.station_code)?.digests as Mutable<StationFactDigests> | undefined;
      if (digests !== undefined) digests[d.kind] = { rows: d.rows, digest: d.digest };
    }
  },
});

interface DigestsRow {
  station_code: string;
  kind: 'personnel' | 'equipment' | 'cases' | 'complaintFigures' | 'certifications' | 'bonusEvents' | 'vetoEvents';
  rows: number;
  digest: string;
}

interface StationFactsRow {
  code: string;
  name: string;
  county_code: string;
  province_code: string;
  approved_headcount: number;
  duties: string[];
  premises_independent: boolean;
  rooms: string[];
  internet: boolean;
  private_network: boolean;
  row_digest: string;
}
interface AssessmentRow {
  station_code: string;
  criterion_id: string;
  points: number;
  note: string;
}
interface MarkRow {
  station_code: string;
  item_id: string;
  justification: string;
}
interface AverageRow {
  year: number;
  rate: number;
}

