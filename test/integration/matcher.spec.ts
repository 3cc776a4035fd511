import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type EventObserver, type KafkaSubmitter } from '@test/support/answers';
import { authHeaders, coordinatorOf } from '@test/support/tokens';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { MatcherProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { brokers } from '@test/support/topics';
import { Kafka, logLevel } from 'kafkajs';

/**
 * Lists in → projects proposed, over the real broker and database: intake stores the lists,
 * the matcher runs rounds per alliance and publishes 项目清单 proposals through its outbox.
 */
describe('matcher', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;
  let matcher: MatcherProcess;
  let observer: EventObserver;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, [
      'projectsProposed',
      'projectsRevised',
      'projectsStatusChanged',
    ]);
    ({ kafka, db, matcher, observer } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  /**
   * An alliance of its own per test, so rounds of one test never see another's lists; its
   * unit and community go on its roster before their first list.
   */
  function alliance() {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-${allianceId}`, name: '空空导弹研究院' };
    const community = { kind: 'community', id: `community-${allianceId}`, name: '014中心社区' };
    const offer = async (listId: string, items: Array<Record<string, unknown>>, revision = 1) => {
      await enroll(db, allianceId, unit);
      await kafka.submit(
        'resource',
        JSON.stringify(resourceList({ listId, allianceId, unit, items, revision })),
        unit.id,
      );
    };
    const ask = async (listId: string, items: Array<Record<string, unknown>>, revision = 1) => {
      await enroll(db, allianceId, community);
      await kafka.submit(
        'demand',
        JSON.stringify(demandList({ listId, allianceId, submitter: community, items, revision })),
        community.id,
      );
    };
    const proposals = () => observer.on(harness.topics.projectsProposed).filter((e) => e.key === allianceId);
    const statusChanges = () =>
      observer.on(harness.topics.projectsStatusChanged).filter((e) => e.key === allianceId);
    return { allianceId, unit, community, offer, ask, proposals, statusChanges };
  }

  const meals = (overrides: Record<string, unknown> = {}) =>
    demandItem({ itemId: 'meals-52', category: 'elderly-care', unit: 'meals', quantity: 40, ...overrides });
  const canteen = (overrides: Record<string, unknown> = {}) =>
    resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30, ...overrides });

  it('proposes a project with explained allocations once a resource and a demand fit', async () => {
    const a = alliance();
    await a.offer('rl-1', [canteen()]);
    await a.ask('dl-1', [meals()]);
    const [proposal] = await eventually(
      () => (a.proposals().length > 0 ? a.proposals() : undefined),
      () => `no proposal:\n${matcher.tail()}`,
    );
    expect(proposal!.value.project).toMatchObject({
      allianceId: a.allianceId,
      status: 'proposed',
      version: 1,
      requested: 40,
      unmet: 10,
      demand: { submitterId: a.community.id, listId: 'dl-1', itemId: 'meals-52', urgency: 'urgent' },
      allocations: [
        { resourceItemId: 'canteen', resourceListId: 'rl-1', unitId: a.unit.id, quantity: 30, pinned: false },
      ],
    });
    const components = proposal!.value.project.allocations[0].components.map((c: { name: string }) => c.name);
    expect(components.sort()).toEqual(['category', 'distance', 'tags', 'window']);
    const { rows } = await db.query(
      `SELECT p.status, p.unmet, pa.quantity, pa.unit_id, e.actor, e.action
       FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
       JOIN project_events e ON e.project_id = p.id WHERE p.alliance_id = $1`,
      [a.allianceId],
    );
    expect(rows).toEqual([
      {
        status: 'proposed',
        unmet: 10,
        quantity: 30,
        unit_id: a.unit.id,
        actor: 'matcher',
        action: 'proposed',
      },
    ]);
  });

  it('writes and publishes nothing new when a round finds nothing changed', async () => {
    const a = alliance();
    await a.offer('rl-1', [canteen()]);
    await a.ask('dl-1', [meals()]);
    await eventually(
      () => a.proposals().length === 1,
      () => `no proposal:\n${matcher.tail()}`,
    );
    // Every event the matcher publishes is first an outbox row keyed by the alliance, in the
    // round's transaction: no new row means nothing new can ever be published, however late.
    const written = async () => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM outbox_events WHERE message_key = $1) AS outbox,
                (SELECT count(*)::int FROM project_events e JOIN projects p ON p.id = e.project_id
                 WHERE p.alliance_id = $1) AS audit`,
        [a.allianceId],
      );
      return rows[0] as { outbox: number; audit: number };
    };
    const before = await written();
    expect(before.outbox).toBeGreaterThan(0);
    const signedIn = { headers: await authHeaders(coordinatorOf(a.allianceId)) };
    const response = await fetch(`${matcher.url}/alliances/${a.allianceId}/rounds`, {
      method: 'POST',
      ...signedIn,
    });
    expect(await response.json()).toMatchObject({ proposed: 0, revised: 0, cancelled: 0, unchanged: 1 });
    expect(await written()).toEqual(before);
    const listed = (await (await fetch(`${matcher.url}/projects`, signedIn)).json()) as unknown[];
    expect(listed).toHaveLength(1);
    expect(a.proposals()).toHaveLength(1);
  });

  it('revises a proposal when a better resource arrives, and cancels it when the demand is withdrawn', async () => {
    const a = alliance();
    await a.offer('rl-1', [canteen({ quantity: 10 })]);
    await a.ask('dl-1', [meals({ quantity: 20 })]);
    await eventually(
      () => a.proposals().length === 1,
      () => `no proposal:\n${matcher.tail()}`,
    );
    await a.offer('rl-2', [canteen({ itemId: 'hospital-kitchen', quantity: 20 })]);
    const revised = await eventually(
      () => observer.on(harness.topics.projectsRevised).find((e) => e.key === a.allianceId),
      () => `no revision:\n${matcher.tail()}`,
    );
    expect(revised.value).toMatchObject({ previousVersion: 1, project: { version: 2, unmet: 0 } });

    // A new revision of the demand list without the item withdraws it.
    await a.ask('dl-1', [meals({ itemId: 'something-else', category: 'legal', unit: 'sessions' })], 2);
    const cancelled = await eventually(
      () => a.statusChanges().find((e) => e.value.to === 'cancelled'),
      () => `no cancellation:\n${matcher.tail()}`,
    );
    expect(cancelled.value).toMatchObject({ from: 'proposed', to: 'cancelled', actor: 'matcher' });
  });

  it('neither duplicates nor loses proposals when the matcher is killed and Kafka redelivers', async () => {
    const a = alliance();
    await a.offer('rl-1', [canteen({ quantity: 500 })]);
    const demands = Array.from({ length: 30 }, (_, index) =>
      meals({ itemId: `meals-${index}`, quantity: 5 }),
    );
    await a.ask('dl-1', demands);
    await matcher.stop('SIGKILL');
    await matcher.start();
    await eventually(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM projects WHERE alliance_id = $1`, [
          a.allianceId,
        ]);
        return rows[0].n === 30;
      },
      () => `not all 30 projects proposed:\n${matcher.tail()}`,
      90_000,
    );
    await eventually(
      () => a.proposals().length >= 30,
      () => `only ${a.proposals().length} proposal events`,
    );
    const projectIds = new Set(a.proposals().map((e) => e.value.project.projectId));
    expect(projectIds.size).toBe(30);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM projects WHERE alliance_id = $1 AND status = 'proposed'`,
      [a.allianceId],
    );
    expect(rows[0].n).toBe(30);
  });

  it('shares alliances between two instances of one group without duplicates or losses across a rebalance', async () => {
    const alliances = Array.from({ length: 12 }, () => alliance());
    const demandsEach = 3;
    const submit = async (a: ReturnType<typeof alliance>) => {
      await a.offer('rl-1', [canteen({ quantity: 100 })]);
      await a.ask(
        'dl-1',
        Array.from({ length: demandsEach }, (_, index) => meals({ itemId: `meals-${index}`, quantity: 5 })),
      );
    };
    for (const a of alliances.slice(0, 6)) await submit(a);
    // A second instance joins the group mid-stream: the partitions, and so the alliances, are rebalanced.
    const second = await MatcherProcess.create(
      harness.prefix,
      { MATCHER_DEBOUNCE_MS: '50' },
      matcher.consumerGroup,
    );
    await second.start();
    try {
      // Publish the rest only once the group has rebalanced onto both instances.
      const admin = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        await eventually(
          async () => {
            const { groups } = await admin.describeGroups([matcher.consumerGroup]);
            return groups[0]?.state === 'Stable' && groups[0].members.length === 2;
          },
          () => 'the second instance never joined the group',
          60_000,
        );
      } finally {
        await admin.disconnect();
      }
      for (const a of alliances.slice(6)) await submit(a);
      const ids = alliances.map((a) => a.allianceId);
      await eventually(
        async () => {
          const { rows } = await db.query(
            `SELECT count(*)::int AS n FROM projects WHERE alliance_id = ANY($1)`,
            [ids],
          );
          return rows[0].n === alliances.length * demandsEach;
        },
        () => `projects missing:\n${matcher.tail(10)}\n${second.tail(10)}`,
        90_000,
      );
      const proposalsOfTheseAlliances = () =>
        observer.on(harness.topics.projectsProposed).filter((e) => ids.includes(e.key ?? ''));
      await eventually(
        () => proposalsOfTheseAlliances().length >= alliances.length * demandsEach || undefined,
        () => `only ${proposalsOfTheseAlliances().length} proposal events`,
      );
      const perProject = new Map<string, number>();
      for (const event of proposalsOfTheseAlliances()) {
        perProject.set(
          event.value.project.projectId,
          (perProject.get(event.value.project.projectId) ?? 0) + 1,
        );
      }
      expect(perProject.size).toBe(alliances.length * demandsEach);
      expect([...perProject.values()].every((count) => count === 1)).toBe(true);
      const duplicates = await db.query(
        `SELECT demand_item_pk, count(*) FROM projects WHERE alliance_id = ANY($1) GROUP BY 1 HAVING count(*) > 1`,
        [ids],
      );
      expect(duplicates.rows).toEqual([]);
      // Both instances did rounds: the work was really shared.
      const roundsBy = (process: MatcherProcess) =>
        process.output.filter((line) => line.includes('"matching round finished"')).length;
      expect(roundsBy(second)).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  });
});
