import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alliances' own rules: offer window, points per project, matching weights. Generated, then reviewed. */
export class AlliancePolicies1795478400000 implements MigrationInterface {
  name = 'AlliancePolicies1795478400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alliance_policies" ("alliance_id" text NOT NULL, "offer_window_ms" bigint, "points_per_project" integer, "matching" jsonb NOT NULL DEFAULT '{}', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_683066951893e09c9c91b074bab" PRIMARY KEY ("alliance_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alliance_policies"`);
  }
}
