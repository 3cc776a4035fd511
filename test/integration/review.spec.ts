import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type EventObserver, type KafkaSubmitter } from '@test/support/answers';
import { proposedAlliance } from '@test/support/alliance-scenario';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import type { MatcherProcess } from '@test/support/intake-process';
import { authHeaders, coordinatorOf } from '@test/support/tokens';
import { enroll } from '@test/support/roster';
import type { TokenSubject } from '@redcrowd/auth';

/** Coordinator review over HTTP against the real matcher, broker and database. */
describe('project review', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;
  let matcher: MatcherProcess;
  let observer: EventObserver;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, [
      'projectsProposed',
      'projectsStatusChanged',
    ]);
    ({ kafka, db, matcher, observer } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  /** The coordinator of the alliance the current test made (set by proposedProject). */
  let signedIn: TokenSubject | null = null;

  const call = async (method: string, path: string, body?: unknown, who: TokenSubject | null = signedIn) => {
    const headers = who ? await authHeaders(who) : { 'content-type': 'application/json' };
    const response = await fetch(`${matcher.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** An alliance with one canteen (30 meals) and a demand for `demandQuantity` meals, proposed. */
  async function proposedProject(demandQuantity = 40) {
    const proposed = await proposedAlliance(harness, { demandQuantity });
    signedIn = coordinatorOf(proposed.allianceId);
    const detail = await call('GET', `/projects/${proposed.projectId}`);
    return { ...proposed, resourceItemPk: detail.body.allocations[0].resourceItemPk as string };
  }

  it('lists and filters an alliance’s projects and shows each allocation’s explanation', async () => {
    const { allianceId, community, unit, projectId } = await proposedProject();
    const all = await call('GET', `/projects?allianceId=${allianceId}`);
    expect(all.body.map((p: { id: string }) => p.id)).toEqual([projectId]);
    for (const filter of [
      `community=${community.id}`,
      `unit=${unit.id}`,
      'category=elderly-care',
      'urgency=urgent',
      'status=proposed',
    ]) {
      expect((await call('GET', `/projects?allianceId=${allianceId}&${filter}`)).body).toHaveLength(1);
    }
    for (const filter of [
      'community=community-015',
      'unit=unit-other',
      'category=legal',
      'urgency=critical',
      'status=approved',
    ]) {
      expect((await call('GET', `/projects?allianceId=${allianceId}&${filter}`)).body).toHaveLength(0);
    }
    const detail = await call('GET', `/projects/${projectId}`);
    expect(detail.body).toMatchObject({
      status: 'proposed',
      requested: 40,
      unmet: 10,
      submitterId: community.id,
      demandItemId: 'elderly-meals-52',
    });
    expect(detail.body.allocations[0]).toMatchObject({
      resourceItemId: 'canteen',
      resourceListId: 'rl-1',
      quantity: 30,
    });
    expect(detail.body.allocations[0].explanation.map((c: { name: string }) => c.name).sort()).toEqual([
      'category',
      'distance',
      'tags',
      'window',
    ]);
    expect(detail.body.events).toEqual([expect.objectContaining({ actor: 'matcher', action: 'proposed' })]);
  });

  it('approves a project once, offers it to its paired unit, holds its resources and audits it', async () => {
    const { allianceId, projectId } = await proposedProject();
    expect((await call('POST', `/projects/${projectId}/approve`, {}, null)).status).toBe(401);
    const approved = await call('POST', `/projects/${projectId}/approve`, { expectedVersion: 1 });
    // Approval offers the project to its allocated units in the same transaction.
    expect(approved).toEqual({ status: 200, body: { projectId, status: 'offered', version: 3 } });
    const again = await call('POST', `/projects/${projectId}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'illegal-transition',
      message: `project ${projectId} is offered and cannot become approved; it can only become claimed or expired or cancelled`,
    });
    const changes = await eventually(
      () => {
        const found = observer
          .on(harness.topics.projectsStatusChanged)
          .filter((e) => e.value.projectId === projectId);
        return found.length >= 2 ? found : undefined;
      },
      () => 'no status events',
    );
    expect(changes.map((e) => [e.value.from, e.value.to, e.value.version])).toEqual([
      ['proposed', 'approved', 2],
      ['approved', 'offered', 3],
    ]);
    expect(changes[0]!.value.actor).toBe(coordinatorOf(allianceId).subject);
    const { rows } = await db.query(
      `SELECT pa.pinned, ri.status FROM project_allocations pa JOIN resource_items ri ON ri.id = pa.resource_item_pk
       WHERE pa.project_id = $1`,
      [projectId],
    );
    expect(rows).toEqual([{ pinned: true, status: 'matched' }]);
    // A later round leaves approved work alone.
    const round = await call('POST', `/alliances/${allianceId}/rounds`);
    expect(round.body).toMatchObject({ proposed: 0, revised: 0, cancelled: 0 });
  });

  it('rejects only with a reason, and refuses stale versions and unknown projects', async () => {
    const { allianceId, projectId } = await proposedProject();
    const noReason = await call('POST', `/projects/${projectId}/reject`, {});
    // The field at fault is named, so the dashboard shows the message next to it.
    expect(noReason.body.error).toMatchObject({ code: 'invalid-request', field: 'reason' });
    expect((await call('POST', `/projects/${projectId}/reject`, { reason: '  ' })).status).toBe(400);
    const stale = await call('POST', `/projects/${projectId}/reject`, {
      reason: '场地冲突',
      expectedVersion: 7,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version-conflict');
    const rejected = await call('POST', `/projects/${projectId}/reject`, { reason: '场地冲突' });
    expect(rejected.body).toMatchObject({ status: 'rejected' });
    const detail = await call('GET', `/projects/${projectId}`);
    expect(detail.body.events.at(-1)).toMatchObject({
      action: 'rejected',
      reason: '场地冲突',
      actor: coordinatorOf(allianceId).subject,
    });
    expect((await call('GET', `/projects/${randomUUID()}`)).status).toBe(404);
    expect((await call('POST', `/projects/not-a-uuid/approve`)).status).toBe(404);
  });

  it('edits an allocation within the demand and the resource, and later rounds keep the edit', async () => {
    const { allianceId, projectId, resourceItemPk } = await proposedProject(20);
    const path = `/projects/${projectId}/allocations/${resourceItemPk}`;
    expect((await call('PATCH', path, { quantity: 0 })).status).toBe(400);
    const overDemand = await call('PATCH', path, { quantity: 25 });
    expect(overDemand.status).toBe(409);
    expect(overDemand.body.error.message).toContain('the demand asks for 20');
    expect(
      (await call('PATCH', `/projects/${projectId}/allocations/999999999`, { quantity: 1 })).status,
    ).toBe(404);
    const edited = await call('PATCH', path, { quantity: 12 });
    expect(edited.body).toMatchObject({ status: 'proposed', version: 2 });
    const round = await call('POST', `/alliances/${allianceId}/rounds`);
    expect(round.body).toMatchObject({ revised: 0, cancelled: 0 });
    const detail = await call('GET', `/projects/${projectId}`);
    expect(detail.body).toMatchObject({
      unmet: 8,
      allocations: [expect.objectContaining({ quantity: 12, pinned: true })],
    });
    expect(detail.body.events.at(-1)).toMatchObject({
      action: 'allocation-edited',
      details: { from: 20, to: 12 },
    });
  });

  it('offers candidates for a swap and moves an allocation to another fitting resource', async () => {
    const { allianceId, projectId, resourceItemPk } = await proposedProject(20);
    const other = { id: `unit-hospital-${allianceId}`, name: '洛阳市中心医院' };
    await enroll(db, allianceId, other);
    await kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-hospital',
          allianceId,
          unit: other,
          items: [
            resourceItem({ itemId: 'kitchen', category: 'elderly-care', unit: 'meals', quantity: 25 }),
            resourceItem({ itemId: 'lawyer', category: 'legal', unit: 'sessions', quantity: 5 }),
          ],
        }),
      ),
      other.id,
    );
    const candidates = await eventually(
      async () => {
        const found = (await call('GET', `/projects/${projectId}/candidates`)).body;
        return found.length === 2 ? found : undefined;
      },
      () => 'the hospital kitchen never became a candidate',
    );
    const kitchen = candidates.find((c: { resourceItemId: string }) => c.resourceItemId === 'kitchen');
    expect(kitchen).toMatchObject({
      unitId: other.id,
      unitName: '洛阳市中心医院',
      resourceTitle: '近700平方米办公用房',
      available: 25,
      allocatedToThisProject: 0,
    });
    expect(
      candidates.find((c: { resourceItemPk: string }) => c.resourceItemPk === resourceItemPk),
    ).toMatchObject({
      allocatedToThisProject: 20,
    });

    const path = `/projects/${projectId}/allocations/${resourceItemPk}`;
    const { rows } = await db.query(
      `SELECT ri.id::text AS pk FROM resource_items ri JOIN lists l ON l.id = ri.list_pk
       WHERE l.alliance_id = $1 AND ri.item_id = 'lawyer'`,
      [allianceId],
    );
    const notCandidate = await call('PATCH', path, { swapTo: rows[0].pk });
    expect(notCandidate.status).toBe(422);
    expect(notCandidate.body.error.code).toBe('not-a-candidate');

    const swapped = await call('PATCH', path, { swapTo: kitchen.resourceItemPk, quantity: 20 });
    expect(swapped.body).toMatchObject({ status: 'proposed' });
    const detail = await call('GET', `/projects/${projectId}`);
    expect(detail.body.allocations).toEqual([
      expect.objectContaining({ resourceItemId: 'kitchen', unitId: other.id, quantity: 20, pinned: true }),
    ]);
    expect(detail.body.events.at(-1)).toMatchObject({ action: 'allocation-swapped' });
  });
});
