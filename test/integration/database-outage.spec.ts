import { randomUUID } from 'node:crypto';
import { ALLIANCE_ID, resourceItem, resourceList } from '@test/fixtures/lists';
import { proposedAlliance } from '@test/support/alliance-scenario';
import { eventually } from '@test/support/answers';
import { startIntakeHarness, startMatcherHarness, type IntakeHarness } from '@test/support/intake-harness';
import { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { startTcpProxy, throughProxy, type TcpProxy } from '@test/support/tcp-proxy';
import { databaseUrl } from '@test/support/topics';

// Issue 14: while Postgres is unreachable, intake and the matcher hold their batches
// (offsets uncommitted) instead of answering valid lists internal-error and dead-lettering
// them, or losing rounds. Each app reaches the real Postgres through a proxy the test cuts,
// so the outage is real for it and nobody else.

async function databaseProxy(): Promise<TcpProxy> {
  const target = new URL(databaseUrl());
  return startTcpProxy(target.hostname, Number(target.port || 5432));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('intake through a database outage', () => {
  let proxy: TcpProxy;
  let harness: IntakeHarness;

  beforeAll(async () => {
    proxy = await databaseProxy();
    harness = await startIntakeHarness({ DATABASE_URL: throughProxy(databaseUrl(), proxy) });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
    await proxy?.close();
  }, 60_000);

  it('answers every valid list sent through an outage of over 10 s, and dead-letters none', async () => {
    const run = randomUUID().slice(0, 8);
    const units = Array.from({ length: 6 }, (_, index) => ({ id: `unit-${run}-${index}`, name: '洛阳单位' }));
    await enroll(harness.db, ALLIANCE_ID, ...units);
    const lists = 240;
    const message = (index: number) => {
      const unit = units[index % units.length]!;
      return {
        key: unit.id,
        value: JSON.stringify(
          resourceList({ listId: `rl-outage-${run}-${index}`, unit, items: [resourceItem()] }),
        ),
      };
    };
    // Sent in waves across the outage: before it, during it and after it.
    const waves = 12;
    const perWave = lists / waves;
    for (let wave = 0; wave < waves; wave++) {
      if (wave === 3) proxy.down();
      await harness.kafka.submitMany(
        'resource',
        Array.from({ length: perWave }, (_, offset) => message(wave * perWave + offset)),
      );
      if (wave === 3) {
        await eventually(
          () => harness.intake.output.some((line) => line.includes('holding the batch until it is back')),
          () => `intake did not hold its batch:\n${harness.intake.tail()}`,
          20_000,
        );
        // Readiness says the database is down and the batch held; so does /metrics.
        const group = harness.intake.consumerGroup;
        const ready = await fetch(`${harness.intake.url}/health/ready`);
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({
          error: { database: { status: 'down' } },
          details: { kafka: { groups: { [group]: { state: 'joined', heldBatches: expect.any(Number) } } } },
        });
        const metrics = await (await fetch(`${harness.intake.url}/metrics`)).text();
        const held = new RegExp(
          `^redcrowd_consumer_batches_held\\{group="${group.replace(/\./g, '\\.')}",service="intake"\\} ([1-9]\\d*)$`,
          'm',
        );
        expect(metrics).toMatch(held);
      }
      if (wave >= 3 && wave < 8) await sleep(2_000);
      if (wave === 8) proxy.up();
    }

    const mine = (listId: string | undefined) => listId?.startsWith(`rl-outage-${run}-`) ?? false;
    await eventually(
      () => harness.kafka.accepted.filter((event) => mine(event.value.listId)).length >= lists,
      () =>
        `accepted ${harness.kafka.accepted.filter((event) => mine(event.value.listId)).length} of ${lists}:\n${harness.intake.tail()}`,
      60_000,
    );
    const accepted = harness.kafka.accepted.filter((event) => mine(event.value.listId));
    expect(new Set(accepted.map((event) => event.value.listId)).size).toBe(lists);
    expect(new Set(accepted.map((event) => event.value.eventId)).size).toBe(accepted.length);
    expect(harness.kafka.rejected.filter((event) => mine(event.value.listId))).toEqual([]);
    expect(harness.kafka.deadLetters).toEqual([]);
    expect(proxy.refused).toBeGreaterThan(0);
    const stored = await harness.db.query<{ count: string }>(
      `SELECT count(*) FROM lists WHERE list_id LIKE $1`,
      [`rl-outage-${run}-%`],
    );
    expect(Number(stored.rows[0]!.count)).toBe(lists);
  }, 180_000);

  it('starts while the database is down, and comes up once it answers', async () => {
    proxy.down();
    const late = await IntakeProcess.create(harness.prefix, {
      DATABASE_URL: throughProxy(databaseUrl(), proxy),
    });
    try {
      const started = late.start();
      await eventually(
        () =>
          late.output.some((line) => line.includes('the database is unreachable at start; waiting for it')),
        () => `intake did not wait for the database:\n${late.tail()}`,
        20_000,
      );
      proxy.up();
      await started;
      expect((await fetch(`${late.url}/health/live`)).status).toBe(200);
    } finally {
      proxy.up();
      await late.stop();
    }
  }, 120_000);
});

describe('the matcher through a database outage', () => {
  it('holds a round while the database is down and proposes once it is back', async () => {
    const proxy = await databaseProxy();
    const harness = await startMatcherHarness({ DATABASE_URL: throughProxy(databaseUrl(), proxy) }, [
      'projectsProposed',
    ]);
    try {
      proxy.down();
      const proposed = proposedAlliance(harness);
      await eventually(
        () => harness.matcher.output.some((line) => line.includes('holding the round until it is back')),
        () => `the matcher did not hold its round:\n${harness.matcher.tail()}`,
        30_000,
      );
      await sleep(3_000);
      proxy.up();
      const { projectId } = await proposed;
      const rows = await harness.db.query(`SELECT status FROM projects WHERE id = $1`, [projectId]);
      expect(rows.rows).toEqual([{ status: 'proposed' }]);
      expect(harness.matcher.output.some((line) => line.includes('matching round failed'))).toBe(false);
    } finally {
      proxy.up();
      await harness.stop();
      await proxy.close();
    }
  }, 180_000);
});
