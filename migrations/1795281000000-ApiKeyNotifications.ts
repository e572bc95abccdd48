import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * NOTIFY scorecard_api_key (payload: the key's id) at commit when a key is revoked, deleted
 * or changes what it grants, so that every API process drops the keys it keeps in memory
 * at once, whoever changed them (another API process, `npm run apikey -- revoke`, plain
 * SQL). `last_used_at` is left out: it moves on use and grants nothing.
 * Written by hand: TypeORM does not model triggers (the drift check ignores them).
 */
export class ApiKeyNotifications1795281000000 implements MigrationInterface {
  name = 'ApiKeyNotifications1795281000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "notify_api_key_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scorecard_api_key', coalesce(NEW.id, OLD.id)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "trg_api_key_notify" AFTER UPDATE OF "prefix", "secret_hash", "role", "region_code", "revoked_at" OR DELETE ON "api_key"
       FOR EACH ROW EXECUTE FUNCTION "notify_api_key_changed"()`,
    );
    await queryRunner.query(`CREATE FUNCTION "notify_api_keys_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('scorecard_api_key', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_api_key_notify_truncate" AFTER TRUNCATE ON "api_key" FOR EACH STATEMENT EXECUTE FUNCTION "notify_api_keys_truncated"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_api_key_notify_truncate" ON "api_key"`);
    await queryRunner.query(`DROP FUNCTION "notify_api_keys_truncated"()`);
    await queryRunner.query(`DROP TRIGGER "trg_api_key_notify" ON "api_key"`);
    await queryRunner.query(`DROP FUNCTION "notify_api_key_changed"()`);
  }
}
