// One row per snapshot: the criterion and indicator results move from score_criterion (121
// rows per snapshot) and score_indicator (72 rows) into two JSON arrays of the snapshot row
// (json, not jsonb: written and read as text, 4 times cheaper to insert with lz4 than jsonb
// with pglz; the views unnest it a little slower).
// Existing snapshots are folded into the new columns, then the tables are dropped and
// replaced by views of the same names and columns, so that SQL written against them
// (reports, tests, the region summary) keeps working. Snapshots become immutable in what
// they say: a trigger refuses updates of the result columns.
import type { MigrationInterface, QueryRunner } from 'typeorm';

// A criterion element: [criterion_id, points, max, source, assessed, status, reason].
const CRITERION_VIEW = `CREATE VIEW "score_criterion" AS
  SELECT sn."id" AS "snapshot_id", (e->>0)::varchar(24) AS "criterion_id", (e->>1)::numeric(3,1) AS "points", (e->>2)::numeric(3,1) AS "max",
         (e->>3)::varchar(8) AS "source", (e->>4)::boolean AS "assessed", (e->>5)::varchar(24) AS "status", (e->>6)::text AS "reason"
  FROM "score_snapshot" sn CROSS JOIN LATERAL json_array_elements(sn."criteria") AS e`;

// An indicator element: [indicator_id, level, points, max, applicable_max].
const INDICATOR_VIEW = `CREATE VIEW "score_indicator" AS
  SELECT sn."id" AS "snapshot_id", (e->>0)::varchar(24) AS "indicator_id", (e->>1)::smallint AS "level", (e->>2)::numeric(4,1) AS "points",
         (e->>3)::numeric(4,1) AS "max", (e->>4)::numeric(4,1) AS "applicable_max"
  FROM "score_snapshot" sn CROSS JOIN LATERAL json_array_elements(sn."indicators") AS e`;

// Ids are dotted numbers ("4.15.32.1", rubric/build.ts): numeric order is rubric order.
const RUBRIC_ORDER = (column: string) => `string_to_array(${column}, '.')::int[]`;

