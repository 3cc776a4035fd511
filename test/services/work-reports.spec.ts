import { randomUUID } from 'node:crypto';
import type { Principal } from '@redcrowd/auth';
import { parseClaim } from '@redcrowd/contracts';
import { ClaimDecisionService } from '../../apps/matcher/src/claims/claim-decision.service';
import { ClaimsModule } from '../../apps/matcher/src/claims/claims.module';
import { DashboardModule } from '../../apps/matcher/src/dashboard/dashboard.module';
import { DashboardReads } from '../../apps/matcher/src/dashboard/dashboard-reads.service';
import { ProgressModule } from '../../apps/matcher/src/progress/progress.module';
import { ProjectProgressService } from '../../apps/matcher/src/progress/project-progress.service';
import { ProjectReviewService } from '../../apps/matcher/src/review/project-review.service';
import { ReviewModule } from '../../apps/matcher/src/review/review.module';
import { MatchingRoundService } from '../../apps/matcher/src/rounds/matching-round.service';
import { OVERSIZED_PNG, PDF_NAMED_PHOTO, TINY_PNG } from '@test/fixtures/photos';
import { seedAlliance, startServices, type ServicesContext } from '@test/support/services-context';

/**
 * 完成报告 against a real Postgres: every claiming unit reports its part done (note, hours,
 * optional photo checked by its bytes) before the community may confirm; the parties read
 * the reports, others cannot.
 */
