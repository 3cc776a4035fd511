import { randomUUID } from 'node:crypto';
import { parseClaim, parseList, type ListKind } from '@redcrowd/contracts';
import { ListStoreRepository } from '@redcrowd/persistence';
import { ClaimDecisionService } from '../../apps/matcher/src/claims/claim-decision.service';
import { ClaimsModule } from '../../apps/matcher/src/claims/claims.module';
import { DashboardModule } from '../../apps/matcher/src/dashboard/dashboard.module';
import { DashboardReads } from '../../apps/matcher/src/dashboard/dashboard-reads.service';
import { ProjectReviewService } from '../../apps/matcher/src/review/project-review.service';
import { ReviewModule } from '../../apps/matcher/src/review/review.module';
import { MatchingRoundService } from '../../apps/matcher/src/rounds/matching-round.service';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { enroll } from '@test/support/roster';
import { startServices, type ServicesContext } from '@test/support/services-context';

/**
 * 总览 the overview's figures against Postgres: coverage counted in demands, and quantities
 * added up only within a unit of measure — 30 meals and 200 square-metre days make no sum.
 */
describe('the alliance overview', () => {
  let context: ServicesContext;

  beforeAll(async () => {
    context = await startServices([ReviewModule, ClaimsModule, DashboardModule]);
  }, 60_000);

  afterAll(() => context?.close());

  /**
   * 空空导弹研究院 offers its canteen (30 meals) and a hall (700 m²·days); 014中心社区 asks for
   * 40 meals, 200 m²·days of the hall and 5 tutors nobody offers. Both projects are approved;
   * the unit claims the whole hall and all the canteen can give.
   */
  async function claimedAlliance() {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
    const community = { kind: 'community', id: `community-014-${allianceId}`, name: '014中心社区' };
    await enroll(context.db, allianceId, { kind: 'unit', ...unit }, community);
    const lists: Array<[ListKind, Record<string, unknown>]> = [
      [
        'resource',
        resourceList({
          listId: 'rl-1',
          allianceId,
          unit,
          items: [
            resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 }),
            resourceItem({ itemId: 'hall', category: 'venue', unit: 'sqm-days', quantity: 700 }),
          ],
        }),
      ],
      [
        'demand',
        demandList({
          listId: 'dl-1',
          allianceId,
          submitter: community,
          items: [
            demandItem({ itemId: 'meals', quantity: 40 }),
            demandItem({
              itemId: 'hall',
              title: '党群活动场地',
              category: 'venue',
              unit: 'sqm-days',
              quantity: 200,
            }),
            demandItem({
              itemId: 'tutors',
              title: '课后辅导',
              category: 'education',
              unit: 'people',
              quantity: 5,
            }),
          ],
        }),
      ],
    ];
    const store = new ListStoreRepository();
    await context.dataSource.transaction(async (manager) => {
      for (const [kind, document] of lists) {
        const parsed = parseList(kind, JSON.stringify(document));
        if (!parsed.ok) throw new Error(`fixture list invalid: ${JSON.stringify(parsed.problems)}`);
        await store.store(manager, parsed.list);
      }
    });
    await context.get(MatchingRoundService).run(allianceId, 'services-test');
    const { rows: projects } = await context.db.query(
      `SELECT p.id, p.requested - p.unmet AS allocated FROM projects p WHERE p.alliance_id = $1`,
      [allianceId],
    );
    expect(projects.map((project) => project.allocated).sort((a, b) => a - b)).toEqual([30, 200]);
    for (const project of projects) {
      await context.get(ProjectReviewService).approve(project.id, 'coordinator-1');
      const claim = parseClaim(
        JSON.stringify({
          claimId: randomUUID(),
          projectId: project.id,
          unitId: unit.id,
          quantity: project.allocated,
          submittedAt: '2026-12-01T09:00:00+08:00',
        }),
        unit.id,
      );
      expect(await context.get(ClaimDecisionService).decide(claim, unit.id)).toMatchObject({
        decision: 'accepted',
      });
    }
    return { allianceId, unit, community };
  }

  it('counts demands met per community and category instead of adding quantities of different units', async () => {
    const { allianceId, community } = await claimedAlliance();
    const overview = await context.get(DashboardReads).overview(allianceId);
    // The hall is met in full; 30 of 40 meals is not; nobody offers tutors.
    expect(overview.coverageByCommunity).toEqual([
      { communityId: community.id, name: '014中心社区', demands: 3, fullyAllocated: 1, fullyClaimed: 1 },
    ]);
    expect(overview.coverageByCategory).toEqual([
      { category: 'education', demands: 1, fullyAllocated: 0, fullyClaimed: 0 },
      { category: 'elderly-care', demands: 1, fullyAllocated: 0, fullyClaimed: 0 },
      { category: 'venue', demands: 1, fullyAllocated: 1, fullyClaimed: 1 },
    ]);
    expect(overview.demandsByClaimedShare).toEqual([
      { band: 'none', count: 1 },
      { band: 'under-half', count: 0 },
      { band: 'half-or-more', count: 1 },
      { band: 'all', count: 1 },
    ]);
  });

  it('adds quantities up only within one unit of measure, demand and supply side by side', async () => {
    const { allianceId, unit } = await claimedAlliance();
    const overview = await context.get(DashboardReads).overview(allianceId);
    expect(overview.quantitiesByUnit).toEqual([
      { quantityUnit: 'sqm-days', requested: 200, allocated: 200, claimed: 200, offered: 700, used: 200 },
      { quantityUnit: 'meals', requested: 40, allocated: 30, claimed: 30, offered: 30, used: 30 },
      { quantityUnit: 'people', requested: 5, allocated: 0, claimed: 0, offered: 0, used: 0 },
    ]);
    // The most used share first: all of the canteen, 2/7 of the hall.
    expect(overview.supplyByCategory).toEqual([
      { category: 'elderly-care', quantityUnit: 'meals', offered: 30, used: 30 },
      { category: 'venue', quantityUnit: 'sqm-days', offered: 700, used: 200 },
    ]);
    expect(overview.units).toEqual([{ unitId: unit.id, name: '空空导弹研究院', projects: 2, points: 0 }]);
    expect(overview.demandToClaimHours.count).toBe(2);
  });

  it('gives an alliance without lists empty figures, every claimed-share band at zero', async () => {
    const overview = await context.get(DashboardReads).overview(`alliance-${randomUUID().slice(0, 8)}`);
    expect(overview).toMatchObject({
      coverageByCommunity: [],
      coverageByCategory: [],
      quantitiesByUnit: [],
      supplyByCategory: [],
      demandToClaimHours: { count: 0, p50: null, p90: null },
      statusCounts: {},
      units: [],
    });
    expect(overview.demandsByClaimedShare.map((band) => band.count)).toEqual([0, 0, 0, 0]);
  });
});
