import { randomUUID } from 'node:crypto';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';
import { enroll } from '@test/support/roster';
import { openLiveStream } from '@test/support/live-stream';

/*
 * The dashboard's read models and live stream against the real matcher, broker and
 * database: why each unmet demand is unmet, the overview's figures, the map, what a unit and
 * a community see of their own, and who hears which change.
 */
describe('dashboard read models', () => {
  let harness: MatcherHarness;
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const academy = { id: `kongkong-${allianceId}`, name: '空空导弹研究院' };
  const university = { id: `keji-${allianceId}`, name: '河南科技大学' };
  const community = { kind: 'community', id: `c014-${allianceId}`, name: '014中心社区' };
  const near = { lat: 34.6852, lng: 112.4371 };

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, ['projectsProposed', 'claimsOffered']);
    await enroll(harness.db, allianceId, academy, university, community);
    const offer = (unit: { id: string; name: string }, items: Array<Record<string, unknown>>) =>
      harness.kafka.submit(
        'resource',
        JSON.stringify(resourceList({ listId: `rl-${unit.id}`, allianceId, unit, items })),
        unit.id,
      );
    await offer(academy, [
      resourceItem({
        itemId: 'canteen',
        category: 'elderly-care',
        unit: 'meals',
        quantity: 30,
        serviceRadiusKm: 2,
      }),
    ]);
    await offer(university, [
      resourceItem({
        itemId: 'clinic',
        category: 'health',
        unit: 'people',
        quantity: 50,
        serviceRadiusKm: 5,
      }),
      resourceItem({
        itemId: 'workshop',
        category: 'repairs',
        unit: 'visits',
        quantity: 12,
        serviceRadiusKm: 2,
        location: { lat: 34.6588, lng: 112.3917 },
      }),
    ]);
    // Every resource is stored before the demands arrive, so the first round sees them all.
    await eventually(
      async () =>
        Number(
          (
            await harness.db.query(
              `SELECT count(*) FROM resource_items ri JOIN lists l ON l.id = ri.list_pk WHERE l.alliance_id = $1`,
              [allianceId],
            )
          ).rows[0].count,
        ) === 3,
      () => 'resources not stored',
    );
    const demand = (itemId: string, overrides: Record<string, unknown>) =>
      demandItem({ itemId, location: { ...near, address: itemId }, ...overrides });
    await harness.kafka.submit(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-1',
          allianceId,
          submitter: community,
          items: [
            demand('meals-urgent', { title: '52号楼老人送餐', quantity: 40, urgency: 'critical' }),
            demand('meals-routine', { title: '午餐配送', quantity: 20, urgency: 'routine' }),
            demand('health', { title: '健康体检', category: 'health', unit: 'people', quantity: 60 }),
            demand('legal', { title: '法律咨询', category: 'legal', unit: 'sessions', quantity: 10 }),
            demand('repairs', { title: '家电维修', category: 'repairs', unit: 'visits', quantity: 8 }),
          ],
        }),
      ),
      community.id,
    );
  }, 180_000);

  afterAll(() => harness?.stop(), 60_000);

  const get = async (path: string, who: TokenSubject) => {
    const response = await fetch(`${harness.matcher.url}${path}`, { headers: await authHeaders(who) });
    expect(response.status).toBe(200);
    return (await response.json()) as any;
  };
  const post = async (path: string, who: TokenSubject, body: unknown = {}) => {
    const response = await fetch(`${harness.matcher.url}${path}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const coordinator = coordinatorOf(allianceId);

  it('says why each unmet demand is unmet', async () => {
    const unmet = await eventually(
      async () => {
        const rows = (await get('/alliance/unmet', coordinator)) as Array<{ itemId: string; reason: string }>;
        // Until the first round has run, every stored demand is "not matched yet".
        return rows.length === 5 && rows.every((row) => row.reason !== 'not-matched-yet') ? rows : undefined;
      },
      () => `no round explained the unmet demands:\n${harness.matcher.tail()}`,
    );
    expect(Object.fromEntries(unmet.map((row) => [row.itemId, row.reason]))).toEqual({
      'meals-urgent': 'partly-met', // 30 of 40: the canteen has no more
      'meals-routine': 'no-capacity', // a candidate, but the canteen went to the critical demand
      health: 'partly-met', // 50 of 60
      legal: 'no-supply-in-category',
      repairs: 'none-in-radius', // the workshop serves 2 km around it, 6 km away
    });
    expect(unmet[0]).toMatchObject({ itemId: 'meals-urgent', unmet: 10, submitterName: '014中心社区' });
  });

  it('streams changes live: the coordinator sees which project, a unit only that something changed', async () => {
    const projects = (await get('/projects', coordinator)) as Array<{ id: string; demandItemId: string }>;
    const meals = projects.find((project) => project.demandItemId === 'meals-urgent')!;
    const coordinatorStream = await openLiveStream(harness.matcher.url, coordinator);
    const unitStream = await openLiveStream(harness.matcher.url, unitOf(allianceId, academy.id));
    const otherAlliance = await openLiveStream(harness.matcher.url, coordinatorOf(`other-${allianceId}`));
    try {
      expect((await post(`/projects/${meals.id}/approve`, coordinator)).status).toBe(200);
      const seen = await eventually(
        () => coordinatorStream.events.find((event) => event.data.status === 'offered'),
        () => `no live change: ${JSON.stringify(coordinatorStream.events)}`,
      );
      expect(seen).toMatchObject({ event: 'changed', data: { projectId: meals.id, status: 'offered' } });
      await eventually(
        () => unitStream.events.length > 0,
        () => 'the unit heard nothing',
      );
      expect(unitStream.events.every((event) => Object.keys(event.data).join() === 'at')).toBe(true);
      expect(otherAlliance.events).toEqual([]);
    } finally {
      for (const stream of [coordinatorStream, unitStream, otherAlliance]) stream.close();
    }
  });

  it('shows a unit its offer and claim, and a community its demands with their projects', async () => {
    const unit = unitOf(allianceId, academy.id);
    const offers = await eventually(
      async () => {
        const rows = (await get('/me/offers', unit)) as any[];
        return rows.length === 1 ? rows : undefined;
      },
      () => 'no offer for the academy',
    );
    expect(offers[0]).toMatchObject({
      status: 'open',
      stage: 'paired',
      quantity: 30,
      project: { status: 'offered', title: '52号楼老人送餐', submitterName: '014中心社区' },
    });
    // Who to call, as the coordinator keeps it on the roster.
    await harness.db.query(
      `UPDATE alliance_members SET contact_name = $3, contact_phone = $4, address = $5
       WHERE alliance_id = $1 AND member_id = $2`,
      [allianceId, community.id, '王书记', '0379-63912345', '邙岭路街道014中心社区'],
    );
    await harness.db.query(
      `UPDATE alliance_members SET contact_name = $3, contact_phone = $4 WHERE alliance_id = $1 AND member_id = $2`,
      [allianceId, academy.id, '李老师', '13812345678'],
    );
    expect((await get('/me/claims', unit)).every((row: { contact: unknown }) => row.contact === null)).toBe(
      true,
    );
    const claim = await post('/claims', unit, {
      claimId: 'web-1',
      projectId: offers[0].projectId,
      quantity: 30,
    });
    expect(claim.body).toMatchObject({ decision: 'accepted', acceptedQuantity: 30, unitId: academy.id });
    expect(await get('/me/claims', unit)).toEqual([
      expect.objectContaining({
        claimId: 'web-1',
        decision: 'accepted',
        projectStatus: 'claimed',
        submitterName: '014中心社区',
        // Accepted: the unit may now call the community, and only now.
        contact: {
          memberId: community.id,
          name: '014中心社区',
          contactName: '王书记',
          contactPhone: '0379-63912345',
          address: '邙岭路街道014中心社区',
        },
        completion: null,
      }),
    ]);
    // Another unit's representative sees none of it.
    expect(await get('/me/offers', unitOf(allianceId, university.id))).toEqual([]);

    const demands = (await get('/me/demands', communityOf(allianceId, community.id))) as any[];
    const byItem = Object.fromEntries(demands.map((row) => [row.itemId, row]));
    expect(demands).toHaveLength(5);
    expect(byItem['meals-urgent'].project).toMatchObject({
      status: 'claimed',
      unmet: 10,
      units: ['空空导弹研究院'],
      contacts: [
        {
          memberId: academy.id,
          name: '空空导弹研究院',
          contactName: '李老师',
          contactPhone: '13812345678',
          address: null,
        },
      ],
    });
    expect(byItem['health'].project).toMatchObject({ contacts: [] });
    // The community's own roster entry comes with who it is: its demand form starts there.
    expect(await get('/me', communityOf(allianceId, community.id))).toMatchObject({
      member: { name: '014中心社区', address: '邙岭路街道014中心社区', contactName: '王书记' },
    });
    expect(await get('/me', coordinator)).toMatchObject({ member: null });
    expect(byItem['legal']).toMatchObject({ project: null, unmetReason: 'no-supply-in-category' });
  });

  it('counts demands met, adds quantities only within a unit of measure, and draws the map', async () => {
    const overview = await get('/alliance/overview', coordinator);
    // Five demands: 30 of 40 meals claimed, 50 of 60 check-ups proposed, the rest without a project.
    expect(overview.coverageByCommunity).toEqual([
      { communityId: community.id, name: '014中心社区', demands: 5, fullyAllocated: 0, fullyClaimed: 0 },
    ]);
    expect(overview.coverageByCategory).toContainEqual({
      category: 'elderly-care',
      demands: 2,
      fullyAllocated: 0,
      fullyClaimed: 0,
    });
    expect(overview.demandsByClaimedShare).toEqual([
      { band: 'none', count: 4 },
      { band: 'under-half', count: 0 },
      { band: 'half-or-more', count: 1 },
      { band: 'all', count: 0 },
    ]);
    expect(overview.quantitiesByUnit).toEqual([
      // The largest request first; at equal requests, the larger supply.
      { quantityUnit: 'people', requested: 60, allocated: 50, claimed: 0, offered: 50, used: 0 },
      { quantityUnit: 'meals', requested: 60, allocated: 30, claimed: 30, offered: 30, used: 30 },
      { quantityUnit: 'sessions', requested: 10, allocated: 0, claimed: 0, offered: 0, used: 0 },
      { quantityUnit: 'visits', requested: 8, allocated: 0, claimed: 0, offered: 12, used: 0 },
    ]);
    expect(overview.supplyByCategory).toContainEqual({
      category: 'elderly-care',
      quantityUnit: 'meals',
      offered: 30,
      used: 30,
    });
    expect(overview.supplyByCategory).toContainEqual({
      category: 'health',
      quantityUnit: 'people',
      offered: 50,
      used: 0,
    });
    expect(overview.statusCounts).toEqual({ claimed: 1, proposed: 1 });
    expect(overview.demandToClaimHours).toMatchObject({ count: 1 });
    expect(overview.units).toContainEqual({
      unitId: academy.id,
      name: '空空导弹研究院',
      projects: 1,
      points: 0,
    });
    expect(overview.openHall).toEqual([]);

    const map = await get('/alliance/map', coordinator);
    expect(map.demands).toHaveLength(5);
    expect(map.resources).toHaveLength(3);
    expect(map.resources).toContainEqual(
      expect.objectContaining({
        title: '近700平方米办公用房',
        capacity: 30,
        used: 30,
        quantityUnit: 'meals',
      }),
    );
    expect(map.demands).toContainEqual(
      expect.objectContaining({ title: '健康体检', quantityUnit: 'people' }),
    );
    expect(map.links.map((link: { status: string }) => link.status).sort()).toEqual(['claimed', 'proposed']);
  });

  it('tells the community and the unmet list why the joint meeting rejected a project, not "not matched yet"', async () => {
    const projects = (await get('/projects', coordinator)) as Array<{ id: string; demandItemId: string }>;
    const health = projects.find((project) => project.demandItemId === 'health')!;
    const reason = '体检需由具备资质的医院承担';
    expect((await post(`/projects/${health.id}/reject`, coordinator, { reason })).status).toBe(200);

    const unmet = (await get('/alliance/unmet', coordinator)) as any[];
    expect(unmet.find((row) => row.itemId === 'health')).toMatchObject({
      reason: 'rejected',
      unmet: 60,
      rejection: { projectId: health.id, reason, at: expect.any(String) },
    });
    expect(unmet.find((row) => row.itemId === 'legal')).toMatchObject({ rejection: null });

    const demands = (await get('/me/demands', communityOf(allianceId, community.id))) as any[];
    const byItem = Object.fromEntries(demands.map((row) => [row.itemId, row]));
    expect(byItem['health']).toMatchObject({ project: null, rejection: { projectId: health.id, reason } });
    expect(byItem['meals-urgent']).toMatchObject({ rejection: null, project: { completion: null } });
  });

  it('ends open live streams when the matcher shuts down, instead of hanging the shutdown', async () => {
    const stream = await openLiveStream(harness.matcher.url, coordinator);
    const stopped = Date.now();
    // SIGTERM is the orderly path (npm start's Ctrl-C, a container stop); an open page
    // would otherwise keep the HTTP server from closing until it is killed.
    await harness.matcher.stop('SIGTERM');
    expect(Date.now() - stopped).toBeLessThan(30_000);
    // Nest re-raises the signal after its shutdown hooks, so the sign of an orderly stop is
    // the matcher's last log line, written once everything is closed.
    expect(harness.matcher.output.some((line) => line.includes('"matcher stopped"'))).toBe(true);
    await eventually(
      () => stream.ended(),
      () => 'the stream is still open',
    );
  });
});
