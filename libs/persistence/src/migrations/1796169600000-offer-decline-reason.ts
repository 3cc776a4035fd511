import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a unit declined an offer, when it said: the coordinator sees it on the project. */
export class OfferDeclineReason1796169600000 implements MigrationInterface {
  name = 'OfferDeclineReason1796169600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" ADD "decline_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" DROP COLUMN "decline_reason"`);
  }
}