describe('work reports before completion', () => {
  let context: ServicesContext;
  let progress: ProjectProgressService;
  let reads: DashboardReads;

  beforeAll(async () => {
    context = await startServices([ReviewModule, ClaimsModule, ProgressModule, DashboardModule]);
    progress = context.get(ProjectProgressService);
    reads = context.get(DashboardReads);
  }, 60_000);

  afterAll(() => context?.close());

  /** Two units share a 40-meal demand (20 each), both claim, the first starts the work. */
  async function jointWorkInProgress({ started = true } = {}) {
    const alliance = await seedAlliance(context, { units: 2, capacity: 20, demandQuantity: 40 });
    await context.get(MatchingRoundService).run(alliance.allianceId, 'services-test');
    const { rows } = await context.db.query(`SELECT id FROM projects WHERE alliance_id = $1`, [
      alliance.allianceId,
    ]);
    const projectId = rows[0].id as string;
    await context.get(ProjectReviewService).approve(projectId, 'coordinator-1');
    const claims = context.get(ClaimDecisionService);
    for (const unitId of alliance.units) {
      const claim = {
        claimId: randomUUID(),
        projectId,
        unitId,
        quantity: 20,
        submittedAt: new Date().toISOString(),
      };
      expect(await claims.decide(parseClaim(JSON.stringify(claim), unitId), unitId)).toMatchObject({
        decision: 'accepted',
      });
    }
    await context.db.query(
      `UPDATE demand_items SET window_from = now() - interval '1 day'
       WHERE id = (SELECT demand_item_pk FROM projects WHERE id = $1)`,
      [projectId],
    );
    if (started) await progress.start(projectId, alliance.units[0]!);
    return { ...alliance, projectId };
  }

  const who = (role: Principal['role'], allianceId: string, id?: string): Principal => ({
    subject: `${role}-person`,
    role,
    name: role,
    allianceId,
    expiresAt: new Date(Date.now() + 3_600_000),
    ...(role === 'unit' ? { unitId: id } : {}),
    ...(role === 'community' ? { communityId: id } : {}),
  });

  it('lets the community confirm only after both units reported, and shows the reports to it', async () => {
    const { projectId, units, communityId, allianceId } = await jointWorkInProgress();
    await progress.report(projectId, units[0]!, { note: '送餐 20 份', hours: '6', photo: TINY_PNG });
    await expect(progress.complete(projectId, communityId, 5)).rejects.toMatchObject({
      code: 'work-not-reported',
      message: `project ${projectId} cannot be confirmed before ${units[1]} reported the work done`,
    });

    const [demand] = (await reads.demandsOf(allianceId, communityId)) as Array<Record<string, any>>;
    expect(demand!.project.reports).toEqual([
      {
        unitId: units[0],
        unitName: '成员单位1',
        note: '送餐 20 份',
        hours: 6,
        reportedAt: expect.any(String),
        hasPhoto: true,
      },
    ]);
    expect(demand!.project.awaitingReports).toEqual([{ unitId: units[1], unitName: '成员单位2' }]);

    await progress.report(projectId, units[1]!, { note: '  送餐 20 份，另陪老人聊天  ', hours: '7.5' });
    expect(await progress.complete(projectId, communityId, 4)).toMatchObject({ status: 'completed' });
    const { rows: ledger } = await context.db.query(
      `SELECT unit_id, points FROM points_ledger WHERE project_id = $1 ORDER BY unit_id`,
      [projectId],
    );
    expect(ledger).toEqual([
      { unit_id: units[0], points: 5 },
      { unit_id: units[1], points: 5 },
    ]);
    const reports = await progress.reportsOf(who('community', allianceId, communityId), projectId);
    expect(reports.map((report) => [report.unitName, report.note, report.hours, report.hasPhoto])).toEqual([
      ['成员单位1', '送餐 20 份', 6, true],
      ['成员单位2', '送餐 20 份，另陪老人聊天', 7.5, false],
    ]);
  });

  it('replaces a unit’s report when it reports again, and audits both', async () => {
    const { projectId, units, allianceId } = await jointWorkInProgress();
    await progress.report(projectId, units[0]!, { note: '初稿', hours: '1', photo: TINY_PNG });
    await progress.report(projectId, units[0]!, { note: '更正：送餐 20 份', hours: '2.5' });
    const [claim] = (await reads.claimsOfUnit(allianceId, units[0]!)) as Array<Record<string, any>>;
    expect(claim!.report).toMatchObject({ note: '更正：送餐 20 份', hours: 2.5, hasPhoto: false });
    await expect(
      progress.photoOf(who('coordinator', allianceId), projectId, units[0]!),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    const { rows } = await context.db.query(
      `SELECT actor, action, details FROM project_events WHERE project_id = $1 AND action = 'work-reported' ORDER BY id`,
      [projectId],
    );
    expect(rows).toEqual([
      {
        actor: units[0],
        action: 'work-reported',
        details: { hours: 1, note: '初稿', photo: 'image/png', photoBytes: TINY_PNG.length },
      },
      {
        actor: units[0],
        action: 'work-reported',
        details: { hours: 2.5, note: '更正：送餐 20 份' },
      },
    ]);
  });

  it('serves the photo to the parties only', async () => {
    const { projectId, units, communityId, allianceId } = await jointWorkInProgress();
    await progress.report(projectId, units[1]!, { note: '送餐 20 份', hours: '3', photo: TINY_PNG });
    for (const party of [
      who('coordinator', allianceId),
      who('community', allianceId, communityId),
      who('unit', allianceId, units[0]),
      who('unit', allianceId, units[1]),
    ]) {
      const photo = await progress.photoOf(party, projectId, units[1]!);
      expect([photo.mediaType, photo.bytes.equals(TINY_PNG)]).toEqual(['image/png', true]);
    }
    for (const stranger of [
      who('unit', allianceId, 'unit-elsewhere'),
      who('community', allianceId, 'community-9'),
    ]) {
      await expect(progress.photoOf(stranger, projectId, units[1]!)).rejects.toMatchObject({
        code: 'not-allowed',
      });
      await expect(progress.reportsOf(stranger, projectId)).rejects.toMatchObject({ code: 'not-allowed' });
    }
  });

  it.each([
    ['a PDF named like a photo', PDF_NAMED_PHOTO, 'invalid-value', 'photo is application/pdf'],
    ['a photo over 5 MB', OVERSIZED_PNG, 'out-of-range', 'a photo has 1 to 5242880 bytes'],
    ['an empty file', Buffer.alloc(0), 'out-of-range', 'photo is 0 bytes'],
  ])('refuses %s at the photo, and stores nothing', async (_, photo, code, message) => {
    const { projectId, units } = await jointWorkInProgress();
    await expect(
      progress.report(projectId, units[0]!, { note: '送餐', hours: '2', photo }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'photo',
      problems: [{ path: 'photo', code, message: expect.stringContaining(message) }],
    });
    const { rows } = await context.db.query(`SELECT 1 FROM project_work_reports WHERE project_id = $1`, [
      projectId,
    ]);
    expect(rows).toEqual([]);
  });

  it('refuses a report from a unit that did not claim, and one on work not started', async () => {
    const inProgress = await jointWorkInProgress();
    await expect(
      progress.report(inProgress.projectId, 'unit-elsewhere', { note: '送餐', hours: '2' }),
    ).rejects.toMatchObject({ code: 'not-allowed' });
    const claimed = await jointWorkInProgress({ started: false });
    await expect(
      progress.report(claimed.projectId, claimed.units[0]!, { note: '送餐', hours: '2' }),
    ).rejects.toMatchObject({
      code: 'illegal-transition',
      message: `project ${claimed.projectId} is claimed; only in-progress projects can be reported done`,
    });
  });
});
