import type { MigrationInterface, QueryRunner } from 'typeorm';

// The national default star policy as it stood when this migration was written (a migration
// does not follow later code).
const NATIONAL_DEFAULT_POLICY_AT_MIGRATION = JSON.stringify({"id":"national-default","name":"全国默认星级标准","provinceCode":null,"rubricVersion":"national-2023","levels":[{"stars":5,"indicatorSet":"ALL","threshold":90,"includeBonus":true},{"stars":4,"indicatorSet":"STARRED","threshold":85,"includeBonus":true},{"stars":3,"indicatorSet":"STARRED","threshold":75,"includeBonus":true}],"caseEntryDeadlineDays":7});

export class RatingRounds1796541603606 implements MigrationInterface {
  name = 'RatingRounds1796541603606';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_closed_7dc7b2b2"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_status_5d91057e"`);
    await queryRunner.query(`CREATE TABLE "round_application" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "round_id" uuid NOT NULL, "station_code" character varying(32) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'DRAFT', "materials" jsonb NOT NULL DEFAULT '[]', "missing_items" jsonb NOT NULL DEFAULT '[]', "certification" jsonb, "submitted_at" TIMESTAMP WITH TIME ZONE, "frozen_facts" jsonb, "frozen_input_hash" character(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_round_application_station" UNIQUE ("round_id", "station_code"), CONSTRAINT "ck_round_application_frozen_5b9e9eb8" CHECK (("frozen_facts" IS NULL) = ("frozen_input_hash" IS NULL) AND ("status" IN ('DRAFT', 'RETURNED') OR ("frozen_facts" IS NOT NULL AND "submitted_at" IS NOT NULL))), CONSTRAINT "ck_round_application_status_d92b8f3d" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'IN_REVIEW', 'REVIEWED', 'AWARDED', 'NOT_AWARDED', 'REVOKED')), CONSTRAINT "PK_7660b43189eb41385abcad1ce94" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_round_application_station" ON "round_application"  ("station_code") `);
    await queryRunner.query(`CREATE TABLE "round_application_transition" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "application_id" uuid NOT NULL, "from_status" character varying(12), "to_status" character varying(12) NOT NULL, "actor_key_id" uuid, "actor_role" character varying(8) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "reason" text, CONSTRAINT "ck_round_application_transition_role_004e146a" CHECK ("actor_role" = 'SYSTEM' OR "actor_role" IN ('COUNTY', 'CITY', 'PROVINCE', 'ADMIN')), CONSTRAINT "ck_round_application_transition_to_c2948909" CHECK ("to_status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'IN_REVIEW', 'REVIEWED', 'AWARDED', 'NOT_AWARDED', 'REVOKED')), CONSTRAINT "ck_round_application_transition_from_51474407" CHECK ("from_status" IS NULL OR "from_status" IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'IN_REVIEW', 'REVIEWED', 'AWARDED', 'NOT_AWARDED', 'REVOKED')), CONSTRAINT "PK_596c43ae71c5df16432f882d493" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_round_application_transition_application" ON "round_application_transition"  ("application_id", "id") `);
    await queryRunner.query(`CREATE TABLE "round_result" ("application_id" uuid NOT NULL, "round_id" uuid NOT NULL, "station_code" character varying(32) NOT NULL, "seq" integer NOT NULL, "input_hash" character(64) NOT NULL, "result_digest" character(64) NOT NULL, "previous_hash" character(64), "chain_hash" character(64) NOT NULL, "result" jsonb NOT NULL, "total" numeric(5,2) NOT NULL, "stars" smallint NOT NULL, "awarded" boolean NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "uq_round_result_seq" UNIQUE ("round_id", "seq"), CONSTRAINT "ck_round_result_stars_dc53d391" CHECK ("stars" BETWEEN 0 AND 5), CONSTRAINT "ck_round_result_seq_a9a3135c" CHECK ("seq" >= 1 AND ("seq" = 1) = ("previous_hash" IS NULL)), CONSTRAINT "PK_eb05032f604d99e33526805c575" PRIMARY KEY ("application_id"))`);
    await queryRunner.query(`CREATE TABLE "round_award_revocation" ("application_id" uuid NOT NULL, "reason" text NOT NULL, "revoked_by" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bbee4178f2d928565f917186a60" PRIMARY KEY ("application_id"))`);
    await queryRunner.query(`CREATE TABLE "round_criterion_review" ("application_id" uuid NOT NULL, "criterion_id" character varying(24) NOT NULL, "points" numeric(5,1) NOT NULL, "note" text NOT NULL DEFAULT '', "file_ids" uuid array NOT NULL DEFAULT '{}', "reviewed_by" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_round_criterion_review_points_ed5582d8" CHECK ("points" >= 0 AND "points" * 2 = trunc("points" * 2)), CONSTRAINT "PK_0d696c470dcaed6ceb3ae325113" PRIMARY KEY ("application_id", "criterion_id"))`);
    await queryRunner.query(`CREATE TABLE "round_inspection" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "application_id" uuid NOT NULL, "date" date NOT NULL, "inspectors" text array NOT NULL, "findings" text NOT NULL, "adjustments" jsonb NOT NULL DEFAULT '[]', "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_098448ae5dd7f1d86b220e756d9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_round_inspection_application" ON "round_inspection"  ("application_id", "recorded_at") `);
    await queryRunner.query(`CREATE TABLE "round_missing_item_decision" ("application_id" uuid NOT NULL, "item_id" character varying(24) NOT NULL, "accepted" boolean NOT NULL, "reason" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4f877d527b156c3d57d58dc343d" PRIMARY KEY ("application_id", "item_id"))`);
    await queryRunner.query(`CREATE TABLE "round_objection" ("id" uuid NOT NULL DEFAULT uuid_generate_v4(), "application_id" uuid NOT NULL, "received_on" date NOT NULL, "from_whom" text NOT NULL, "content" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'OPEN', "resolution_reason" text, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_round_objection_resolved_cdbcac4d" CHECK (("status" = 'OPEN') = ("resolved_at" IS NULL) AND ("status" = 'OPEN' OR "resolution_reason" IS NOT NULL)), CONSTRAINT "ck_round_objection_status_037b668c" CHECK ("status" IN ('OPEN', 'UPHELD', 'DISMISSED')), CONSTRAINT "PK_ca6ae2c7fb827bb3305651bfe5d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_round_objection_application" ON "round_objection"  ("application_id", "recorded_at") `);
    // Rounds opened before this migration (OPEN/CLOSED with a cut-off only) survive: a closed
    // one is in REVIEW since it was closed; the new terms get the defaults of openRound (5★,
    // the 4 months ending with the cut-off's month, 7 days of publication) and the star
    // policy named by star_policy_id (the national default, as it stood, when none matches).
    await queryRunner.query(`ALTER TABLE "rating_round" RENAME COLUMN "closed_at" TO "applications_closed_at"`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "status" TYPE character varying(12)`);
    await queryRunner.query(`UPDATE "rating_round" SET "status" = 'REVIEW' WHERE "status" = 'CLOSED'`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "level" character varying(10) NOT NULL DEFAULT 'FIVE_STAR'`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "case_sample_from" date`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "case_sample_to" date`);
    await queryRunner.query(`UPDATE "rating_round" SET "case_sample_from" = (date_trunc('month', "cut_off") - interval '3 months')::date, "case_sample_to" = "cut_off"`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "case_sample_from" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "case_sample_to" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "application_deadline" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`UPDATE "rating_round" SET "application_deadline" = coalesce("applications_closed_at", "opened_at")`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "application_deadline" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "publication_days" smallint NOT NULL DEFAULT 7`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "publication_from" date`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "publication_to" date`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "star_policy" jsonb`);
    await queryRunner.query(
      `UPDATE "rating_round" r SET "star_policy" = coalesce(
         (SELECT jsonb_build_object('id', p.id::text, 'name', p.name, 'provinceCode', p.province_code, 'rubricVersion', p.rubric_version, 'levels', p.levels, 'caseEntryDeadlineDays', p.case_entry_deadline_days)
          FROM "star_policy" p WHERE p.id::text = r.star_policy_id),
         $1::jsonb)`,
      [NATIONAL_DEFAULT_POLICY_AT_MIGRATION],
    );
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "star_policy" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "published_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "confirmed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "confirmed_by" uuid`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "early_confirm_reason" text`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "chain_head" character(64)`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD "version" integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "level" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "publication_days" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "version" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_confirmed_f070be14" CHECK (("status" = 'CONFIRMED') = ("confirmed_at" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_published_3d23410e" CHECK ("status" NOT IN ('PUBLICIZING', 'CONFIRMED') OR ("published_at" IS NOT NULL AND "publication_from" IS NOT NULL))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_closed_65149f23" CHECK (("status" = 'OPEN') = ("applications_closed_at" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_publication_4d75f011" CHECK (("publication_from" IS NULL) = ("publication_to" IS NULL) AND ("publication_from" IS NULL OR "publication_from" <= "publication_to"))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_publication_days_716f81ba" CHECK ("publication_days" BETWEEN 1 AND 60)`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_sample_b414a228" CHECK ("case_sample_from" <= "case_sample_to" AND "case_sample_to" <= "cut_off")`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_level_105a5c5f" CHECK ("level" IN ('FIVE_STAR', 'FOUR_STAR', 'THREE_STAR'))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_status_9d052741" CHECK ("status" IN ('OPEN', 'REVIEW', 'PUBLICIZING', 'CONFIRMED'))`);
    await queryRunner.query(`ALTER TABLE "round_application" ADD CONSTRAINT "fk_round_application_round" FOREIGN KEY ("round_id") REFERENCES "rating_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_application" ADD CONSTRAINT "fk_round_application_station" FOREIGN KEY ("station_code") REFERENCES "station"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_application_transition" ADD CONSTRAINT "fk_round_application_transition_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_result" ADD CONSTRAINT "fk_round_result_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_result" ADD CONSTRAINT "fk_round_result_round" FOREIGN KEY ("round_id") REFERENCES "rating_round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_result" ADD CONSTRAINT "fk_round_result_station" FOREIGN KEY ("station_code") REFERENCES "station"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_award_revocation" ADD CONSTRAINT "fk_round_award_revocation_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_criterion_review" ADD CONSTRAINT "fk_round_criterion_review_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_inspection" ADD CONSTRAINT "fk_round_inspection_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_missing_item_decision" ADD CONSTRAINT "fk_round_missing_item_decision_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "round_objection" ADD CONSTRAINT "fk_round_objection_application" FOREIGN KEY ("application_id") REFERENCES "round_application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "round_objection" DROP CONSTRAINT "fk_round_objection_application"`);
    await queryRunner.query(`ALTER TABLE "round_missing_item_decision" DROP CONSTRAINT "fk_round_missing_item_decision_application"`);
    await queryRunner.query(`ALTER TABLE "round_inspection" DROP CONSTRAINT "fk_round_inspection_application"`);
    await queryRunner.query(`ALTER TABLE "round_criterion_review" DROP CONSTRAINT "fk_round_criterion_review_application"`);
    await queryRunner.query(`ALTER TABLE "round_award_revocation" DROP CONSTRAINT "fk_round_award_revocation_application"`);
    await queryRunner.query(`ALTER TABLE "round_result" DROP CONSTRAINT "fk_round_result_station"`);
    await queryRunner.query(`ALTER TABLE "round_result" DROP CONSTRAINT "fk_round_result_round"`);
    await queryRunner.query(`ALTER TABLE "round_result" DROP CONSTRAINT "fk_round_result_application"`);
    await queryRunner.query(`ALTER TABLE "round_application_transition" DROP CONSTRAINT "fk_round_application_transition_application"`);
    await queryRunner.query(`ALTER TABLE "round_application" DROP CONSTRAINT "fk_round_application_station"`);
    await queryRunner.query(`ALTER TABLE "round_application" DROP CONSTRAINT "fk_round_application_round"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_status_9d052741"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_level_105a5c5f"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_sample_b414a228"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_publication_days_716f81ba"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_publication_4d75f011"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_closed_65149f23"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_published_3d23410e"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP CONSTRAINT "ck_rating_round_confirmed_f070be14"`);
    await queryRunner.query(`UPDATE "rating_round" SET "status" = 'CLOSED', "applications_closed_at" = coalesce("applications_closed_at", now()) WHERE "status" <> 'OPEN'`);
    await queryRunner.query(`ALTER TABLE "rating_round" ALTER COLUMN "status" TYPE character varying(8)`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "chain_head"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "early_confirm_reason"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "confirmed_by"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "published_at"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "star_policy"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "publication_to"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "publication_from"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "publication_days"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "application_deadline"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "case_sample_to"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "case_sample_from"`);
    await queryRunner.query(`ALTER TABLE "rating_round" DROP COLUMN "level"`);
    await queryRunner.query(`ALTER TABLE "rating_round" RENAME COLUMN "applications_closed_at" TO "closed_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_round_objection_application"`);
    await queryRunner.query(`DROP TABLE "round_objection"`);
    await queryRunner.query(`DROP TABLE "round_missing_item_decision"`);
    await queryRunner.query(`DROP INDEX "public"."ix_round_inspection_application"`);
    await queryRunner.query(`DROP TABLE "round_inspection"`);
    await queryRunner.query(`DROP TABLE "round_criterion_review"`);
    await queryRunner.query(`DROP TABLE "round_award_revocation"`);
    await queryRunner.query(`DROP TABLE "round_result"`);
    await queryRunner.query(`DROP INDEX "public"."ix_round_application_transition_application"`);
    await queryRunner.query(`DROP TABLE "round_application_transition"`);
    await queryRunner.query(`DROP INDEX "public"."ix_round_application_station"`);
    await queryRunner.query(`DROP TABLE "round_application"`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_status_5d91057e" CHECK (((status)::text = ANY ((ARRAY['OPEN'::character varying, 'CLOSED'::character varying])::text[])))`);
    await queryRunner.query(`ALTER TABLE "rating_round" ADD CONSTRAINT "ck_rating_round_closed_7dc7b2b2" CHECK ((((status)::text = 'CLOSED'::text) = (closed_at IS NOT NULL)))`);
  }
}
