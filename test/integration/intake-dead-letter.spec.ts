import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ALLIANCE_ID, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';

/**
 * A database that keeps refusing (here: a table held locked by another session) makes
 * intake give up after bounded retries: the message goes to the dead-letter topic with
 * its origin, the submitter gets a rejection, and intake moves on.
 */
describe('intake dead-lettering', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let locker: Client;
  const unitId = `unit-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    harness = await startIntakeHarness({
      DB_LOCK_TIMEOUT_MS: '200',
      INTAKE_MAX_ATTEMPTS: '3',
      INTAKE_RETRY_BASE_MS: '50',
    });
    ({ intake, kafka, db: locker } = harness);
    await enroll(locker, ALLIANCE_ID, { id: unitId, name: '中信重工' });
  }, 120_000);

  afterAll(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    await harness?.stop();
  }, 60_000);

  it('dead-letters a list it cannot store, answers it, and carries on once the database recovers', async () => {
    const listId = `rl-dlq-${randomUUID().slice(0, 8)}`;
    const value = JSON.stringify(resourceList({ listId, unit: { id: unitId, name: '中信重工' } }));
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE lists IN ACCESS EXCLUSIVE MODE');
    await kafka.submit('resource', value, unitId);

    const deadLetter = await eventually(
      () => kafka.deadLetters.find((event) => event.key === unitId),
      () => `nothing dead-lettered:\n${intake.tail()}`,
    );
    expect(deadLetter.value).toMatchObject({
      originTopic: expect.stringContaining('resource-lists.submitted.v1'),
      originPartition: expect.any(Number),
      originOffset: expect.any(String),
      originKey: unitId,
      attempts: 3,
      error: expect.stringContaining('55P03'),
    });
    expect(Buffer.from(String(deadLetter.value.valueBase64), 'base64').toString()).toBe(value);
    const rejection = await eventually(
      () => kafka.rejected.find((event) => event.value.listId === listId),
      () => 'no rejection for the dead-lettered list',
    );
    expect(rejection.value.problems[0]).toMatchObject({ code: 'internal-error' });
    await locker.query('ROLLBACK');

    // The consumer was not stuck: the next list goes through.
    const nextId = `rl-after-${randomUUID().slice(0, 8)}`;
    await kafka.submit(
      'resource',
      JSON.stringify(resourceList({ listId: nextId, unit: { id: unitId, name: '中信重工' } })),
      unitId,
    );
    await eventually(
      () => kafka.accepted.find((event) => event.value.listId === nextId),
      () => `intake did not recover:\n${intake.tail()}`,
    );
    const stored = await locker.query('SELECT count(*)::int AS n FROM lists WHERE list_id = $1', [listId]);
    expect(stored.rows[0].n).toBe(0);
  });
});
