import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the coordinator dashboard needs: the unmatched demands each round finds (table
 * generated from the entity, then reviewed), and change notifications for live pages.
 * Triggers are not part of TypeORM's entity model, so they are written here by hand.
 */
export class DashboardSupport1795564800000 implements MigrationInterface {
  name = 'DashboardSupport1795564800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unmatched_demands" ("demand_item_pk" bigint NOT NULL, "alliance_id" text NOT NULL, "reason" text NOT NULL, "found_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64334f2da857f42d51afcb5ceca" PRIMARY KEY ("demand_item_pk"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_479e4d3824ac78aba709364008" ON "unmatched_demands" ("alliance_id") `,
    );
    // NOTIFY is delivered at commit and only then, so a live page never sees a change that
    // rolled back, and every matcher instance hears changes any instance made.
    await queryRunner.query(
      `CREATE FUNCTION "redcrowd_notify_project_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('redcrowd_project_changes', json_build_object(
           'allianceId', NEW.alliance_id, 'projectId', NEW.id, 'status', NEW.status, 'version', NEW.version)::text);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "projects_notify_change" AFTER INSERT OR UPDATE ON "projects"
       FOR EACH ROW EXECUTE FUNCTION "redcrowd_notify_project_change"()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "redcrowd_notify_offer_change"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         PERFORM pg_notify('redcrowd_project_changes', json_build_object(
           'allianceId', p.alliance_id, 'projectId', p.id, 'status', p.status, 'version', p.version)::text)
         FROM projects p WHERE p.id = NEW.project_id;
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "offers_notify_change" AFTER INSERT OR UPDATE ON "offers"
       FOR EACH ROW EXECUTE FUNCTION "redcrowd_notify_offer_change"()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "offers_notify_change" ON "offers"`);
    await queryRunner.query(`DROP FUNCTION "redcrowd_notify_offer_change"()`);
    await queryRunner.query(`DROP TRIGGER "projects_notify_change" ON "projects"`);
    await queryRunner.query(`DROP FUNCTION "redcrowd_notify_project_change"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_479e4d3824ac78aba709364008"`);
    await queryRunner.query(`DROP TABLE "unmatched_demands"`);
  }
}
