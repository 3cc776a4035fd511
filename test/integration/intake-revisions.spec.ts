import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ALLIANCE_ID, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { brokers } from '@test/support/topics';
import { Kafka, logLevel } from 'kafkajs';

/** Revision semantics and redelivery, against real Kafka and Postgres. */
describe('intake revisions and redelivery', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  let prefix: string;
  const unitId = `unit-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    harness = await startIntakeHarness();
    ({ intake, kafka, db } = harness);
    prefix = harness.prefix;
    await enroll(db, ALLIANCE_ID, { id: unitId, name: '洛阳理工学院' });
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const list = (listId: string, revision: number, items: Array<Record<string, unknown>>) =>
    JSON.stringify(resourceList({ listId, revision, unit: { id: unitId, name: '洛阳理工学院' }, items }));

  async function answersAfter(listId: string, count: number) {
    return eventually(
      () => {
        const answers = kafka.answersFor(listId);
        return answers.accepted.length + answers.rejected.length >= count ? answers : undefined;
      },
      () => `fewer than ${count} answers for ${listId}:\n${intake.tail()}`,
    );
  }

  async function itemsOf(listId: string) {
    const { rows } = await db.query(
      `SELECT i.item_id, i.revision, i.status, i.quantity FROM resource_items i
       JOIN lists l ON l.id = i.list_pk WHERE l.list_id = $1 AND l.submitter_id = $2 ORDER BY i.item_id`,
      [listId, unitId],
    );
    return rows;
  }

  it('replaces the open items of an earlier revision and keeps items that work already holds', async () => {
    const listId = `rl-rev-${randomUUID().slice(0, 8)}`;
    await kafka.submit(
      'resource',
      list(listId, 1, [
        resourceItem({ itemId: 'a' }),
        resourceItem({ itemId: 'b' }),
        resourceItem({ itemId: 'c' }),
      ]),
      unitId,
    );
    await answersAfter(listId, 1);
    // A matched item is no longer open: a later revision must not pull it from under a project.
    await db.query(
      `UPDATE resource_items SET status = 'matched' WHERE item_id = 'b'
       AND list_pk = (SELECT id FROM lists WHERE list_id = $1 AND submitter_id = $2)`,
      [listId, unitId],
    );
    await kafka.submit(
      'resource',
      list(listId, 2, [resourceItem({ itemId: 'b', quantity: 99 }), resourceItem({ itemId: 'd' })]),
      unitId,
    );
    const { accepted } = await answersAfter(listId, 2);
    expect(accepted[1]).toMatchObject({ revision: 2, outcome: 'stored', itemCount: 1, itemsKept: ['b'] });
    expect(await itemsOf(listId)).toEqual([
      { item_id: 'b', revision: 1, status: 'matched', quantity: 30 },
      { item_id: 'd', revision: 2, status: 'open', quantity: 30 },
    ]);
  });

  it('answers the same revision sent again as unchanged and changes nothing', async () => {
    const listId = `rl-same-${randomUUID().slice(0, 8)}`;
    const first = list(listId, 1, [resourceItem()]);
    await kafka.submit('resource', first, unitId);
    await answersAfter(listId, 1);
    const before = await itemsOf(listId);
    // Same content with keys in another order and a later submittedAt: still the same list.
    const again = JSON.parse(first);
    again.submittedAt = '2026-11-22T09:00:00+08:00';
    const reordered = Object.fromEntries(Object.entries(again).reverse());
    await kafka.submit('resource', JSON.stringify(reordered), unitId);
    const { accepted } = await answersAfter(listId, 2);
    expect(accepted.map((answer) => answer.outcome)).toEqual(['stored', 'unchanged']);
    expect(await itemsOf(listId)).toEqual(before);
  });

  it('refuses an older revision and a changed list under the same revision', async () => {
    const listId = `rl-old-${randomUUID().slice(0, 8)}`;
    await kafka.submit('resource', list(listId, 3, [resourceItem()]), unitId);
    await answersAfter(listId, 1);
    await kafka.submit('resource', list(listId, 2, [resourceItem()]), unitId);
    await kafka.submit('resource', list(listId, 3, [resourceItem({ quantity: 31 })]), unitId);
    const { rejected } = await answersAfter(listId, 3);
    expect(rejected.map((answer) => answer.problems[0]?.code)).toEqual([
      'stale-revision',
      'revision-conflict',
    ]);
    expect(rejected[0]?.problems[0]?.message).toContain('older than the stored revision 3');
    expect(await itemsOf(listId)).toEqual([
      { item_id: 'venue-office-700sqm', revision: 3, status: 'open', quantity: 30 },
    ]);
  });

  it('answers nothing twice and writes nothing twice when Kafka redelivers everything', async () => {
    const listIds = Array.from(
      { length: 5 },
      (_, index) => `rl-redeliver-${index}-${randomUUID().slice(0, 6)}`,
    );
    for (const listId of listIds) await kafka.submit('resource', list(listId, 1, [resourceItem()]), unitId);
    for (const listId of listIds) await answersAfter(listId, 1);
    const answersBefore = kafka.accepted.length + kafka.rejected.length;
    const listsBefore = await db.query(`SELECT count(*)::int AS n FROM lists WHERE submitter_id = $1`, [
      unitId,
    ]);

    // Replay: stop intake, rewind its consumer group to the start, and start it again.
    await intake.stop();
    const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    for (const topic of [`${prefix}resource-lists.submitted.v1`, `${prefix}demand-lists.submitted.v1`]) {
      await admin.resetOffsets({ groupId: intake.consumerGroup, topic, earliest: true });
    }
    await admin.disconnect();
    await intake.start();
    await eventually(
      () => intake.output.some((line) => line.includes('skipped redelivered messages')),
      () => `intake never saw the redelivered messages:\n${intake.tail()}`,
    );
    // A marker sent after the replay proves intake has got through everything before it.
    const marker = `rl-marker-${randomUUID().slice(0, 6)}`;
    await kafka.submit('resource', list(marker, 1, [resourceItem()]), unitId);
    await answersAfter(marker, 1);

    expect(kafka.accepted.length + kafka.rejected.length).toBe(answersBefore + 1);
    const listsAfter = await db.query(`SELECT count(*)::int AS n FROM lists WHERE submitter_id = $1`, [
      unitId,
    ]);
    expect(listsAfter.rows[0].n).toBe(listsBefore.rows[0].n + 1);
  });
});
