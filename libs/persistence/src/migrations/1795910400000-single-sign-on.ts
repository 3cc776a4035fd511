import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with an OpenID Connect provider: identities (issuer and subject) linked to
 * accounts, and sign-on attempts with their checks and one-time hand-offs. Generated from the
 * entities, then reviewed.
 */
export class SingleSignOn1795910400000 implements MigrationInterface {
  name = 'SingleSignOn1795910400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_identities" ("issuer" text NOT NULL, "subject" text NOT NULL, "account_id" uuid NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_922509ca864e362b679cb49dfc4" PRIMARY KEY ("issuer", "subject"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_identities_account" ON "account_identities"  ("account_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "sso_logins" ("state_hash" text NOT NULL, "code_verifier" text NOT NULL, "nonce" text NOT NULL, "invite_hash" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "handoff_hash" text, "account_id" uuid, "membership_id" uuid, "handed_off_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_8405d8c30619160a38e7ed5752c" UNIQUE ("handoff_hash"), CONSTRAINT "PK_242df3f349a72a78f497adc23f0" PRIMARY KEY ("state_hash"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_identities" ADD CONSTRAINT "FK_df2ef81da2fbf39fac6344a199e" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account_identities" DROP CONSTRAINT "FK_df2ef81da2fbf39fac6344a199e"`,
    );
    await queryRunner.query(`DROP TABLE "sso_logins"`);
    await queryRunner.query(`DROP INDEX "public"."account_identities_account"`);
    await queryRunner.query(`DROP TABLE "account_identities"`);
  }
}
