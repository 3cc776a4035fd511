import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sign-in: accounts with their memberships, one-time links (first-admin setup,
 * invites), sessions with their rotating refresh tokens, the account audit trail, and the
 * keys that sign access tokens. Generated from the entities, then reviewed.
 */
export class Accounts1795824000000 implements MigrationInterface {
  name = 'Accounts1795824000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_id" uuid, "actor" text NOT NULL, "action" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_096b79d6426e443a0f0b096e7cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_events_account" ON "account_events"  ("account_id", "at")`,
    );
    await queryRunner.query(
      `CREATE TABLE "account_links" ("id" uuid NOT NULL, "token_hash" text NOT NULL, "purpose" text NOT NULL, "account_id" uuid, "role" text NOT NULL, "alliance_id" text, "unit_id" text, "community_id" text, "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "used_by" uuid, CONSTRAINT "CHK_5c3f69f27d9063042fc4f7e742" CHECK ("purpose" IN ('setup', 'invite')), CONSTRAINT "PK_e03b1e79173941b176b58836ecd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "account_links_token" ON "account_links"  ("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL, "login" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "status" text NOT NULL DEFAULT 'active', "password_changed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e95d35d66efe18a6e4640e89e6" CHECK ("status" IN ('active', 'disabled')), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "accounts_login" ON "accounts"  ("login")`);
    await queryRunner.query(
      `CREATE TABLE "account_memberships" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "role" text NOT NULL, "alliance_id" text, "unit_id" text, "community_id" text, "granted_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_e59e87c0a08f2c9efaa7830c6b" CHECK (("role" = 'admin' AND "alliance_id" IS NULL AND "unit_id" IS NULL AND "community_id" IS NULL) OR ("role" = 'coordinator' AND "alliance_id" IS NOT NULL AND "unit_id" IS NULL AND "community_id" IS NULL) OR ("role" = 'unit' AND "alliance_id" IS NOT NULL AND "unit_id" IS NOT NULL AND "community_id" IS NULL) OR ("role" = 'community' AND "alliance_id" IS NOT NULL AND "unit_id" IS NULL AND "community_id" IS NOT NULL)), CONSTRAINT "PK_93c907762ba47544a83dfb95d3c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "account_memberships_account" ON "account_memberships"  ("account_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "membership_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "user_agent" text, "address" text, CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "auth_sessions_account" ON "auth_sessions"  ("account_id")`);
    await queryRunner.query(
      `CREATE TABLE "auth_refresh_tokens" ("token_hash" text NOT NULL, "session_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_95e0bce05491b0dee2f28ffd112" PRIMARY KEY ("token_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "auth_refresh_tokens_session" ON "auth_refresh_tokens"  ("session_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_signing_keys" ("kid" text NOT NULL, "public_jwk" jsonb NOT NULL, "private_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, "published_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5d093e38cc4aeb77fc1a5860ac6" PRIMARY KEY ("kid"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "account_memberships" ADD CONSTRAINT "FK_5194d47fc75c9d927ce48896e95" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_e2f49e419f7c78c8ac041f6fd27" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_7f756ac9b439831b3e0f365bc6b" FOREIGN KEY ("membership_id") REFERENCES "account_memberships"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_refresh_tokens" ADD CONSTRAINT "FK_61b00011da0ac93bf960edcfc5b" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "auth_refresh_tokens" DROP CONSTRAINT "FK_61b00011da0ac93bf960edcfc5b"`,
    );
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_7f756ac9b439831b3e0f365bc6b"`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_e2f49e419f7c78c8ac041f6fd27"`);
    await queryRunner.query(
      `ALTER TABLE "account_memberships" DROP CONSTRAINT "FK_5194d47fc75c9d927ce48896e95"`,
    );
    await queryRunner.query(`DROP TABLE "auth_signing_keys"`);
    await queryRunner.query(`DROP INDEX "public"."auth_refresh_tokens_session"`);
    await queryRunner.query(`DROP TABLE "auth_refresh_tokens"`);
    await queryRunner.query(`DROP INDEX "public"."auth_sessions_account"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."account_memberships_account"`);
    await queryRunner.query(`DROP TABLE "account_memberships"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_login"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
    await queryRunner.query(`DROP INDEX "public"."account_links_token"`);
    await queryRunner.query(`DROP TABLE "account_links"`);
    await queryRunner.query(`DROP INDEX "public"."account_events_account"`);
    await queryRunner.query(`DROP TABLE "account_events"`);
  }
}
