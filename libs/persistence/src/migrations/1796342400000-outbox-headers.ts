import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kafka headers an outbox event is published with (its `correlation-id`, carried from a
 * submitted list to its answer and to the proposals it caused). Generated from the entity,
 * then reviewed: events written before have none.
 */
export class OutboxHeaders1796342400000 implements MigrationInterface {
  name = 'OutboxHeaders1796342400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" ADD "headers" jsonb NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_events" DROP COLUMN "headers"`);
  }
}
