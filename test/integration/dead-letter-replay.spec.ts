import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { ListRejected } from '@redcrowd/contracts';
import { ALLIANCE_ID, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter, type ReceivedEvent } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { brokers } from '@test/support/topics';
import { replayDeadLetters } from '../../tools/dead-letters/dead-letter-replay';
import type { ReplaySelection } from '../../tools/dead-letters/replay-arguments';

/**
 * Once the cause of a dead letter is fixed, `replay-dead-letters` publishes the original
 * message again and intake answers it as usual: the list is accepted once, a second replay
 * publishes nothing, and a list the submitter re-sent meanwhile is answered `unchanged`.
 */
describe('dead-letter replay', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  const unitId = `unit-${randomUUID().slice(0, 8)}`;
  const unit = { id: unitId, name: '洛阳理工学院' };

  beforeAll(async () => {
    harness = await startIntakeHarness({
      DB_LOCK_TIMEOUT_MS: '200',
      INTAKE_MAX_ATTEMPTS: '2',
      INTAKE_RETRY_BASE_MS: '50',
    });
    ({ intake, kafka, db } = harness);
    await enroll(db, ALLIANCE_ID, unit);
  }, 120_000);

  afterAll(async () => {
    await db?.query('ROLLBACK').catch(() => undefined);
    await harness?.stop();
  }, 60_000);

  const replay = (selection: ReplaySelection, dryRun = false) =>
    replayDeadLetters({ brokers: brokers(), topicPrefix: harness.prefix, request: { selection, dryRun } });

  /** Sends a valid list while its table is locked, so intake dead-letters it; then lifts the lock. */
  async function deadLettered(
    value: string,
  ): Promise<{ deadLetter: ReceivedEvent<Record<string, unknown>>; rejection: ListRejected }> {
    const before = kafka.deadLetters.length;
    await db.query('BEGIN');
    await db.query('LOCK TABLE lists IN ACCESS EXCLUSIVE MODE');
    try {
      await kafka.submit('resource', value, unitId);
      const deadLetter = await eventually(
        () => kafka.deadLetters.length > before && kafka.deadLetters[kafka.deadLetters.length - 1],
        () => `nothing dead-lettered:\n${intake.tail()}`,
      );
      const rejection = await eventually(
        () => kafka.rejected.find((event) => event.value.eventId === deadLetter.value.rejectionEventId),
        () => `no rejection ${String(deadLetter.value.rejectionEventId)} for the dead letter`,
      );
      return { deadLetter, rejection: rejection.value };
    } finally {
      await db.query('ROLLBACK');
    }
  }

  const storedLists = async (listId: string): Promise<number> =>
    (await db.query('SELECT count(*)::int AS n FROM lists WHERE list_id = $1', [listId])).rows[0].n;

  /** A list sent after `listId` on the same key (so the same partition): once it is answered, so is anything before it. */
  async function barrier(): Promise<void> {
    const listId = `rl-barrier-${randomUUID().slice(0, 8)}`;
    await kafka.submit('resource', JSON.stringify(resourceList({ listId, unit })), unitId);
    await eventually(
      () => kafka.accepted.find((event) => event.value.listId === listId),
      () => `barrier list not answered:\n${intake.tail()}`,
    );
  }

  it('replays a dead-lettered list so it is accepted exactly once; a second replay changes nothing', async () => {
    const listId = `rl-replay-${randomUUID().slice(0, 8)}`;
    const { deadLetter, rejection } = await deadLettered(JSON.stringify(resourceList({ listId, unit })));
    const id = String(deadLetter.value.eventId);
    expect(deadLetter.value).toMatchObject({ eventId: expect.any(String), originKey: unitId });
    expect(rejection.problems[0]).toMatchObject({ code: 'internal-error' });
    expect(await storedLists(listId)).toBe(0);

    const dryRun = await replay({ by: 'id', ids: [id] }, true);
    expect(dryRun).toMatchObject({ dryRun: true, skipped: [], missingIds: [] });
    expect(dryRun.replay.map((letter) => letter.id)).toEqual([id]);

    // The dry run published nothing: the real run still finds the message to replay.
    const first = await replay({ by: 'id', ids: [id] });
    expect(first.replay.map((letter) => letter.id)).toEqual([id]);
    expect(first.replay[0]!.origin).toEqual({
      topic: harness.topics.resourceListSubmitted,
      partition: deadLetter.value.originPartition,
      offset: deadLetter.value.originOffset,
    });
    const accepted = await eventually(
      () => kafka.accepted.find((event) => event.value.listId === listId),
      () => `the replayed list was not accepted:\n${intake.tail()}`,
    );
    expect(accepted.value).toMatchObject({ outcome: 'stored', submitter: { id: unitId } });
    // Same key, same partition as the original; a new position, so intake sees a new message.
    expect(accepted.value.source).toMatchObject({
      topic: harness.topics.resourceListSubmitted,
      partition: deadLetter.value.originPartition,
    });
    expect(accepted.value.source.offset).not.toBe(deadLetter.value.originOffset);

    const second = await replay({ by: 'all' });
    expect(second.replay).toEqual([]);
    expect(second.skipped).toEqual([
      expect.objectContaining({
        id,
        reason: 'already-replayed',
        detail: expect.stringContaining(`dead letter ${id}`),
      }),
    ]);
    await barrier();
    expect(kafka.answersFor(listId).accepted).toHaveLength(1);
    expect(await storedLists(listId)).toBe(1);
  });

  it('answers a replayed list the submitter re-sent meanwhile the same, without storing it twice', async () => {
    const listId = `rl-resent-${randomUUID().slice(0, 8)}`;
    const value = JSON.stringify(resourceList({ listId, unit }));
    const { deadLetter } = await deadLettered(value);
    await kafka.submit('resource', value, unitId);
    await eventually(
      () => kafka.answersFor(listId).accepted.length === 1,
      () => `the re-sent list was not accepted:\n${intake.tail()}`,
    );

    const from = new Date(Date.parse(String(deadLetter.value.failedAt)) - 1);
    const report = await replay({ by: 'time', from, to: new Date() });
    expect(report.replay.map((letter) => letter.id)).toEqual([deadLetter.value.eventId]);
    const answers = await eventually(
      () => kafka.answersFor(listId).accepted.length === 2 && kafka.answersFor(listId).accepted,
      () => `the replay was not answered:\n${intake.tail()}`,
    );
    expect(answers.map((answer) => answer.outcome)).toEqual(['stored', 'unchanged']);
    expect(answers[1]).toMatchObject({ revision: answers[0]!.revision, itemCount: answers[0]!.itemCount });
    expect(await storedLists(listId)).toBe(1);
  });
});
