import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alliance may let submitters that are not on its roster register by sending a list: they
 * join as pending and wait for the coordinator. Closed (false) unless the alliance opens it.
 * Generated, then reviewed.
 */
export class OpenRegistration1795737600000 implements MigrationInterface {
  name = 'OpenRegistration1795737600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "alliance_policies" ADD "open_registration" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_policies" DROP COLUMN "open_registration"`);
  }
}
