import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { PDF_NAMED_PHOTO, TINY_PNG } from '@test/fixtures/photos';
import { eventually, type EventObserver, type KafkaSubmitter } from '@test/support/answers';
import { authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';
import type { TokenSubject } from '@redcrowd/auth';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import type { MatcherProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';

/**
 * The whole 清单+接单 cycle over real Kafka, HTTP and Postgres: lists in → project proposed →
 * approved → offered → claimed → in progress → completed with a rating → points credited.
 */
describe('清单+接单 cycle', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;
  let matcher: MatcherProcess;
  let observer: EventObserver;

  beforeAll(async () => {
    harness = await startMatcherHarness(
      {
        MATCHER_DEBOUNCE_MS: '50',
        MATCHER_OFFER_SWEEP_MS: '300',
      },
      ['listAccepted', 'projectsProposed', 'projectsStatusChanged', 'claimsOffered', 'claimsDecided'],
    );
    ({ kafka, db, matcher, observer } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const post = async (path: string, who: TokenSubject, body: unknown = {}) => {
    const response = await fetch(`${matcher.url}${path}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  async function alliance() {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const academy = { id: `kongkong-${allianceId}`, name: '空空导弹研究院' };
    const university = { id: `keji-daxue-${allianceId}`, name: '河南科技大学' };
    const community = { kind: 'community', id: `community-014-${allianceId}`, name: '014中心社区' };
    await enroll(db, allianceId, academy, university, community);
    for (const [unit, quantity] of [
      [academy, 6],
      [university, 4],
    ] as const) {
      await kafka.submit(
        'resource',
        JSON.stringify(
          resourceList({
            listId: 'rl-1',
            allianceId,
            unit,
            items: [resourceItem({ itemId: 'tutors', category: 'education', unit: 'sessions', quantity })],
          }),
        ),
        unit.id,
      );
    }
    // Both resources are in the pool before the demand arrives, so the first round sees them both.
    await eventually(
      () => kafka.accepted.filter((e) => e.value.allianceId === allianceId).length === 2,
      () => 'the resource lists were not accepted',
    );
    await kafka.submit(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-1',
          allianceId,
          submitter: community,
          items: [
            demandItem({
              itemId: 'homework-help',
              category: 'education',
              unit: 'sessions',
              quantity: 10,
              title: '小学生作业辅导',
            }),
          ],
        }),
      ),
      community.id,
    );
    const proposal = await eventually(
      () => observer.on(harness.topics.projectsProposed).find((e) => e.key === allianceId),
      () => `no proposal:\n${matcher.tail()}`,
    );
    return {
      allianceId,
      academy,
      university,
      community,
      projectId: proposal.value.project.projectId as string,
      proposal,
    };
  }

  it('runs from lists to a completed, rated project with points for both claiming units', async () => {
    const a = await alliance();
    // Topics are not ordered with each other: the acceptances may reach the observer after the proposal.
    await eventually(
      () => observer.on(harness.topics.listAccepted).filter((e) => e.key === a.allianceId).length === 3,
      () => 'the three lists were not all accepted',
    );
    expect(
      a.proposal.value.project.allocations
        .map((x: { unitId: string; quantity: number }) => [x.unitId, x.quantity])
        .sort(),
    ).toEqual(
      [
        [a.academy.id, 6],
        [a.university.id, 4],
      ].sort(),
    );

    expect((await post(`/projects/${a.projectId}/approve`, coordinatorOf(a.allianceId))).body.status).toBe(
      'offered',
    );
    const offers = await eventually(
      () => {
        const found = observer
          .on(harness.topics.claimsOffered)
          .filter((e) => e.value.projectId === a.projectId);
        return found.length === 2 ? found : undefined;
      },
      () => 'paired offers missing',
    );
    expect(offers.map((e) => [e.key, e.value.quantity, e.value.stage]).sort()).toEqual(
      [
        [a.academy.id, 6, 'paired'],
        [a.university.id, 4, 'paired'],
      ].sort(),
    );

    // Both units claim their shares jointly (one over Kafka, one over HTTP).
    await kafka.publish(harness.topics.claimsSubmitted, a.academy.id, {
      claimId: 'academy-1',
      projectId: a.projectId,
      unitId: a.academy.id,
      quantity: 6,
      submittedAt: '2026-12-01T09:00:00+08:00',
    });
    const viaHttp = await post('/claims', unitOf(a.allianceId, a.university.id), {
      claimId: 'university-1',
      projectId: a.projectId,
      unitId: a.university.id,
      quantity: 4,
      submittedAt: '2026-12-01T09:05:00+08:00',
    });
    expect(viaHttp.body.decision).toBe('accepted');
    await eventually(
      async () =>
        (await db.query(`SELECT status FROM projects WHERE id = $1`, [a.projectId])).rows[0].status ===
        'claimed',
      () => `never claimed:\n${matcher.tail()}`,
    );

    // The alliance's own policy: 20 points per project (the deployment default is 10).
    const put = async (body: unknown) => {
      const response = await fetch(`${matcher.url}/alliances/${a.allianceId}/policy`, {
        method: 'PUT',
        headers: await authHeaders(coordinatorOf(a.allianceId)),
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect((await put({ pointsPerProject: -1 })).status).toBe(400);
    expect(
      (await put({ matching: { weights: { category: -1, tags: 0, distance: 0, window: 0 } } })).status,
    ).toBe(400);
    expect((await put({ pointsPerProject: 20 })).body).toMatchObject({
      pointsPerProject: 20,
      offerWindowMs: 172800000,
    });

    expect((await post(`/projects/${a.projectId}/start`, unitOf(a.allianceId, 'someone-else'))).status).toBe(
      403,
    );
    expect(
      (await post(`/projects/${a.projectId}/start`, unitOf(a.allianceId, a.academy.id))).body.status,
    ).toBe('in-progress');
    expect(
      (
        await post(`/projects/${a.projectId}/complete`, communityOf(a.allianceId, a.community.id), {
          rating: 6,
        })
      ).status,
    ).toBe(400);
    expect(
      (await post(`/projects/${a.projectId}/complete`, unitOf(a.allianceId, a.academy.id), { rating: 5 }))
        .status,
    ).toBe(403);

    // 完成报告: each claiming unit reports its part done, as a phone sends it (multipart, photo).
    const report = async (unit: { id: string }, fields: Record<string, string>, photo?: Buffer) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      if (photo) form.append('photo', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0001.jpg');
      const { authorization } = await authHeaders(unitOf(a.allianceId, unit.id));
      const response = await fetch(`${matcher.url}/projects/${a.projectId}/report`, {
        method: 'POST',
        headers: { authorization: authorization! },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    expect(await report(a.academy, { note: '科普讲座两场', hours: '4.5' }, TINY_PNG)).toMatchObject({
      status: 200,
      body: { status: 'in-progress' },
    });
    const refusedPhoto = await report(a.university, { note: '辅导作业', hours: '3' }, PDF_NAMED_PHOTO);
    expect(refusedPhoto).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid-request',
          problems: [{ path: 'photo', code: 'invalid-value', words: { zh: '「照片」不是可选的值' } }],
        },
      },
    });
    const early = await post(`/projects/${a.projectId}/complete`, communityOf(a.allianceId, a.community.id), {
      rating: 5,
    });
    expect([early.status, early.body.error.code]).toEqual([409, 'work-not-reported']);
    expect((await report(a.university, { note: '辅导作业', hours: '3' })).status).toBe(200);

    const asCommunity = await authHeaders(communityOf(a.allianceId, a.community.id));
    const reports = (await (
      await fetch(`${matcher.url}/projects/${a.projectId}/reports`, { headers: asCommunity })
    ).json()) as any[];
    expect(reports.map((entry) => [entry.unitName, entry.note, entry.hours, entry.hasPhoto])).toEqual([
      ['空空导弹研究院', '科普讲座两场', 4.5, true],
      ['河南科技大学', '辅导作业', 3, false],
    ]);
    const photo = await fetch(`${matcher.url}/projects/${a.projectId}/reports/${a.academy.id}/photo`, {
      headers: asCommunity,
    });
    expect([
      photo.status,
      photo.headers.get('content-type'),
      photo.headers.get('x-content-type-options'),
    ]).toEqual([200, 'image/png', 'nosniff']);
    expect(Buffer.from(await photo.arrayBuffer()).equals(TINY_PNG)).toBe(true);

    const done = await post(`/projects/${a.projectId}/complete`, communityOf(a.allianceId, a.community.id), {
      rating: 5,
      note: '孩子们很喜欢',
    });
    expect(done.body.status).toBe('completed');
    expect(
      (
        await post(`/projects/${a.projectId}/complete`, communityOf(a.allianceId, a.community.id), {
          rating: 5,
        })
      ).status,
    ).toBe(409);

    const transitions = await eventually(
      () => {
        const found = observer
          .on(harness.topics.projectsStatusChanged)
          .filter((e) => e.value.projectId === a.projectId);
        return found.length >= 7 ? found : undefined;
      },
      () => 'status events missing',
    );
    // The two reports are edits in place: in progress → in progress.
    expect(transitions.map((e) => e.value.to)).toEqual([
      'approved',
      'offered',
      'claimed',
      'in-progress',
      'in-progress',
      'in-progress',
      'completed',
    ]);
    expect(transitions.at(-1)!.value.reason).toBe('rated 5: 孩子们很喜欢');
    // The audit trail names who acted: the units that reported, the community that confirmed.
    const audit = (await (
      await fetch(`${matcher.url}/projects/${a.projectId}`, {
        headers: await authHeaders(coordinatorOf(a.allianceId)),
      })
    ).json()) as { events: Array<{ actor: string; actorName: string | null; action: string }> };
    expect(
      audit.events
        .filter((event) => ['proposed', 'work-reported', 'completed'].includes(event.action))
        .map((event) => [event.action, event.actorName]),
    ).toEqual([
      ['proposed', null],
      ['work-reported', '空空导弹研究院'],
      ['work-reported', '河南科技大学'],
      ['completed', a.community.name],
    ]);
    // The community's card keeps its rating and comment after completion.
    const demands = await fetch(`${matcher.url}/me/demands`, {
      headers: await authHeaders(communityOf(a.allianceId, a.community.id)),
    });
    expect(await demands.json()).toContainEqual(
      expect.objectContaining({
        project: expect.objectContaining({
          status: 'completed',
          completion: { at: expect.any(String), rating: 5, note: '孩子们很喜欢' },
        }),
      }),
    );

    const points = await fetch(`${matcher.url}/units/${a.academy.id}/points`, {
      headers: await authHeaders(unitOf(a.allianceId, a.academy.id)),
    });
    expect(await points.json()).toMatchObject({
      total: 12,
      entries: [{ projectId: a.projectId, points: 12 }],
    });
    const { rows } = await db.query(
      `SELECT unit_id, points FROM points_ledger WHERE project_id = $1 ORDER BY unit_id`,
      [a.projectId],
    );
    expect(rows.map((row) => row.points).sort((x, y) => x - y)).toEqual([8, 12]);
  });

  it('reopens a declined offer to the open hall at once, never to a unit that declined it', async () => {
    const a = await alliance();
    await post(`/projects/${a.projectId}/approve`, coordinatorOf(a.allianceId));
    // A third unit offers tutoring after the round: it fits the open hall, not the proposal.
    const school = { id: `yucai-${a.allianceId}`, name: '育才小学' };
    await enroll(db, a.allianceId, school);
    await kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-1',
          allianceId: a.allianceId,
          unit: school,
          items: [resourceItem({ itemId: 'tutors', category: 'education', unit: 'sessions', quantity: 12 })],
        }),
      ),
      school.id,
    );
    await eventually(
      () =>
        kafka.accepted.some((e) => e.value.allianceId === a.allianceId && e.value.submitter.id === school.id),
      () => 'the school’s list was not accepted',
    );
    const academyOffer = await eventually(
      () =>
        observer
          .on(harness.topics.claimsOffered)
          .find((e) => e.value.projectId === a.projectId && e.key === a.academy.id),
      () => 'no offer',
    );
    // Both paired offers are published together, but may reach the observer one by one.
    const universityOffer = await eventually(
      () =>
        observer
          .on(harness.topics.claimsOffered)
          .find((e) => e.value.projectId === a.projectId && e.key === a.university.id),
      () => 'no offer to the university',
    );
    expect(
      (await post(`/offers/${academyOffer.value.offerId}/decline`, unitOf(a.allianceId, a.university.id)))
        .status,
    ).toBe(404);
    const tooLong = await post(
      `/offers/${academyOffer.value.offerId}/decline`,
      unitOf(a.allianceId, a.academy.id),
      {
        reason: '忙'.repeat(501),
      },
    );
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    expect(
      (
        await post(`/offers/${academyOffer.value.offerId}/decline`, unitOf(a.allianceId, a.academy.id), {
          reason: ' 本月辅导老师已排满 ',
        })
      ).body,
    ).toEqual({ offerId: academyOffer.value.offerId, status: 'declined', reason: '本月辅导老师已排满' });
    expect(
      (await post(`/offers/${universityOffer.value.offerId}/decline`, unitOf(a.allianceId, a.university.id)))
        .status,
    ).toBe(200);
    const openHall = await eventually(
      () => {
        const found = observer
          .on(harness.topics.claimsOffered)
          .filter((e) => e.value.projectId === a.projectId && e.value.stage === 'open-hall');
        return found.length >= 1 ? found : undefined;
      },
      () => `no open hall:\n${matcher.tail()}`,
    );
    expect(openHall.map((e) => [e.key, e.value.quantity])).toEqual([[school.id, 10]]);

    // The coordinator sees who declined, and why, on the project.
    const detail = await fetch(`${matcher.url}/projects/${a.projectId}`, {
      headers: await authHeaders(coordinatorOf(a.allianceId)),
    });
    const offers = ((await detail.json()) as { offers: Array<Record<string, unknown>> }).offers;
    // Paired offers first, then the open hall.
    expect(offers.map((offer) => offer.stage)).toEqual(['paired', 'paired', 'open-hall']);
    expect(offers.map((offer) => [offer.unitId, offer.stage, offer.status, offer.declineReason])).toEqual(
      expect.arrayContaining([
        [a.academy.id, 'paired', 'declined', '本月辅导老师已排满'],
        [a.university.id, 'paired', 'declined', null],
        [school.id, 'open-hall', 'open', null],
      ]),
    );
    expect(offers.find((offer) => offer.unitId === a.academy.id)).toMatchObject({
      unitName: '空空导弹研究院',
    });
    // And the unit keeps its own reason on its declined offer.
    const mine = await fetch(`${matcher.url}/me/offers`, {
      headers: await authHeaders(unitOf(a.allianceId, a.academy.id)),
    });
    expect(
      ((await mine.json()) as Array<Record<string, unknown>>).map((offer) => [
        offer.status,
        offer.declineReason,
      ]),
    ).toEqual([['declined', '本月辅导老师已排满']]);
  });
});
