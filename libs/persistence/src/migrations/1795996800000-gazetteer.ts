import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alliance gazetteer (地名库): communities, compounds and buildings with their coordinates,
 * names unique per alliance by their key. Generated from the entities, then reviewed.
 */
export class Gazetteer1795996800000 implements MigrationInterface {
  name = 'Gazetteer1795996800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alliance_places" ("place_id" uuid NOT NULL DEFAULT gen_random_uuid(), "alliance_id" text NOT NULL, "name" text NOT NULL, "name_key" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, "lat" double precision NOT NULL, "lng" double precision NOT NULL, "address" text, "aliases" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_38c1b9577309d002b5739e784d" CHECK ("kind" IN ('community', 'compound', 'building', 'other') AND "lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180), CONSTRAINT "PK_1e19ba3054c97adc4a8ae11436c" PRIMARY KEY ("place_id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "alliance_places_name" ON "alliance_places"  ("alliance_id", "name_key") `,
    );
    await queryRunner.query(
      `ALTER TABLE "alliance_places" ADD CONSTRAINT "FK_79ae30c9a90fea8ef3baaf6fb25" FOREIGN KEY ("parent_id") REFERENCES "alliance_places"("place_id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alliance_places" DROP CONSTRAINT "FK_79ae30c9a90fea8ef3baaf6fb25"`);
    await queryRunner.query(`DROP INDEX "public"."alliance_places_name"`);
    await queryRunner.query(`DROP TABLE "alliance_places"`);
  }
}
