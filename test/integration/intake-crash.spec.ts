import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ALLIANCE_ID, manyResourceItems, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';

/** The intake process killed (SIGKILL) mid-stream and restarted loses and duplicates nothing. */
describe('intake crash and restart', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  const run = randomUUID().slice(0, 8);
  const lists = 400;
  const itemsPerList = 25;

  beforeAll(async () => {
    harness = await startIntakeHarness();
    ({ intake, kafka, db } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('answers every list exactly once and stores each exactly once across a kill -9', async () => {
    const units = Array.from({ length: 8 }, (_, index) => `unit-${run}-${index}`);
    await enroll(db, ALLIANCE_ID, ...units.map((id) => ({ id, name: '洛阳单位' })));
    const messages = Array.from({ length: lists }, (_, index) => {
      const unitId = units[index % units.length]!;
      return {
        key: unitId,
        value: JSON.stringify(
          resourceList({
            listId: `rl-${run}-${index}`,
            unit: { id: unitId, name: '洛阳单位' },
            items: manyResourceItems(itemsPerList),
          }),
        ),
      };
    });
    for (let start = 0; start < messages.length; start += 50) {
      await kafka.submitMany('resource', messages.slice(start, start + 50));
    }

    const mine = () => kafka.accepted.filter((event) => event.value.listId.startsWith(`rl-${run}-`));
    await eventually(
      () => mine().length >= 20,
      () => `nothing accepted before the kill:\n${intake.tail()}`,
    );
    await intake.stop('SIGKILL');
    const answeredBeforeKill = mine().length;
    await intake.start();

    await eventually(
      async () => {
        const answered = new Set(mine().map((event) => event.value.listId));
        return answered.size === lists;
      },
      () =>
        `only ${new Set(mine().map((e) => e.value.listId)).size} of ${lists} lists answered:\n${intake.tail()}`,
      90_000,
    );
    expect(answeredBeforeKill).toBeLessThan(lists);

    // Each list has one answer; an event re-sent by the outbox after the crash keeps its eventId.
    const eventIdsByList = new Map<string, Set<string>>();
    for (const event of mine()) {
      const ids = eventIdsByList.get(event.value.listId) ?? new Set<string>();
      ids.add(event.value.eventId);
      eventIdsByList.set(event.value.listId, ids);
    }
    expect([...eventIdsByList.values()].filter((ids) => ids.size !== 1)).toEqual([]);
    expect(kafka.rejected.filter((event) => event.value.listId?.startsWith(`rl-${run}-`))).toEqual([]);

    const { rows } = await db.query(
      `SELECT count(DISTINCT l.id)::int AS lists, count(i.id)::int AS items
       FROM lists l JOIN resource_items i ON i.list_pk = l.id WHERE l.list_id LIKE $1`,
      [`rl-${run}-%`],
    );
    expect(rows[0]).toEqual({ lists, items: lists * itemsPerList });
  });
});
