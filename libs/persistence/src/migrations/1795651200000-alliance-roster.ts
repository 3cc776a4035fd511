import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance roster (成员名册) and its audit trail. Generated, then reviewed; the last two
 * statements take over every submitter already stored: each unit and community that sent a
 * list becomes an active member under the name its newest list gave, audited as
 * enrolled-from-lists.
 */
export class AllianceRoster1795651200000 implements MigrationInterface {
  name = 'AllianceRoster1795651200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alliance_member_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "alliance_id" text NOT NULL, "member_kind" text NOT NULL, "member_id" text NOT NULL, "actor" text NOT NULL, "action" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9718a10823e559c9584ae424ecc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "alliance_member_events_member" ON "alliance_member_events" ("alliance_id", "member_kind", "member_id", "at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "alliance_members" ("alliance_id" text NOT NULL, "member_kind" text NOT NULL, "member_id" text NOT NULL, "name" text NOT NULL, "unit_kind" text, "address" text, "lat" double precision, "lng" double precision, "contact_name" text, "contact_phone" text, "status" text NOT NULL DEFAULT 'active', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf5b882916b769d5d13835a833a" PRIMARY KEY ("alliance_id", "member_kind", "member_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "alliance_members" ("alliance_id", "member_kind", "member_id", "name")
       SELECT DISTINCT ON (alliance_id, submitter_kind, submitter_id) alliance_id, submitter_kind, submitter_id, submitter_name
       FROM "lists" ORDER BY alliance_id, submitter_kind, submitter_id, submitted_at DESC, id DESC`,
    );
    await queryRunner.query(
      `INSERT INTO "alliance_member_events" ("alliance_id", "member_kind", "member_id", "actor", "action", "details")
       SELECT alliance_id, member_kind, member_id, 'migration', 'enrolled-from-lists', jsonb_build_object('name', name)
       FROM "alliance_members"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "alliance_members"`);
    await queryRunner.query(`DROP INDEX "public"."alliance_member_events_member"`);
    await queryRunner.query(`DROP TABLE "alliance_member_events"`);
  }
}
