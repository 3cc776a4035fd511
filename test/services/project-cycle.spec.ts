import { randomUUID } from 'node:crypto';
import { DomainError, parseClaim } from '@redcrowd/contracts';
import { ClaimDecisionService } from '../../apps/matcher/src/claims/claim-decision.service';
import { ClaimsModule } from '../../apps/matcher/src/claims/claims.module';
import { OfferExpiryService } from '../../apps/matcher/src/claims/offer-expiry.service';
import { ProgressModule } from '../../apps/matcher/src/progress/progress.module';
import { ProjectProgressService } from '../../apps/matcher/src/progress/project-progress.service';
import { ProjectReviewService } from '../../apps/matcher/src/review/project-review.service';
import { ReviewModule } from '../../apps/matcher/src/review/review.module';
import { DashboardModule } from '../../apps/matcher/src/dashboard/dashboard.module';
import { DashboardReads } from '../../apps/matcher/src/dashboard/dashboard-reads.service';
import { MatchingRoundService } from '../../apps/matcher/src/rounds/matching-round.service';
import { outboxOf, seedAlliance, startServices, type ServicesContext } from '@test/support/services-context';

/**
 * The use cases of the 清单+接单 cycle as the app wires them (Nest modules, repositories,
 * one unit of work per use case) against a real Postgres, without Kafka or HTTP: each one's
 * state, audit rows and outbox events are written together, or not at all.
 */
