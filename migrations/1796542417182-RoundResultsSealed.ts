import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Round tables GraphQL reads (rating_round already notifies): the response cache must hear of their changes. */
const NOTIFYING = [
  'round_application',
  'round_application_transition',
  'round_criterion_review',
  'round_inspection',
  'round_missing_item_decision',
  'round_objection',
  'round_result',
  'round_award_revocation',
];

/**
 * Confirmed round results are sealed: round_result keeps what each result was computed from
 * (`inputs`, so verification reads nothing mutable), and triggers refuse any UPDATE or DELETE
 * of a result, a new result in a round already CONFIRMED, and any change of a confirmed
 * round's status, chain head or confirmation. The round tables also notify the station-data
 * channel (StationDataNotifications) so that cached GraphQL answers about rounds are dropped.
 */
export class RoundResultsSealed1796542417182 implements MigrationInterface {
  name = 'RoundResultsSealed1796542417182';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_result" ADD "inputs" jsonb NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION round_result_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF EXISTS (SELECT 1 FROM rating_round WHERE id = NEW.round_id AND status = 'CONFIRMED') THEN
            RAISE EXCEPTION 'round % is confirmed: its results are sealed', NEW.round_id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'round_result rows are written once (% refused for %)', TG_OP, OLD.application_id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_round_result_sealed BEFORE INSERT OR UPDATE OR DELETE ON round_result FOR EACH ROW EXECUTE FUNCTION round_result_sealed()`);
    await queryRunner.query(`
      CREATE FUNCTION rating_round_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'CONFIRMED' THEN
            RAISE EXCEPTION 'round % is confirmed and cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'CONFIRMED' AND (NEW.status IS DISTINCT FROM OLD.status OR NEW.chain_head IS DISTINCT FROM OLD.chain_head
            OR NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at OR NEW.confirmed_by IS DISTINCT FROM OLD.confirmed_by) THEN
          RAISE EXCEPTION 'round % is confirmed: its status, chain head and confirmation are sealed', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_rating_round_sealed BEFORE UPDATE OR DELETE ON rating_round FOR EACH ROW EXECUTE FUNCTION rating_round_sealed()`);
    for (const table of NOTIFYING) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_notify_station_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_station_data_changed"()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of NOTIFYING) await queryRunner.query(`DROP TRIGGER "trg_${table}_notify_station_data" ON "${table}"`);
    await queryRunner.query(`DROP TRIGGER tr_rating_round_sealed ON rating_round`);
    await queryRunner.query(`DROP FUNCTION rating_round_sealed()`);
    await queryRunner.query(`DROP TRIGGER tr_round_result_sealed ON round_result`);
    await queryRunner.query(`DROP FUNCTION round_result_sealed()`);
    await queryRunner.query(`ALTER TABLE "round_result" DROP COLUMN "inputs"`);
  }
}
