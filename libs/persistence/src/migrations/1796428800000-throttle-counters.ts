import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters in the database (ThrottleCounterEntity), so every instance of a service
 * counts a caller's writes and sign-in attempts together. Written to match the entity; the
 * schema spec compares the two.
 */
export class ThrottleCounters1796428800000 implements MigrationInterface {
  name = 'ThrottleCounters1796428800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "throttle_counters" ("key_hash" text NOT NULL, "throttler" text NOT NULL, "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_057304ddfaff1694966eecf94be" PRIMARY KEY ("key_hash", "throttler"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "throttle_counters"`);
  }
}
