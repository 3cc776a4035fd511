import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 完成报告: the claiming units' reports of work done (note, hours, optional photo), one per
 * project and unit, which the community confirms against. Generated from the entity, then reviewed.
 */
export class WorkReports1796256000000 implements MigrationInterface {
  name = 'WorkReports1796256000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "project_work_reports" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "project_id" uuid NOT NULL, "unit_id" text NOT NULL, "note" text NOT NULL, "hours" numeric(6,1) NOT NULL, "photo" bytea, "photo_type" text, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_81b1fb4d8f374b02a522c8b2ff" CHECK ("hours" > 0 AND ("photo" IS NULL) = ("photo_type" IS NULL)), CONSTRAINT "PK_7a0e87052f146b1290329a3a0aa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "project_work_reports_once_per_unit" ON "project_work_reports"  ("project_id", "unit_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "project_work_reports" ADD CONSTRAINT "FK_99954ab4188e5b073d4faabed2c" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "project_work_reports" DROP CONSTRAINT "FK_99954ab4188e5b073d4faabed2c"`,
    );
    await queryRunner.query(`DROP INDEX "public"."project_work_reports_once_per_unit"`);
    await queryRunner.query(`DROP TABLE "project_work_reports"`);
  }
}
