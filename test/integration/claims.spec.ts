import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type EventObserver, type KafkaSubmitter } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import type { MatcherProcess } from '@test/support/intake-process';
import { authHeaders, coordinatorOf, unitOf } from '@test/support/tokens';
import { enroll } from '@test/support/roster';
import type { TokenSubject } from '@redcrowd/auth';

const OFFER_WINDOW_MS = 4_000;

/** Offers and claims (认领) over real Kafka, HTTP and Postgres, with a short offer window. */
describe('offers and claims', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;
  let matcher: MatcherProcess;
  let observer: EventObserver;

  beforeAll(async () => {
    harness = await startMatcherHarness(
      {
        MATCHER_DEBOUNCE_MS: '50',
        MATCHER_OFFER_WINDOW_MS: String(OFFER_WINDOW_MS),
        MATCHER_OFFER_SWEEP_MS: '300',
        DB_POOL_SIZE: '10',
      },
      ['projectsProposed', 'projectsStatusChanged', 'claimsOffered', 'claimsDecided'],
    );
    ({ kafka, db, matcher, observer } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const post = async (path: string, body: unknown, who: TokenSubject) => {
    const response = await fetch(`${matcher.url}${path}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** Units sign in with their alliance's token; each test's units belong to its own alliance. */
  const allianceOfUnit = new Map<string, string>();
  const signedInUnit = (unitId: string) => unitOf(allianceOfUnit.get(unitId)!, unitId);

  /** An alliance whose canteen (unit `units[0]`) is proposed for a demand, plus other units with resources. */
  async function approvedProject(quantity: number, otherUnits = 0) {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const units = Array.from({ length: otherUnits + 1 }, (_, index) => `unit-${index}-${allianceId}`);
    for (const unitId of units) allianceOfUnit.set(unitId, allianceId);
    const community = { kind: 'community', id: `community-${allianceId}`, name: '014中心社区' };
    await enroll(db, allianceId, ...units.map((id, index) => ({ id, name: `联盟单位${index}` })), community);
    await kafka.submitMany(
      'resource',
      units.map((unitId, index) => ({
        key: unitId,
        value: JSON.stringify(
          resourceList({
            listId: 'rl-1',
            allianceId,
            unit: { id: unitId, name: `联盟单位${index}` },
            // The first unit sits next to the demand; the others further away, so the
            // optimum gives everything to the first.
            items: [
              resourceItem({
                itemId: 'meals',
                category: 'elderly-care',
                unit: 'meals',
                quantity,
                location: { lat: 34.6852 + index * 0.0005, lng: 112.4371 },
              }),
            ],
          }),
        ),
      })),
    );
    // All resources must be in the pool before the demand arrives, or the first round would
    // propose whichever units intake had stored by then.
    await eventually(
      () => kafka.accepted.filter((e) => e.value.allianceId === allianceId).length === units.length,
      () => 'not every resource list was accepted',
    );
    await kafka.submit(
      'demand',
      JSON.stringify(
        demandList({ listId: 'dl-1', allianceId, submitter: community, items: [demandItem({ quantity })] }),
      ),
      community.id,
    );
    const proposal = await eventually(
      () => observer.on(harness.topics.projectsProposed).find((e) => e.key === allianceId),
      () => `no proposal:\n${matcher.tail()}`,
    );
    const projectId: string = proposal.value.project.projectId;
    expect(proposal.value.project.allocations).toEqual([
      expect.objectContaining({ unitId: units[0], quantity }),
    ]);
    expect((await post(`/projects/${projectId}/approve`, {}, coordinatorOf(allianceId))).body.status).toBe(
      'offered',
    );
    return { allianceId, units, projectId };
  }

  const claim = (
    projectId: string,
    unitId: string,
    quantity: number,
    claimId = `claim-${randomUUID().slice(0, 8)}`,
  ) =>
    post(
      '/claims',
      { claimId, projectId, unitId, quantity, submittedAt: '2026-12-01T09:00:00+08:00' },
      signedInUnit(unitId),
    );

  it('offers an approved project to its paired unit and decides its claims', async () => {
    const { projectId, units } = await approvedProject(10, 1);
    const offer = await eventually(
      () => observer.on(harness.topics.claimsOffered).find((e) => e.value.projectId === projectId),
      () => 'no offer',
    );
    expect(offer.key).toBe(units[0]);
    expect(offer.value).toMatchObject({
      unitId: units[0],
      quantity: 10,
      stage: 'paired',
      demand: { listId: 'dl-1' },
    });

    const notOffered = await claim(projectId, units[1]!, 1);
    // A refused claim answers like every error, with its published decision beside it.
    expect(notOffered).toMatchObject({
      status: 409,
      body: {
        error: { code: 'not-offered', message: notOffered.body.decision.reason },
        decision: { decision: 'rejected', code: 'not-offered', unitId: units[1] },
      },
    });
    const tooMuch = await claim(projectId, units[0]!, 11);
    expect(tooMuch).toMatchObject({
      status: 409,
      body: {
        error: { code: 'over-quantity', message: '11 asked, but only 10 can be claimed by this unit now' },
        decision: { decision: 'rejected', code: 'over-quantity', acceptedQuantity: 0 },
      },
    });
    const invalid = await post(
      '/claims',
      {
        claimId: 'c1',
        projectId,
        unitId: units[0],
        quantity: 2.5,
        submittedAt: 'now',
      },
      signedInUnit(units[0]!),
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid-claim');
    expect(invalid.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'quantity',
      'submittedAt',
    ]);
    expect(invalid.body.decision).toMatchObject({ decision: 'rejected', code: 'invalid-claim' });
    expect(invalid.body.error.problems).toEqual(
      invalid.body.decision.problems.map((problem: { path: string }) => ({
        ...problem,
        words: expect.any(Object),
      })),
    );

    const accepted = await claim(projectId, units[0]!, 10, 'claim-canteen-1');
    expect(accepted).toMatchObject({
      status: 200,
      body: { decision: 'accepted', acceptedQuantity: 10, requestedQuantity: 10 },
    });
    const resent = await claim(projectId, units[0]!, 10, 'claim-canteen-1');
    expect(resent.body).toEqual(accepted.body);
    const twice = await claim(projectId, units[0]!, 1);
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'project-not-claimable' } } });

    const decided = await eventually(
      () => {
        const events = observer
          .on(harness.topics.claimsDecided)
          .filter((e) => e.value.projectId === projectId);
        return events.length >= 4 ? events : undefined;
      },
      () => 'claim decisions missing',
    );
    expect(decided.filter((e) => e.value.claimId === 'claim-canteen-1')).toHaveLength(1);
    const { rows } = await db.query(`SELECT status FROM projects WHERE id = $1`, [projectId]);
    expect(rows[0].status).toBe('claimed');
  });

  it('accepts part of an offer and refuses a second claim by the same unit', async () => {
    const { projectId, units } = await approvedProject(10);
    expect((await claim(projectId, units[0]!, 4)).body).toMatchObject({
      decision: 'accepted',
      acceptedQuantity: 4,
    });
    const second = await claim(projectId, units[0]!, 2);
    expect(second).toMatchObject({
      status: 409,
      body: {
        error: { code: 'already-claimed' },
        decision: { decision: 'rejected', code: 'already-claimed' },
      },
    });
    const { rows } = await db.query(`SELECT status FROM projects WHERE id = $1`, [projectId]);
    expect(rows[0].status).toBe('offered');
  });

  it('decides a claim published on claims.submitted.v1 and answers on claims.decided.v1', async () => {
    const { projectId, units } = await approvedProject(6);
    await kafka.publish(harness.topics.claimsSubmitted, units[0]!, {
      claimId: 'kafka-claim-1',
      projectId,
      unitId: units[0],
      quantity: 4,
      submittedAt: '2026-12-01T09:00:00+08:00',
    });
    const decided = await eventually(
      () => observer.on(harness.topics.claimsDecided).find((e) => e.value.claimId === 'kafka-claim-1'),
      () => `no decision:\n${matcher.tail()}`,
    );
    expect(decided.key).toBe(units[0]);
    expect(decided.value).toMatchObject({ decision: 'accepted', acceptedQuantity: 4 });
  });

  it('reopens an unclaimed project to the open hall, and accepts exactly its quantity from 200 concurrent claims', async () => {
    const { projectId, units } = await approvedProject(5, 199);
    // Nobody claims the paired offer: after the window the open hall gets it.
    const openHall = await eventually(
      () => {
        const offers = observer
          .on(harness.topics.claimsOffered)
          .filter((e) => e.value.projectId === projectId && e.value.stage === 'open-hall');
        return offers.length === units.length ? offers : undefined;
      },
      () => `open hall not offered to all ${units.length} units:\n${matcher.tail()}`,
      OFFER_WINDOW_MS + 20_000,
    );
    expect(new Set(openHall.map((e) => e.key))).toEqual(new Set(units));

    const answers = await Promise.all(units.map((unitId) => claim(projectId, unitId, 1)));
    const accepted = answers.filter((a) => a.body.decision === 'accepted');
    expect(accepted).toHaveLength(5);
    const rejected = answers.filter((a) => a.body.decision?.decision === 'rejected');
    expect(rejected).toHaveLength(195);
    for (const answer of rejected) {
      expect(answer.status).toBe(409);
      expect(['over-quantity', 'project-not-claimable']).toContain(answer.body.error.code);
      expect(answer.body.decision.code).toBe(answer.body.error.code);
      expect(answer.body.error.message).toBe(answer.body.decision.reason);
    }
    const { rows } = await db.query(
      `SELECT coalesce(sum(accepted_quantity), 0)::int AS accepted, count(*) FILTER (WHERE decision = 'accepted')::int AS units
       FROM claims WHERE project_id = $1`,
      [projectId],
    );
    expect(rows[0]).toEqual({ accepted: 5, units: 5 });
  });

  it('expires a project nobody claims and matches its demand again', async () => {
    const { allianceId, projectId } = await approvedProject(3);
    const expired = await eventually(
      () =>
        observer
          .on(harness.topics.projectsStatusChanged)
          .find((e) => e.value.projectId === projectId && e.value.to === 'expired'),
      () => `never expired:\n${matcher.tail()}`,
      2 * OFFER_WINDOW_MS + 20_000,
    );
    expect(expired.value.reason).toBe('nobody claimed it in time');
    const reproposed = await eventually(
      () =>
        observer
          .on(harness.topics.projectsProposed)
          .find((e) => e.key === allianceId && e.value.project.projectId !== projectId),
      () => `the demand was not matched again:\n${matcher.tail()}`,
    );
    expect(reproposed.value.project.demand.itemId).toBe('elderly-meals-52');
  });
});
