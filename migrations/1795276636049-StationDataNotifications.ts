import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every table a GraphQL query can read that ScoreDataNotifications does not already cover
// (station_score, station, region), and the inputs of a score. Left out on purpose: the
// bookkeeping tables no query reads (audit_log, outbox_event, api_key, idempotency_record,
// recompute_run_chunk); test/dashboard/response-cache-invalidation.spec.ts fails when a
// table of the schema is neither here nor in that list. Frozen here: a later table needs
// a migration of its own.
const TABLES = [
  'person',
  'person_training',
  'person_disciplinary_record',
  'equipment',
  'enforcement_case',
  'complaint_figures',
  'mediation_average',
  'certification',
  'bonus_event',
  'veto_event',
  'annual_review',
  'reviewer_assessment',
  'missing_item_mark',
  'star_policy',
  'rating_round',
  'score_snapshot',
  'score_indicator',
  'score_criterion',
  'recompute_run',
];

/**
 * NOTIFY scorecard_station_data (payload: the table) after any statement on those tables.
 * Together with scorecard_score_data it tells the GraphQL response cache, at commit, that
 * any answer may have changed (src/dashboard/loaders/change-feed.ts), while rankings and
 * summaries stay cached through roster or case pushes (they listen to score data only).
 * Written by hand: TypeORM does not model triggers (the drift check ignores them).
 */
export class StationDataNotifications1795276636049 implements MigrationInterface {
  name = 'StationDataNotifications1795276636049';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_station_data_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scorecard_station_data', TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_notify_station_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_station_data_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER "trg_${table}_notify_station_data" ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION "notify_station_data_changed"()`);
  }
}
