import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake's schema: lists and their items, the processed-message table that makes
 * redelivery harmless, the transactional outbox, kept rejections, and alliance taxonomy
 * extensions. Generated from the entities with TypeORM's schema builder, then reviewed.
 */
export class InitialIntakeSchema1795219200000 implements MigrationInterface {
  name = 'InitialIntakeSchema1795219200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alliance_categories" ("alliance_id" text NOT NULL, "category" text NOT NULL, "parent_category" text, "label" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c208e3880a3ef2a9689ff7828e" PRIMARY KEY ("alliance_id", "category"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "lists" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "kind" text NOT NULL, "submitter_kind" text NOT NULL, "submitter_id" text NOT NULL, "submitter_name" text NOT NULL, "list_id" text NOT NULL, "alliance_id" text NOT NULL, "revision" integer NOT NULL, "content_hash" text NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "document" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_859fc146112f00409c3e7cb790" CHECK ("kind" IN ('resource', 'demand') AND "submitter_kind" IN ('unit', 'community') AND "revision" >= 1), CONSTRAINT "PK_268b525e9a6dd04d0685cb2aaaa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "lists_alliance" ON "lists"  ("alliance_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "lists_identity" ON "lists"  ("kind", "submitter_kind", "submitter_id", "list_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "demand_items" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "list_pk" bigint NOT NULL, "item_id" text NOT NULL, "revision" integer NOT NULL, "status" text NOT NULL DEFAULT 'open', "category" text NOT NULL, "title" text NOT NULL, "description" text, "quantity" integer NOT NULL, "quantity_unit" text NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "address" text, "tags" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "window_from" TIMESTAMP WITH TIME ZONE NOT NULL, "window_to" TIMESTAMP WITH TIME ZONE NOT NULL, "urgency" text NOT NULL, "beneficiaries" integer, CONSTRAINT "CHK_5958b7260702aa256019b79c54" CHECK ("quantity" > 0), CONSTRAINT "PK_b83129162a011473e9c9fa1b180" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "demand_items_matchable" ON "demand_items"  ("category", "quantity_unit", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "demand_items_identity" ON "demand_items"  ("list_pk", "item_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "intake_rejections" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "list_kind" text NOT NULL, "channel" text NOT NULL, "message_key" text, "list_id" text, "submitter_id" text, "problems" jsonb NOT NULL, "raw_excerpt" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6082b81ff01810b8aaff4878ca8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "intake_rejections_submitter" ON "intake_rejections"  ("submitter_id", "list_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "topic" text NOT NULL, "message_key" text, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_events_unpublished" ON "outbox_events"  ("id") WHERE published_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "processed_messages" ("consumer_group" text NOT NULL, "topic" text NOT NULL, "partition" integer NOT NULL, "message_offset" bigint NOT NULL, "outcome" text NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b610a3c6216f13f5a2089fe0531" PRIMARY KEY ("consumer_group", "topic", "partition", "message_offset"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "resource_items" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "list_pk" bigint NOT NULL, "item_id" text NOT NULL, "revision" integer NOT NULL, "status" text NOT NULL DEFAULT 'open', "category" text NOT NULL, "title" text NOT NULL, "description" text, "quantity" integer NOT NULL, "quantity_unit" text NOT NULL, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "address" text, "tags" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "service_radius_km" double precision NOT NULL, "available_from" TIMESTAMP WITH TIME ZONE NOT NULL, "available_to" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_4a5197e612b2896d6469db1d36" CHECK ("quantity" > 0), CONSTRAINT "PK_15808b1ddbbc63a1af6f72f6fe1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "resource_items_matchable" ON "resource_items"  ("category", "quantity_unit", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "resource_items_identity" ON "resource_items"  ("list_pk", "item_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "demand_items" ADD CONSTRAINT "FK_840042e8312d1a847ebab7b4f98" FOREIGN KEY ("list_pk") REFERENCES "lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "resource_items" ADD CONSTRAINT "FK_51488a4647e8926c2ee9744a348" FOREIGN KEY ("list_pk") REFERENCES "lists"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "resource_items" DROP CONSTRAINT "FK_51488a4647e8926c2ee9744a348"`);
    await queryRunner.query(`ALTER TABLE "demand_items" DROP CONSTRAINT "FK_840042e8312d1a847ebab7b4f98"`);
    await queryRunner.query(`DROP INDEX "public"."resource_items_identity"`);
    await queryRunner.query(`DROP INDEX "public"."resource_items_matchable"`);
    await queryRunner.query(`DROP TABLE "resource_items"`);
    await queryRunner.query(`DROP TABLE "processed_messages"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_events_unpublished"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
    await queryRunner.query(`DROP INDEX "public"."intake_rejections_submitter"`);
    await queryRunner.query(`DROP TABLE "intake_rejections"`);
    await queryRunner.query(`DROP INDEX "public"."demand_items_identity"`);
    await queryRunner.query(`DROP INDEX "public"."demand_items_matchable"`);
    await queryRunner.query(`DROP TABLE "demand_items"`);
    await queryRunner.query(`DROP INDEX "public"."lists_identity"`);
    await queryRunner.query(`DROP INDEX "public"."lists_alliance"`);
    await queryRunner.query(`DROP TABLE "lists"`);
    await queryRunner.query(`DROP TABLE "alliance_categories"`);
  }
}
