import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartedStaffAndCaseDates1796530183721 implements MigrationInterface {
  name = 'DepartedStaffAndCaseDates1796530183721';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "file_reviewed_on" date`);
    await queryRunner.query(`ALTER TABLE "enforcement_case" ADD "overturned_on" date`);
    await queryRunner.query(`ALTER TABLE "person" ADD "left_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "left_on"`);
    await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "overturned_on"`);
    await queryRunner.query(`ALTER TABLE "enforcement_case" DROP COLUMN "file_reviewed_on"`);
  }
}
