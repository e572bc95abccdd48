import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How a table's rows name their station: the column, or the parent row that has it. */
type StationKey = 'code' | 'station_code' | 'person_id' | 'snapshot_id';

// Tables whose rows belong to one station, with the channel they already notified on and
// how a row names its station. Every other table keeps its table-wide notification.
const KEYED: readonly { table: string; channel: 'scorecard_score_data' | 'scorecard_station_data'; key: StationKey }[] = [
  { table: 'station', channel: 'scorecard_score_data', key: 'code' },
  { table: 'station_score', channel: 'scorecard_score_data', key: 'station_code' },
  ...['person', 'equipment', 'enforcement_case', 'complaint_figures', 'certification', 'bonus_event', 'veto_event', 'annual_review', 'reviewer_assessment', 'missing_item_mark', 'score_snapshot'].map(
    (table) => ({ table, channel: 'scorecard_station_data' as const, key: 'station_code' as const }),
  ),
  { table: 'person_training', channel: 'scorecard_station_data', key: 'person_id' },
  { table: 'person_disciplinary_record', channel: 'scorecard_station_data', key: 'person_id' },
  // Folded into the snapshot row by a later change (views then): triggers only on a table.
  { table: 'score_indicator', channel: 'scorecard_station_data', key: 'snapshot_id' },
  { table: 'score_criterion', channel: 'scorecard_station_data', key: 'snapshot_id' },
];

const OLD_FUNCTION = { scorecard_score_data: 'notify_score_data_changed', scorecard_station_data: 'notify_station_data_changed' } as const;
const OLD_TRIGGER = { scorecard_score_data: 'notify_score_data', scorecard_station_data: 'notify_station_data' } as const;

/**
 * Station-scoped change notifications. On the tables above, INSERT, UPDATE and DELETE now
 * notify with a JSON payload naming the stations the statement touched and their regions
 * (`{"t": table, "s": [codes] | null, "r": [region codes] | null}`; null when there are too
 * many to fit the 8,000-byte payload), so that the GraphQL response cache drops only the
 * answers of those stations and, at most once per interval, the region-wide answers
 * (src/database/change-feed.ts). TRUNCATE and every other table keep the table-wide
 * notification (payload: the table name). Transition tables need one trigger per event.
 * Written by hand: TypeORM does not model triggers (the drift check ignores them).
 */
export class ScopedChangeNotifications1796551017877 implements MigrationInterface {
  name = 'ScopedChangeNotifications1796551017877';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(NOTIFY_ROWS_FUNCTION);
    for (const { table, channel, key } of KEYED) {
      if (!(await isTable(queryRunner, table))) continue;
      await queryRunner.query(`DROP TRIGGER IF EXISTS "trg_${table}_${OLD_TRIGGER[channel]}" ON "${table}"`);
      const args = `'${channel}', '${key}'`;
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_notify_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_rows_changed"(${args})`);
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_notify_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_rows_changed"(${args})`,
      );
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_notify_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "notify_rows_changed"(${args})`);
      await queryRunner.query(`CREATE TRIGGER "trg_${table}_notify_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${OLD_FUNCTION[channel]}"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, channel } of KEYED) {
      if (!(await isTable(queryRunner, table))) continue;
      for (const event of ['insert', 'update', 'delete', 'truncate']) await queryRunner.query(`DROP TRIGGER IF EXISTS "trg_${table}_notify_${event}" ON "${table}"`);
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_${OLD_TRIGGER[channel]}" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${OLD_FUNCTION[channel]}"()`,
      );
    }
    await queryRunner.query(`DROP FUNCTION "notify_rows_changed"()`);
  }
}

async function isTable(queryRunner: QueryRunner, table: string): Promise<boolean> {
  const rows = await queryRunner.query(`SELECT 1 FROM pg_class WHERE relname = $1 AND relkind IN ('r', 'p') AND relnamespace = current_schema()::regnamespace`, [table]);
  return rows.length > 0;
}

// TG_ARGV[0]: the channel; TG_ARGV[1]: the StationKey. At most 400 station codes (10 bytes
// each) and 400 region codes (9 bytes) keep the payload under PostgreSQL's 8,000 bytes;
// beyond that the list is null ("many": every station answer goes, region-wide ones at the
// next interval). A statement that touched no row still notifies, with empty lists.
const NOTIFY_ROWS_FUNCTION = `CREATE FUNCTION "notify_rows_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    touched text := CASE TG_OP WHEN 'INSERT' THEN 'SELECT * FROM new_rows' WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
                    ELSE 'SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows' END;
    codes text[];
    regions text[];
  BEGIN
    EXECUTE format(CASE TG_ARGV[1]
        WHEN 'code' THEN 'SELECT array_agg(DISTINCT r.code::text) FROM (%s) r'
        WHEN 'station_code' THEN 'SELECT array_agg(DISTINCT r.station_code::text) FROM (%s) r'
        WHEN 'person_id' THEN 'SELECT array_agg(DISTINCT p.station_code::text) FROM (%s) r JOIN person p ON p.id = r.person_id'
        WHEN 'snapshot_id' THEN 'SELECT array_agg(DISTINCT x.station_code::text) FROM (%s) r JOIN score_snapshot x ON x.id = r.snapshot_id'
      END, touched) INTO codes;
    codes := coalesce(codes, '{}');
    IF TG_ARGV[1] = 'code' THEN
      -- A station's own rows: old and new regions (a station moving county changes both).
      EXECUTE format('SELECT array_agg(DISTINCT g) FROM (%s) r, unnest(ARRAY[r.province_code, r.city_code, r.county_code]::text[]) g', touched) INTO regions;
    ELSE
      SELECT array_agg(DISTINCT g) INTO regions FROM station s, unnest(ARRAY[s.province_code, s.city_code, s.county_code]::text[]) g WHERE s.code = ANY (codes);
    END IF;
    regions := coalesce(regions, '{}');
    PERFORM pg_notify(TG_ARGV[0], json_build_object(
      't', TG_TABLE_NAME,
      's', CASE WHEN cardinality(codes) > 400 THEN NULL ELSE codes END,
      'r', CASE WHEN cardinality(regions) > 400 THEN NULL ELSE regions END)::text);
    RETURN NULL;
  END $$`;