describe('project use cases against Postgres', () => {
  let context: ServicesContext;
  let rounds: MatchingRoundService;
  let review: ProjectReviewService;
  let claims: ClaimDecisionService;
  let progress: ProjectProgressService;
  let expiry: OfferExpiryService;

  beforeAll(async () => {
    context = await startServices([ReviewModule, ClaimsModule, ProgressModule, DashboardModule]);
    rounds = context.get(MatchingRoundService);
    review = context.get(ProjectReviewService);
    claims = context.get(ClaimDecisionService);
    progress = context.get(ProjectProgressService);
    expiry = context.get(OfferExpiryService);
  }, 60_000);

  afterAll(() => context?.close());

  async function proposed(options: Parameters<typeof seedAlliance>[1] = {}) {
    const alliance = await seedAlliance(context, options);
    const summary = await rounds.run(alliance.allianceId, 'services-test');
    const { rows } = await context.db.query(`SELECT id, version FROM projects WHERE alliance_id = $1`, [
      alliance.allianceId,
    ]);
    expect(rows).toHaveLength(1);
    return { ...alliance, summary, projectId: rows[0].id as string };
  }

  const claim = (unitId: string, projectId: string, quantity: number, claimId: string = randomUUID()) =>
    claims.decide(
      parseClaim(
        JSON.stringify({ claimId, projectId, unitId, quantity, submittedAt: '2026-12-01T09:00:00+08:00' }),
        unitId,
      ),
      unitId,
    );

  it('proposes a project in a round and leaves its projects.proposed event in the outbox', async () => {
    const { summary, projectId } = await proposed();
    expect(summary).toMatchObject({ proposed: 1, revised: 0, cancelled: 0, unmatchedDemands: 0 });
    const events = await outboxOf(context, projectId);
    expect(events.map((event) => event.topic)).toEqual([context.topics.projectsProposed]);
    expect(events[0]!.payload.project).toMatchObject({
      status: 'proposed',
      version: 1,
      requested: 40,
      unmet: 10,
    });
    // A second round with nothing new changes nothing and publishes nothing.
    expect(await rounds.run(summary.allianceId, 'services-test')).toMatchObject({
      unchanged: 1,
      proposed: 0,
    });
    expect(await outboxOf(context, projectId)).toHaveLength(1);
  });

  it('approves: holds the resource, offers to the paired unit, audits and publishes in one transaction', async () => {
    const { projectId, units } = await proposed();
    const decision = await review.approve(projectId, 'coordinator-1', 1);
    expect(decision).toEqual({ projectId, status: 'offered', version: 3 });

    const { rows: held } = await context.db.query(
      `SELECT ri.status FROM resource_items ri JOIN project_allocations pa ON pa.resource_item_pk = ri.id
       WHERE pa.project_id = $1 AND pa.pinned`,
      [projectId],
    );
    expect(held).toEqual([{ status: 'matched' }]);
    const { rows: offers } = await context.db.query(
      `SELECT unit_id, quantity, stage, status FROM offers WHERE project_id = $1`,
      [projectId],
    );
    expect(offers).toEqual([{ unit_id: units[0], quantity: 30, stage: 'paired', status: 'open' }]);
    const { rows: audit } = await context.db.query(
      `SELECT actor, action FROM project_events WHERE project_id = $1 ORDER BY id`,
      [projectId],
    );
    expect(audit).toEqual([
      { actor: 'matcher', action: 'proposed' },
      { actor: 'coordinator-1', action: 'approved' },
      { actor: 'coordinator-1', action: 'offered' },
    ]);
    const events = await outboxOf(context, projectId);
    expect(events.map((event) => [event.topic, event.payload.to ?? event.payload.stage ?? null])).toEqual([
      [context.topics.projectsProposed, null],
      [context.topics.projectsStatusChanged, 'approved'],
      [context.topics.claimsOffered, 'paired'],
      [context.topics.projectsStatusChanged, 'offered'],
    ]);
  });

  it('leaves nothing behind when a decision is refused', async () => {
    const { projectId } = await proposed();
    const before = await outboxOf(context, projectId);
    await expect(review.approve(projectId, 'coordinator-1', 7)).rejects.toMatchObject({
      code: 'version-conflict',
    });
    await expect(review.editAllocation(projectId, '0', 5, 'coordinator-1')).rejects.toBeInstanceOf(
      DomainError,
    );
    await review.reject(projectId, 'coordinator-1', '  需求已由街道直接解决  ');
    await expect(review.approve(projectId, 'coordinator-1')).rejects.toThrow(
      `project ${projectId} is rejected and cannot become approved; it is closed`,
    );
    const { rows } = await context.db.query(`SELECT status, version FROM projects WHERE id = $1`, [
      projectId,
    ]);
    expect(rows[0]).toEqual({ status: 'rejected', version: 2 });
    const after = await outboxOf(context, projectId);
    expect(after.slice(before.length).map((event) => event.payload)).toEqual([
      expect.objectContaining({
        from: 'proposed',
        to: 'rejected',
        reason: '需求已由街道直接解决',
        version: 2,
      }),
    ]);
  });

  it('edits an allocation within what the demand asks and the resource has left', async () => {
    const { projectId } = await proposed({ capacity: 30, demandQuantity: 25 });
    const { rows } = await context.db.query(
      `SELECT resource_item_pk::text AS pk, quantity FROM project_allocations WHERE project_id = $1`,
      [projectId],
    );
    expect(rows).toEqual([{ pk: expect.any(String), quantity: 25 }]);
    await expect(review.editAllocation(projectId, rows[0].pk, 26, 'coordinator-1')).rejects.toMatchObject({
      code: 'capacity-exceeded',
      field: 'quantity',
    });
    expect(await review.editAllocation(projectId, rows[0].pk, 20, 'coordinator-1')).toEqual({
      projectId,
      status: 'proposed',
      version: 2,
    });
    const { rows: edited } = await context.db.query(
      `SELECT p.unmet, pa.quantity, pa.pinned FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
       WHERE p.id = $1`,
      [projectId],
    );
    expect(edited).toEqual([{ unmet: 5, quantity: 20, pinned: true }]);
  });

  it('accepts claims up to the allocation, then starts and completes the work and credits points', async () => {
    const { projectId, units, communityId } = await proposed({ capacity: 30, demandQuantity: 30 });
    await review.approve(projectId, 'coordinator-1');
    expect(await claim(units[0]!, projectId, 31)).toMatchObject({
      decision: 'rejected',
      code: 'over-quantity',
    });
    const accepted = await claim(units[0]!, projectId, 30, 'claim-1');
    expect(accepted).toMatchObject({ decision: 'accepted', acceptedQuantity: 30 });
    expect(await claim(units[0]!, projectId, 30, 'claim-1')).toEqual(accepted);

    await expect(progress.start(projectId, 'unit-stranger')).rejects.toMatchObject({ code: 'not-allowed' });
    expect(await progress.start(projectId, units[0]!)).toMatchObject({ status: 'in-progress' });
    await expect(progress.complete(projectId, 'community-other', 5)).rejects.toMatchObject({
      code: 'not-allowed',
    });
    // The work cannot be confirmed done before its window opens; nothing is credited then.
    const windowOf = (when: string) =>
      context.db.query(
        `UPDATE demand_items SET window_from = ${when}
         WHERE id = (SELECT demand_item_pk FROM projects WHERE id = $1)`,
        [projectId],
      );
    await windowOf(`now() + interval '2 days'`);
    await expect(progress.complete(projectId, communityId, 5)).rejects.toMatchObject({
      code: 'window-not-open',
      message: expect.stringContaining('its work can be confirmed from then'),
    });
    expect(
      (await context.db.query(`SELECT 1 FROM points_ledger WHERE project_id = $1`, [projectId])).rows,
    ).toEqual([]);
    await windowOf(`now() - interval '1 day'`);
    // Nor before the unit has reported its work done (完成报告).
    await expect(progress.complete(projectId, communityId, 5)).rejects.toMatchObject({
      code: 'work-not-reported',
      message: expect.stringContaining(units[0]!),
    });
    expect(await progress.report(projectId, units[0]!, { note: '送餐 30 份', hours: '12.5' })).toMatchObject({
      status: 'in-progress',
    });
    expect(await progress.complete(projectId, communityId, 5, '老人们很满意')).toMatchObject({
      status: 'completed',
    });
    const { rows } = await context.db.query(
      `SELECT unit_id, points, reason FROM points_ledger WHERE project_id = $1`,
      [projectId],
    );
    expect(rows).toEqual([{ unit_id: units[0], points: 10, reason: 'project-completed' }]);
    const changes = (await outboxOf(context, projectId))
      .filter((event) => event.topic === context.topics.projectsStatusChanged)
      .map((event) => `${event.payload.from}→${event.payload.to}`);
    expect(changes).toEqual([
      'proposed→approved',
      'approved→offered',
      'offered→claimed',
      'claimed→in-progress',
      'in-progress→in-progress',
      'in-progress→completed',
    ]);
  });

  it('reopens an expired paired offer to the open hall, then expires the project and matches again', async () => {
    const { projectId, allianceId } = await proposed({ units: 2, capacity: 30, demandQuantity: 30 });
    await review.approve(projectId, 'coordinator-1');
    const later = new Date(Date.now() + 3 * 24 * 3_600_000);
    await expiry.sweep(later);
    const { rows: hall } = await context.db.query(
      `SELECT stage, count(*)::int AS n FROM offers WHERE project_id = $1 AND status = 'open' GROUP BY stage`,
      [projectId],
    );
    expect(hall).toEqual([{ stage: 'open-hall', n: 2 }]);
    await expiry.sweep(new Date(later.getTime() + 3 * 24 * 3_600_000));
    const { rows } = await context.db.query(
      `SELECT id, status FROM projects WHERE alliance_id = $1 ORDER BY created_at`,
      [allianceId],
    );
    expect(rows.map((row) => row.status)).toEqual(['expired', 'proposed']);
  });

  it('lets a unit decline its paired offer with a reason, which opens the hall to the other fitting units', async () => {
    const { projectId, units } = await proposed({ units: 3, capacity: 30, demandQuantity: 30 });
    await review.approve(projectId, 'coordinator-1');
    const { rows: paired } = await context.db.query(
      `SELECT id, unit_id FROM offers WHERE project_id = $1 AND stage = 'paired'`,
      [projectId],
    );
    expect(paired).toHaveLength(1);
    await expect(expiry.decline(paired[0].id, 'unit-stranger')).rejects.toMatchObject({
      code: 'offer-not-found',
    });
    expect(await expiry.decline(paired[0].id, paired[0].unit_id, '场地本月已排满')).toEqual({
      offerId: paired[0].id,
      status: 'declined',
      reason: '场地本月已排满',
    });
    const { rows: declined } = await context.db.query(
      `SELECT status, decline_reason FROM offers WHERE id = $1`,
      [paired[0].id],
    );
    expect(declined).toEqual([{ status: 'declined', decline_reason: '场地本月已排满' }]);
    await expect(expiry.decline(paired[0].id, paired[0].unit_id)).rejects.toMatchObject({
      code: 'illegal-transition',
    });
    const { rows: hall } = await context.db.query(
      `SELECT unit_id FROM offers WHERE project_id = $1 AND stage = 'open-hall' AND status = 'open' ORDER BY unit_id`,
      [projectId],
    );
    // Every other fitting unit, but not the one that said the project is not for it.
    expect(hall.map((row) => row.unit_id)).toEqual(units.filter((unit) => unit !== paired[0].unit_id).sort());
    const offered = (await outboxOf(context, projectId)).filter(
      (event) => event.topic === context.topics.claimsOffered,
    );
    expect(offered.map((event) => event.payload.stage)).toEqual(['paired', 'open-hall', 'open-hall']);
  });

  it('reads an alliance overview from one snapshot, with its projects counted by status', async () => {
    const { allianceId, projectId } = await proposed();
    await review.approve(projectId, 'coordinator-1');
    const overview = await context.get(DashboardReads).overview(allianceId);
    expect(overview.statusCounts).toEqual({ offered: 1 });
    expect(overview.coverageByCategory).toEqual([
      { category: 'elderly-care', demands: 1, fullyAllocated: 0, fullyClaimed: 0 },
    ]);
  });
});
