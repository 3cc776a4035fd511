import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time zone an alliance's calendar dates (2026-12-01 in a list or a workbook) are whole
 * days of, and its reports' months. Null: the deployment's ALLIANCE_TIME_ZONE.
 */
export class AllianceTimeZone1796083200000 implements MigrationInterface {
  name = 'AllianceTimeZone1796083200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_policies" ADD "time_zone" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_policies" DROP COLUMN "time_zone"`);
  }
}