export class CompactScoreSnapshots1796551011562 implements MigrationInterface {
  name = 'CompactScoreSnapshots1796551011562';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "score_snapshot" ADD "criteria" json NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "score_snapshot" ADD "indicators" json NOT NULL DEFAULT '[]'`);
    // lz4 compresses a snapshot's ~12 KB of criteria several times faster than the default
    // pglz; a server built without it keeps pglz.
    await queryRunner.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE "score_snapshot" ALTER COLUMN "criteria" SET COMPRESSION lz4, ALTER COLUMN "indicators" SET COMPRESSION lz4;
      END IF;
    END $$`);
    await queryRunner.query(`UPDATE "score_snapshot" sn SET
      "criteria" = coalesce((SELECT json_agg(json_build_array(c."criterion_id", c."points", c."max", c."source", c."assessed", c."status", c."reason")
                                             ORDER BY ${RUBRIC_ORDER('c."criterion_id"')})
                             FROM "score_criterion" c WHERE c."snapshot_id" = sn."id"), '[]'),
      "indicators" = coalesce((SELECT json_agg(json_build_array(i."indicator_id", i."level", i."points", i."max", i."applicable_max")
                                               ORDER BY ${RUBRIC_ORDER('i."indicator_id"')})
                               FROM "score_indicator" i WHERE i."snapshot_id" = sn."id"), '[]')
      WHERE EXISTS (SELECT 1 FROM "score_criterion" c WHERE c."snapshot_id" = sn."id") OR EXISTS (SELECT 1 FROM "score_indicator" i WHERE i."snapshot_id" = sn."id")`);
    await queryRunner.query(`DROP TABLE "score_criterion"`);
    await queryRunner.query(`DROP TABLE "score_indicator"`);
    await queryRunner.query(CRITERION_VIEW);
    await queryRunner.query(INDICATOR_VIEW);
    await queryRunner.query(`CREATE FUNCTION "score_snapshot_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'score snapshot % is immutable: write a new snapshot instead', OLD."id" USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "trg_score_snapshot_immutable" BEFORE UPDATE ON "score_snapshot" FOR EACH ROW
      WHEN (OLD."criteria"::text IS DISTINCT FROM NEW."criteria"::text OR OLD."indicators"::text IS DISTINCT FROM NEW."indicators"::text OR OLD."result_digest" IS DISTINCT FROM NEW."result_digest"
            OR OLD."total" IS DISTINCT FROM NEW."total" OR OLD."stars" IS DISTINCT FROM NEW."stars")
      EXECUTE FUNCTION "score_snapshot_immutable"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_score_snapshot_immutable" ON "score_snapshot"`);
    await queryRunner.query(`DROP FUNCTION "score_snapshot_immutable"()`);
    await queryRunner.query(`DROP VIEW "score_indicator"`);
    await queryRunner.query(`DROP VIEW "score_criterion"`);
    await queryRunner.query(
      `CREATE TABLE "score_indicator" ("snapshot_id" bigint NOT NULL, "indicator_id" character varying(24) NOT NULL, "level" smallint NOT NULL, "points" numeric(4,1) NOT NULL, "max" numeric(4,1) NOT NULL, "applicable_max" numeric(4,1) NOT NULL, CONSTRAINT "ck_score_indicator_points_7f69ea5a" CHECK ("points" >= 0 AND "points" <= "max" AND "applicable_max" <= "max"), CONSTRAINT "ck_score_indicator_level_95f6929d" CHECK ("level" BETWEEN 1 AND 3), CONSTRAINT "PK_458eec2474e47dc4c95b021adf7" PRIMARY KEY ("snapshot_id", "indicator_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "score_criterion" ("snapshot_id" bigint NOT NULL, "criterion_id" character varying(24) NOT NULL, "points" numeric(3,1) NOT NULL, "max" numeric(3,1) NOT NULL, "source" character varying(8) NOT NULL, "assessed" boolean NOT NULL DEFAULT false, "status" character varying(24) NOT NULL, "reason" text NOT NULL, CONSTRAINT "ck_score_criterion_points_e6576469" CHECK ("points" >= 0 AND "points" <= "max"), CONSTRAINT "ck_score_criterion_status_e83416f6" CHECK ("status" IN ('MET', 'PARTLY_MET', 'NOT_MET', 'MISSING_ITEM', 'PENDING_ASSESSMENT')), CONSTRAINT "ck_score_criterion_source_76523b91" CHECK ("source" IN ('DATA', 'ATTESTED', 'ASSESSED')), CONSTRAINT "PK_51af5198e0637891f74c24ee838" PRIMARY KEY ("snapshot_id", "criterion_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_indicator" ADD CONSTRAINT "fk_score_indicator_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "score_snapshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "score_criterion" ADD CONSTRAINT "fk_score_criterion_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "score_snapshot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO "score_indicator" ("snapshot_id", "indicator_id", "level", "points", "max", "applicable_max")
      SELECT sn."id", e->>0, (e->>1)::smallint, (e->>2)::numeric, (e->>3)::numeric, (e->>4)::numeric FROM "score_snapshot" sn CROSS JOIN LATERAL json_array_elements(sn."indicators") AS e`);
    await queryRunner.query(`INSERT INTO "score_criterion" ("snapshot_id", "criterion_id", "points", "max", "source", "assessed", "status", "reason")
      SELECT sn."id", e->>0, (e->>1)::numeric, (e->>2)::numeric, e->>3, (e->>4)::boolean, e->>5, e->>6 FROM "score_snapshot" sn CROSS JOIN LATERAL json_array_elements(sn."criteria") AS e`);
    for (const table of ['score_indicator', 'score_criterion']) {
      await queryRunner.query(
        `CREATE TRIGGER "trg_${table}_notify_station_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "notify_station_data_changed"()`,
      );
    }
    await queryRunner.query(`ALTER TABLE "score_snapshot" DROP COLUMN "indicators"`);
    await queryRunner.query(`ALTER TABLE "score_snapshot" DROP COLUMN "criteria"`);
  }
}
