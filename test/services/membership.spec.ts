import { RosterModule } from '../../apps/matcher/src/roster/roster.module';
import { RosterService } from '../../apps/matcher/src/roster/roster.service';
import { MatchingRoundService } from '../../apps/matcher/src/rounds/matching-round.service';
import { RoundsModule } from '../../apps/matcher/src/rounds/rounds.module';
import { seedAlliance, startServices, type ServicesContext } from '@test/support/services-context';

/**
 * Only admitted members' lists are matched (issue 11): a round leaves out the lists of pending,
 * refused and withdrawn members, and takes a pending member's lists once the coordinator
 * admits it. Against a real Postgres, rounds and roster as the matcher wires them.
 */
describe('matching only admitted members', () => {
  let context: ServicesContext;
  let rounds: MatchingRoundService;
  let roster: RosterService;

  beforeAll(async () => {
    context = await startServices([RoundsModule, RosterModule]);
    rounds = context.get(MatchingRoundService);
    roster = context.get(RosterService);
  }, 60_000);

  afterAll(() => context?.close());

  const projectsOf = async (allianceId: string) =>
    (
      await context.db.query(
        `SELECT p.status, pa.unit_id FROM projects p
         LEFT JOIN project_allocations pa ON pa.project_id = p.id
         WHERE p.alliance_id = $1 ORDER BY p.created_at`,
        [allianceId],
      )
    ).rows;

  it("leaves a pending unit's resources out of rounds until the coordinator admits it, then pairs them at once", async () => {
    const { allianceId, units } = await seedAlliance(context);
    await roster.update(allianceId, 'unit', units[0]!, 'coordinator-1', { status: 'pending' });

    expect(await rounds.run(allianceId, 'services-test')).toMatchObject({ proposed: 0, unmatchedDemands: 1 });
    expect(await projectsOf(allianceId)).toEqual([]);

    // Admitting the unit runs the round itself: its resources are paired at once.
    await roster.update(allianceId, 'unit', units[0]!, 'coordinator-1', { status: 'active' });
    expect(await projectsOf(allianceId)).toEqual([{ status: 'proposed', unit_id: units[0] }]);
    expect(await rounds.run(allianceId, 'services-test')).toMatchObject({ proposed: 0, unmatchedDemands: 0 });
  });

  it.each(['pending', 'refused', 'withdrawn'] as const)(
    'never matches the demands of a %s community, nor gives them a reason to be unmet',
    async (status) => {
      const { allianceId, communityId } = await seedAlliance(context);
      await roster.update(allianceId, 'community', communityId, 'coordinator-1', { status });
      expect(await rounds.run(allianceId, 'services-test')).toMatchObject({
        proposed: 0,
        unmatchedDemands: 0,
      });
      expect(await projectsOf(allianceId)).toEqual([]);
    },
  );

  it('cancels a proposal as soon as its only unit withdraws', async () => {
    const { allianceId, units } = await seedAlliance(context);
    expect(await rounds.run(allianceId, 'services-test')).toMatchObject({ proposed: 1 });
    // The withdrawal runs the round itself.
    await roster.update(allianceId, 'unit', units[0]!, 'coordinator-1', { status: 'withdrawn' });
    expect(await projectsOf(allianceId)).toEqual([{ status: 'cancelled', unit_id: units[0] }]);
    expect(await rounds.run(allianceId, 'services-test')).toMatchObject({ cancelled: 0, proposed: 0 });
  });

  it('runs no round for an edit that does not change whether the member is matched', async () => {
    // Both members are active and nothing is proposed yet: a round now would propose.
    const { allianceId, units } = await seedAlliance(context);
    await roster.update(allianceId, 'unit', units[0]!, 'coordinator-1', { contactName: '王老师' });
    expect(await projectsOf(allianceId)).toEqual([]);
  });
});
