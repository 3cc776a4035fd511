import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects (项目清单): one per demand item being served, its allocations with their score
 * explanations, and the audit trail of every decision. Generated from the entities with
 * TypeORM's schema builder, then reviewed.
 */
export class ProjectsSchema1795305600000 implements MigrationInterface {
  name = 'ProjectsSchema1795305600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alliance_id" text NOT NULL, "demand_item_pk" bigint, "status" text NOT NULL, "requested" integer NOT NULL, "unmet" integer NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_cd9b08fd6c49e0b6d8b3648d1b" CHECK ("status" IN ('proposed', 'approved', 'offered', 'claimed', 'in-progress', 'completed', 'rejected', 'cancelled', 'expired')), CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "projects_alliance_status" ON "projects"  ("alliance_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "projects_one_open_per_demand" ON "projects"  ("demand_item_pk") WHERE status NOT IN ('completed', 'rejected', 'cancelled', 'expired')`,
    );
    await queryRunner.query(
      `CREATE TABLE "project_allocations" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "project_id" uuid NOT NULL, "resource_item_pk" bigint NOT NULL, "unit_id" text NOT NULL, "quantity" integer NOT NULL, "score" double precision NOT NULL, "priority" double precision NOT NULL, "distance_km" double precision NOT NULL, "explanation" jsonb NOT NULL, "pinned" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_eaecf0ba380a7f89a33c61ef39" CHECK ("quantity" > 0), CONSTRAINT "PK_7a462ca39fe5d16b55005e95491" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "project_allocations_resource" ON "project_allocations"  ("resource_item_pk") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "project_allocations_identity" ON "project_allocations"  ("project_id", "resource_item_pk") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "project_id" uuid NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "reason" text, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a8f4006922953e0fc56b38afe3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "project_events_project" ON "project_events"  ("project_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "projects" ADD CONSTRAINT "FK_8da3e0eb0a931bbeefe1fe39e9c" FOREIGN KEY ("demand_item_pk") REFERENCES "demand_items"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_allocations" ADD CONSTRAINT "FK_2109386ac4e87e7a05464681106" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_allocations" ADD CONSTRAINT "FK_99defb0d20479ecaa9b6b242d54" FOREIGN KEY ("resource_item_pk") REFERENCES "resource_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "project_allocations" DROP CONSTRAINT "FK_99defb0d20479ecaa9b6b242d54"`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_allocations" DROP CONSTRAINT "FK_2109386ac4e87e7a05464681106"`,
    );
    await queryRunner.query(`ALTER TABLE "projects" DROP CONSTRAINT "FK_8da3e0eb0a931bbeefe1fe39e9c"`);
    await queryRunner.query(`DROP INDEX "public"."project_events_project"`);
    await queryRunner.query(`DROP TABLE "project_events"`);
    await queryRunner.query(`DROP INDEX "public"."project_allocations_identity"`);
    await queryRunner.query(`DROP INDEX "public"."project_allocations_resource"`);
    await queryRunner.query(`DROP TABLE "project_allocations"`);
    await queryRunner.query(`DROP INDEX "public"."projects_one_open_per_demand"`);
    await queryRunner.query(`DROP INDEX "public"."projects_alliance_status"`);
    await queryRunner.query(`DROP TABLE "projects"`);
  }
}
