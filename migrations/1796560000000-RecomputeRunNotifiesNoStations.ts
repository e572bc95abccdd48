import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A statement on recompute_run (a run queued, a chunk counted, a run finished) notified
 * table-wide, so every recompute run emptied every cached GraphQL answer of every process
 * once per chunk: a province-wide run in the working day left dashboards uncached for its
 * whole length. No station or region answer reads runs; only the root field `recomputeRuns`
 * does, and the response cache drops such answers (scope "anything") at any change. The
 * payload now names no station and no region (`{"t":"recompute_run","s":[],"r":[]}`), which
 * drops exactly those (src/database/change-feed.ts, parseDataChange). TRUNCATE stays
 * table-wide. Written by hand: TypeORM does not model triggers.
 */
export class RecomputeRunNotifiesNoStations1796560000000 implements MigrationInterface {
  name = 'RecomputeRunNotifiesNoStations1796560000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_no_station_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify(TG_ARGV[0], json_build_object('t', TG_TABLE_NAME, 's', json_build_array(), 'r', json_build_array())::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`DROP TRIGGER "trg_recompute_run_notify_station_data" ON "recompute_run"`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_recompute_run_notify_rows" AFTER INSERT OR UPDATE OR DELETE ON "recompute_run" FOR EACH STATEMENT EXECUTE FUNCTION "notify_no_station_changed"('scorecard_station_data')`,
    );
    await queryRunner.query(`CREATE TRIGGER "trg_recompute_run_notify_truncate" AFTER TRUNCATE ON "recompute_run" FOR EACH STATEMENT EXECUTE FUNCTION "notify_station_data_changed"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_recompute_run_notify_truncate" ON "recompute_run"`);
    await queryRunner.query(`DROP TRIGGER "trg_recompute_run_notify_rows" ON "recompute_run"`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_recompute_run_notify_station_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "recompute_run" FOR EACH STATEMENT EXECUTE FUNCTION "notify_station_data_changed"()`,
    );
    await queryRunner.query(`DROP FUNCTION "notify_no_station_changed"()`);
  }
}
