// Outbox rows notify the relay at commit (channel scorecard_outbox, src/recompute/outbox-wake.ts),
// so a push reaches the recompute queue without waiting for the relay's next poll. Once per
// statement: the relay reads every unrelayed row on its pass.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxRelayWakeUp1796551500000 implements MigrationInterface {
  name = 'OutboxRelayWakeUp1796551500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "wake_outbox_relay"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scorecard_outbox', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_outbox_event_wake_relay" AFTER INSERT ON "outbox_event" FOR EACH STATEMENT EXECUTE FUNCTION "wake_outbox_relay"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_outbox_event_wake_relay" ON "outbox_event"`);
    await queryRunner.query(`DROP FUNCTION "wake_outbox_relay"()`);
  }
}
