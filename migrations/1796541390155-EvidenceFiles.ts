import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EvidenceFiles1796541390155 implements MigrationInterface {
  name = 'EvidenceFiles1796541390155';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "file_object" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "sha256" character(64) NOT NULL, "size" bigint NOT NULL, "content_type" character varying(128) NOT NULL, "original_name" character varying(255) NOT NULL, "uploaded_by_key_id" uuid NOT NULL, "uploaded_by_region" character(6) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_file_object_size_4910cef5" CHECK ("size" > 0), CONSTRAINT "ck_file_object_sha256_53dc831a" CHECK ("sha256" ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_1994186c0a6bafbb6ccc8bc1853" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_file_object_uploader" ON "file_object"  ("uploaded_by_key_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_file_object_sha256" ON "file_object"  ("sha256") `);
    await queryRunner.query(`CREATE TABLE "file_attachment" ("file_id" uuid NOT NULL, "owner_kind" character varying(16) NOT NULL, "owner_id" uuid NOT NULL, "station_code" character varying(32) NOT NULL, CONSTRAINT "ck_file_attachment_owner_kind_54cc02dc" CHECK ("owner_kind" IN ('APPLICATION', 'REVIEW', 'INSPECTION')), CONSTRAINT "PK_d103ec9153c8035e7f1d7a7be1f" PRIMARY KEY ("file_id", "owner_kind", "owner_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_file_attachment_station" ON "file_attachment"  ("station_code") `);
    await queryRunner.query(`CREATE INDEX "ix_file_attachment_owner" ON "file_attachment"  ("owner_kind", "owner_id") `);
    await queryRunner.query(`ALTER TABLE "file_attachment" ADD CONSTRAINT "fk_file_attachment_file" FOREIGN KEY ("file_id") REFERENCES "file_object"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "file_attachment" ADD CONSTRAINT "fk_file_attachment_station" FOREIGN KEY ("station_code") REFERENCES "station"("code") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "fk_file_attachment_station"`);
    await queryRunner.query(`ALTER TABLE "file_attachment" DROP CONSTRAINT "fk_file_attachment_file"`);
    await queryRunner.query(`DROP INDEX "public"."ix_file_attachment_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_file_attachment_station"`);
    await queryRunner.query(`DROP TABLE "file_attachment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_file_object_sha256"`);
    await queryRunner.query(`DROP INDEX "public"."ix_file_object_uploader"`);
    await queryRunner.query(`DROP TABLE "file_object"`);
  }
}
