import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Offers and claims (认领): what each unit was offered, every claim with its decision (one
 * accepted claim per unit and project, idempotent per unit and claim id), and the points
 * ledger (积分) for completed work. Generated from the entities, then reviewed.
 */
export class ClaimsSchema1795392000000 implements MigrationInterface {
  name = 'ClaimsSchema1795392000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "claim_id" text NOT NULL, "unit_id" text NOT NULL, "project_id" uuid, "requested_quantity" integer NOT NULL, "accepted_quantity" integer NOT NULL, "decision" text NOT NULL, "code" text, "reason" text, "answer" jsonb NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_3470bd35eed951d2c37efc289c" CHECK ("decision" IN ('accepted', 'rejected') AND "requested_quantity" > 0 AND "accepted_quantity" >= 0), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "claims_one_accepted_per_unit" ON "claims"  ("project_id", "unit_id") WHERE decision = 'accepted'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "claims_idempotency" ON "claims"  ("unit_id", "claim_id") `);
    await queryRunner.query(
      `CREATE TABLE "offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "unit_id" text NOT NULL, "quantity" integer NOT NULL, "stage" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_7aab5c861050f9b80800593d95" CHECK ("stage" IN ('paired', 'open-hall') AND "status" IN ('open', 'claimed', 'declined', 'expired', 'withdrawn') AND "quantity" > 0), CONSTRAINT "PK_4c88e956195bba85977da21b8f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "offers_open_by_expiry" ON "offers"  ("expires_at") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "offers_one_per_unit_and_stage" ON "offers"  ("project_id", "unit_id", "stage") `,
    );
    await queryRunner.query(
      `CREATE TABLE "points_ledger" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "alliance_id" text NOT NULL, "unit_id" text NOT NULL, "project_id" uuid NOT NULL, "points" integer NOT NULL, "reason" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1894c07f712716bfe637e82cc05" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "points_by_unit" ON "points_ledger"  ("alliance_id", "unit_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "points_once_per_project_and_unit" ON "points_ledger"  ("project_id", "unit_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "offers" ADD CONSTRAINT "FK_972f4eb585900935484a2c1f5ec" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "offers" DROP CONSTRAINT "FK_972f4eb585900935484a2c1f5ec"`);
    await queryRunner.query(`DROP INDEX "public"."points_once_per_project_and_unit"`);
    await queryRunner.query(`DROP INDEX "public"."points_by_unit"`);
    await queryRunner.query(`DROP TABLE "points_ledger"`);
    await queryRunner.query(`DROP INDEX "public"."offers_one_per_unit_and_stage"`);
    await queryRunner.query(`DROP INDEX "public"."offers_open_by_expiry"`);
    await queryRunner.query(`DROP TABLE "offers"`);
    await queryRunner.query(`DROP INDEX "public"."claims_idempotency"`);
    await queryRunner.query(`DROP INDEX "public"."claims_one_accepted_per_unit"`);
    await queryRunner.query(`DROP TABLE "claims"`);
  }
}
