import { MatcherProcess } from '@test/support/intake-process';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';
import { ProjectSteps, proposedProjects } from './support/project-steps';

const OFFER_WINDOW_MS = 4_000;
const MATCHER_ENV = { MATCHER_OFFER_WINDOW_MS: String(OFFER_WINDOW_MS), MATCHER_OFFER_SWEEP_MS: '300' };

/**
 * The matcher down (killed) while offer windows end: once back, with a second instance
 * sweeping beside it, each lapsed offer moves on exactly once: the open hall is offered
 * once, the hall lapses, the project expires once and its demand is matched again once.
 * Projects completed before the outage keep their points (积分), credited once.
 */
describe('fault: offer expiry catch-up after matcher downtime', () => {
  let harness: FaultHarness;
  let second: MatcherProcess | undefined;

  beforeAll(async () => {
    harness = await startFaultHarness('offer-expiry-catch-up', MATCHER_ENV);
  }, 120_000);

  // Both matchers leave the group together: one after the other, the second would wait out a rebalance.
  afterAll(() => Promise.all([second?.stop(), harness?.stop()]), 90_000);

  it('catches up every lapsed offer once after the matcher was down', async () => {
    const { matcher, kafka, db, observer } = harness;
    const cast = await castAlliances(db, harness.alliancePrefix, 2);
    const submissions = validLists(cast, 24);
    await sendInBatches(kafka, submissions);
    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const proposed = await harness.settle((c) => c.projectsLive === demands);
    expect(proposed.projectsLive).toBe(demands);

    const projects = await proposedProjects(db, harness.alliancePrefix);
    expect(projects).toHaveLength(demands);
    const steps = new ProjectSteps(matcher);
    const completed = projects.slice(0, 3);
    const lapsing = projects.slice(3, 11);
    for (const project of completed) await steps.complete(project);
    for (const project of lapsing) await steps.approve(project);
    // Down before the first paired offer lapses, and until well after the last one has.
    await matcher.stop('SIGKILL');
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, OFFER_WINDOW_MS + 2_000));
    const lapsedUnswept = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM offers o JOIN projects p ON p.id = o.project_id
       WHERE p.alliance_id LIKE $1 AND o.status = 'open' AND o.stage = 'paired' AND o.expires_at <= now()`,
      [`${harness.alliancePrefix}%`],
    );
    expect(lapsedUnswept.rows[0]!.n).toBeGreaterThanOrEqual(lapsing.length);

    second = await MatcherProcess.create(
      harness.prefix,
      { MATCHER_DEBOUNCE_MS: '100', ...MATCHER_ENV },
      matcher.consumerGroup,
    );
    await Promise.all([matcher.start('listening'), second.start('listening')]);

    const lapsingIds = lapsing.map((project) => project.projectId);
    const counts = await harness.settle(
      (c) => c.expiries === lapsing.length && c.projectsLive === demands - completed.length,
      60_000,
    );
    harness.finish(counts);
    expect(counts).toMatchObject({
      expiries: lapsing.length,
      projectsCompleted: completed.length,
      projectsEnded: lapsing.length,
      projectsLive: demands - completed.length,
      points: 10 * completed.length,
    });

    // Each lapsed project went to the open hall once (one offer per hall unit), then expired once, after the outage.
    const { rows } = await db.query<{ id: string; hall: number; expired: number; expired_after: boolean }>(
      `SELECT p.id,
              (SELECT count(*)::int FROM offers o WHERE o.project_id = p.id AND o.stage = 'open-hall') AS hall,
              (SELECT count(*)::int FROM project_events e WHERE e.project_id = p.id AND e.action = 'expired') AS expired,
              (SELECT min(e.at) > $2 FROM project_events e WHERE e.project_id = p.id AND e.action = 'expired') AS expired_after
       FROM projects p WHERE p.id = ANY($1::uuid[]) ORDER BY p.id`,
      [lapsingIds, new Date(downAt)],
    );
    expect(rows.map(({ expired, expired_after }) => ({ expired, expired_after }))).toEqual(
      lapsingIds.map(() => ({ expired: 1, expired_after: true })),
    );
    expect(rows.filter((row) => row.hall === 0)).toEqual([]);
    // Each open-hall offer announced once, and each lapsed demand proposed once more.
    const announcedHall = harness.recorder
      .on('claimsOffered')
      .filter((message) => message.value.stage === 'open-hall');
    expect(new Set(announcedHall.map((message) => String(message.value.offerId))).size).toBe(
      rows.reduce((sum, row) => sum + row.hall, 0),
    );
    const proposals = new Set(
      observer.on(harness.topics.projectsProposed).map((event) => String(event.value.project.projectId)),
    );
    expect(proposals.size).toBe(demands + lapsing.length);
  });
});
