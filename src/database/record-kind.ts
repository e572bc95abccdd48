// One description per kind of keyed station record (equipment, person, case, …): its table,
// key and columns as written (TableSpec, for the set-based TableWriter), the columns it is
// read back with and how a stored row becomes the domain record (RecordKind), and what one
// row contributes to the facts' collection digest. Writes, read-backs, the scoring facts
// loader and the dashboard's ledger reads all derive their SQL from it, so a column is named
// in one place per kind.

export interface ColumnSpec<R> {
  /** Column name in the table. */
  name: string;
  /** Element type of the unnest() array parameter, e.g. 'varchar', 'date', 'int', 'numeric', 'boolean'. */
  type: string;
  value: (row: R) => unknown;
  /** SQL cast applied to the unnested value, e.g. 'boolean[]' for a text-encoded array. */
  cast?: string;
}

/** What the set-based TableWriter needs to upsert, diff and delete a kind's rows. */
export interface TableSpec<R> {
  table: string;
  /** Entity name in audit rows. */
  entity: string;
  keyColumn: string;
  /** Element type of the key array parameter. */
  keyType: string;
  /** The row's natural key as text (audit entity key, problem reports). */
  keyOf: (row: R) => string;
  /** The key as bound to SQL (default: keyOf). */
  keyValue?: (row: R) => unknown;
  /** Data columns other than station_code, the key and row_digest. */
  columns: ColumnSpec<R>[];
  /** Extra `SET` assignments on update, e.g. `updated_at = now()`. */
  extraSet?: string[];
  /** The table has a bigint `id` the caller needs back (children rows). */
  returnsId: boolean;
}

/**
 * How a kind of station record is read: `select` is the list of columns (over the table's
 * own name, unqualified) that `fromRow` turns into the domain record; `order` is the
 * natural order of one station's rows. Kinds written by their own statements rather than
 * the TableWriter (vetoes, annual reviews) have only this half.
 */
export interface RecordRead<D, R extends object = object> {
  table: string;
  select: string;
  order: string;
  fromRow: (row: R) => D;
  /**
   * SQL of what one row contributes to its collection's digest in the scoring facts
   * (collectionDigest() sorts and hashes these texts); `row_digest` unless the stored digest
   * leaves something out.
   */
  factDigest?: string;
}

/** A kind of station record, written (TableSpec) and read (RecordRead). */
export interface RecordKind<D, R extends object = object> extends TableSpec<D>, RecordRead<D, R> {}

/** The parts of a kind its generated SQL reads (any kind fits, whatever its types). */
export type RecordSql = Pick<RecordRead<unknown>, 'table' | 'select' | 'order' | 'factDigest'>;

/** `station_code` beside a kind's columns, as every multi-station read returns them. */
export type StationRowOf<R> = R & { station_code: string };

/** Every row of the given stations ($1, varchar[]), station by station in the kind's order. */
export function stationsRowsSql(kind: RecordSql): string {
  return `SELECT station_code, ${kind.select} FROM ${kind.table}
          WHERE station_code = ANY($1::varchar[]) ORDER BY station_code, ${kind.order}`;
}

/**
 * One row per station with rows of the kind: their count and the collection digest in SQL,
 * computed exactly as the engine's collectionDigest() (sha256 over the row digests in byte
 * order, joined by '\n'; COLLATE "C" is byte order, and the digests are ASCII).
 */
export function collectionDigestSql(kind: RecordSql, label: string): string {
  const digest = `(${kind.factDigest ?? 'row_digest'})::text`;
  return `SELECT station_code, '${label}' AS kind, count(*)::int AS rows,
                 encode(sha256(convert_to(string_agg(${digest}, E'\\n' ORDER BY ${digest} COLLATE "C"), 'UTF8')), 'hex') AS digest
          FROM ${kind.table} WHERE station_code = ANY($1) GROUP BY station_code`;
}
