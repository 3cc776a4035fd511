import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { enroll } from '@test/support/roster';
import { authHeaders, communityOf, coordinatorOf } from '@test/support/tokens';

/*
 * Lists only from the alliance's members (issue 11), over the real broker, intake, matcher
 * and database: a list from a submitter not on the roster is refused with not-a-member, over
 * Kafka and HTTP; with open registration the submitter joins the roster as pending, its list
 * is stored but not matched until the coordinator admits it; a refused member's new lists
 * are refused again.
 */
describe('lists from members only', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, ['projectsProposed']);
    ({ kafka, db } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  /** An alliance of its own: a canteen unit, not on the roster unless a test puts it there, and a community. */
  function alliance() {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
    const community = { kind: 'community' as const, id: `community-014-${allianceId}`, name: '014中心社区' };
    const canteen = (listId: string) =>
      JSON.stringify(
        resourceList({
          listId,
          allianceId,
          unit,
          items: [resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 })],
        }),
      );
    const meals = (listId: string) =>
      JSON.stringify(demandList({ listId, allianceId, submitter: community, items: [demandItem()] }));
    return { allianceId, unit, community, canteen, meals };
  }

  const call = async (
    app: 'intake' | 'matcher',
    method: string,
    path: string,
    who: TokenSubject,
    body?: unknown,
  ) => {
    const response = await fetch(`${harness[app].url}${path}`, {
      method,
      headers: await authHeaders(who),
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const answerOf = (listId: string, allianceId: string) =>
    eventually(
      () => {
        const found = [...kafka.accepted, ...kafka.rejected].find(
          (event) => event.value.listId === listId && event.value.allianceId === allianceId,
        );
        return found?.value;
      },
      () => `no answer for ${listId} of ${allianceId}:\n${harness.intake.tail()}`,
    );

  const stored = async (allianceId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM lists WHERE alliance_id = $1`, [allianceId])).rows[0].n;
  const members = async (allianceId: string) =>
    (
      await db.query(
        `SELECT member_kind AS kind, member_id AS id, status FROM alliance_members WHERE alliance_id = $1 ORDER BY 1, 2`,
        [allianceId],
      )
    ).rows;
  const projects = async (allianceId: string) =>
    (
      await db.query(
        `SELECT p.status, pa.unit_id FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
         WHERE p.alliance_id = $1`,
        [allianceId],
      )
    ).rows;

  it('refuses a list over Kafka from a unit not on the roster with not-a-member, storing only the rejection', async () => {
    const a = alliance();
    await kafka.submit('resource', a.canteen('rl-1'), a.unit.id);
    const answer = await answerOf('rl-1', a.allianceId);
    expect(answer).toMatchObject({
      listKind: 'resource',
      submitter: { kind: 'unit', id: a.unit.id },
      problems: [
        {
          path: 'unit.id',
          code: 'not-a-member',
          message: `unit ${a.unit.id} (空空导弹研究院) is not on the roster of alliance ${a.allianceId}; the alliance's coordinator must add it to the roster (成员名册) before its lists are accepted`,
        },
      ],
    });
    expect(kafka.accepted.filter((event) => event.value.allianceId === a.allianceId)).toEqual([]);
    const { rows } = await db.query(
      `SELECT list_id, submitter_id, problems FROM intake_rejections WHERE submitter_id = $1`,
      [a.unit.id],
    );
    expect(rows).toEqual([
      {
        list_id: 'rl-1',
        submitter_id: a.unit.id,
        problems: [expect.objectContaining({ code: 'not-a-member' })],
      },
    ]);
    expect(await stored(a.allianceId)).toBe(0);
    expect(await members(a.allianceId)).toEqual([]);
  });

  it('refuses it over HTTP with 403 not-a-member and the published rejection, storing nothing', async () => {
    const a = alliance();
    const answer = await call(
      'intake',
      'POST',
      '/demand-lists',
      communityOf(a.allianceId, a.community.id),
      a.meals('dl-1'),
    );
    expect(answer.status).toBe(403);
    expect(answer.body.error).toEqual({
      code: 'not-a-member',
      message: `community ${a.community.id} (014中心社区) is not on the roster of alliance ${a.allianceId}; the alliance's coordinator must add it to the roster (成员名册) before its lists are accepted`,
      problems: [
        {
          path: 'submitter.id',
          code: 'not-a-member',
          message: answer.body.error.message,
          words: {
            zh: '提交方不是本联盟已接纳的成员；请先由联席会协调员将其加入成员名册',
            en: 'the submitter is not an admitted member of the alliance; ask a coordinator to add it to the roster',
          },
        },
      ],
    });
    // The published event's problems, without the words the HTTP answer adds for people.
    expect(answer.body.rejection).toMatchObject({
      listId: 'dl-1',
      problems: answer.body.error.problems.map(
        ({ words: _words, ...problem }: { words: unknown }) => problem,
      ),
    });
    expect(await answerOf('dl-1', a.allianceId)).toEqual(answer.body.rejection);
    expect(await stored(a.allianceId)).toBe(0);

    // Once the coordinator puts the community on the roster, the same list goes in.
    await enroll(db, a.allianceId, a.community);
    const again = await call(
      'intake',
      'POST',
      '/demand-lists',
      communityOf(a.allianceId, a.community.id),
      a.meals('dl-1'),
    );
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ outcome: 'stored', membership: 'active' });
  });

  it('registers a newcomer as pending under open registration, and matches its list only once it is admitted', async () => {
    const a = alliance();
    const coordinator = coordinatorOf(a.allianceId);
    const policy = await call('matcher', 'PUT', `/alliances/${a.allianceId}/policy`, coordinator, {
      openRegistration: true,
    });
    expect(policy).toMatchObject({ status: 200, body: { openRegistration: true } });
    await enroll(db, a.allianceId, a.community);

    await kafka.submit('resource', a.canteen('rl-1'), a.unit.id);
    expect(await answerOf('rl-1', a.allianceId)).toMatchObject({ outcome: 'stored', membership: 'pending' });
    expect(await members(a.allianceId)).toEqual([
      { kind: 'community', id: a.community.id, status: 'active' },
      { kind: 'unit', id: a.unit.id, status: 'pending' },
    ]);
    const { rows: audit } = await db.query(
      `SELECT actor, action, details FROM alliance_member_events WHERE alliance_id = $1 AND member_id = $2`,
      [a.allianceId, a.unit.id],
    );
    expect(audit).toEqual([
      {
        actor: a.unit.id,
        action: 'registered-by-list',
        details: { name: '空空导弹研究院', status: 'pending', listKind: 'resource', listId: 'rl-1' },
      },
    ]);

    // The community's demand fits the canteen, but the canteen's unit is not admitted yet.
    await kafka.submit('demand', a.meals('dl-1'), a.community.id);
    expect(await answerOf('dl-1', a.allianceId)).toMatchObject({ outcome: 'stored', membership: 'active' });
    const waiting = await call('matcher', 'POST', `/alliances/${a.allianceId}/rounds`, coordinator);
    expect(waiting).toMatchObject({ status: 201, body: { proposed: 0, unmatchedDemands: 1 } });
    expect(await projects(a.allianceId)).toEqual([]);

    const admitted = await call(
      'matcher',
      'PATCH',
      `/alliances/${a.allianceId}/members/unit/${a.unit.id}`,
      coordinator,
      {
        status: 'active',
      },
    );
    expect(admitted).toMatchObject({ status: 200, body: { status: 'active' } });
    // The admission ran the round itself: the canteen is paired by the time the answer comes.
    expect(await projects(a.allianceId)).toEqual([{ status: 'proposed', unit_id: a.unit.id }]);
    expect(await call('matcher', 'POST', `/alliances/${a.allianceId}/rounds`, coordinator)).toMatchObject({
      status: 201,
      body: { proposed: 0, unmatchedDemands: 0 },
    });
  });

  it('refuses the new lists of a refused member even under open registration, and never matches its pending ones', async () => {
    const a = alliance();
    const coordinator = coordinatorOf(a.allianceId);
    await call('matcher', 'PUT', `/alliances/${a.allianceId}/policy`, coordinator, {
      openRegistration: true,
    });
    await enroll(db, a.allianceId, a.community);
    await kafka.submit('resource', a.canteen('rl-1'), a.unit.id);
    expect(await answerOf('rl-1', a.allianceId)).toMatchObject({ membership: 'pending' });
    const refused = await call(
      'matcher',
      'PATCH',
      `/alliances/${a.allianceId}/members/unit/${a.unit.id}`,
      coordinator,
      {
        status: 'refused',
      },
    );
    expect(refused.status).toBe(200);

    await kafka.submit('resource', a.canteen('rl-2'), a.unit.id);
    expect(await answerOf('rl-2', a.allianceId)).toMatchObject({
      problems: [
        {
          path: 'unit.id',
          code: 'not-a-member',
          message: `unit ${a.unit.id} (空空导弹研究院) was refused by alliance ${a.allianceId}; its lists are not accepted unless the alliance's coordinator admits it on the roster (成员名册)`,
        },
      ],
    });
    await kafka.submit('demand', a.meals('dl-1'), a.community.id);
    expect(await answerOf('dl-1', a.allianceId)).toMatchObject({ membership: 'active' });
    expect(await call('matcher', 'POST', `/alliances/${a.allianceId}/rounds`, coordinator)).toMatchObject({
      body: { proposed: 0, unmatchedDemands: 1 },
    });
    expect(await projects(a.allianceId)).toEqual([]);
    const { rows } = await db.query(
      `SELECT list_id FROM lists WHERE alliance_id = $1 AND kind = 'resource'`,
      [a.allianceId],
    );
    expect(rows).toEqual([{ list_id: 'rl-1' }]);
  });
});
