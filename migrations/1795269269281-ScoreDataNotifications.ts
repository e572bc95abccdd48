import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NOTIFY scorecard_score_data (payload: the table) after any statement that changes current
 * scores, stations or regions. PostgreSQL delivers notifications at commit, so the GraphQL
 * API can keep province rankings and summaries in memory and drop them the moment a
 * committed change could make them wrong (src/dashboard/loaders/change-feed.ts).
 * Written by hand: TypeORM does not model triggers (the drift check ignores them).
 */
export class ScoreDataNotifications1795269269281 implements MigrationInterface {
  name = 'ScoreDataNotifications1795269269281';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_score_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scorecard_score_data', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of ['station_score', 'station', 'region']) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_notify_score_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_score_data_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['station_score', 'station', 'region']) await queryRunner.query(`DROP TRIGGER "trg_${table}_notify_score_data" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_score_data_changed"()`);
  }
}
