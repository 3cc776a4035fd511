import type { ProjectProposal } from '@redcrowd/matching';
import type { ProposedProject } from '@redcrowd/persistence';
import { planRound } from './round-plan';

const proposal = (
  demandId: string,
  allocations: Array<[string, number]>,
  requested = 10,
): ProjectProposal => ({
  demandId,
  requested,
  unmet: requested - allocations.reduce((sum, [, quantity]) => sum + quantity, 0),
  allocations: allocations.map(([resourceId, quantity]) => ({ resourceId, quantity, pinned: false })),
});

const project = (
  id: string,
  demandItemPk: string | null,
  allocations: Array<[string, number]>,
  requested = 10,
): ProposedProject => ({
  id,
  demandItemPk,
  version: 1,
  requested,
  unmet: requested - allocations.reduce((sum, [, quantity]) => sum + quantity, 0),
  allocations: new Map(allocations),
});

describe('planRound', () => {
  it('creates projects for newly matched demands', () => {
    const plan = planRound([], [proposal('d1', [['r1', 10]])]);
    expect(plan.create.map((p) => p.demandId)).toEqual(['d1']);
    expect(plan).toMatchObject({ revise: [], cancel: [], unchanged: 0 });
  });

  it('changes nothing when a round repeats itself', () => {
    const plan = planRound(
      [
        project('p1', 'd1', [
          ['r1', 6],
          ['r2', 4],
        ]),
      ],
      [
        proposal('d1', [
          ['r2', 4],
          ['r1', 6],
        ]),
      ],
    );
    expect(plan).toEqual({ create: [], revise: [], cancel: [], unchanged: 1 });
  });

  it('revises a proposed project whose allocation changed', () => {
    const plan = planRound(
      [project('p1', 'd1', [['r1', 10]])],
      [
        proposal('d1', [
          ['r1', 6],
          ['r2', 4],
        ]),
      ],
    );
    expect(plan.revise.map(({ project: p }) => p.id)).toEqual(['p1']);
  });

  it('revises when the demand itself changed quantity', () => {
    const plan = planRound([project('p1', 'd1', [['r1', 10]], 10)], [proposal('d1', [['r1', 10]], 12)]);
    expect(plan.revise).toHaveLength(1);
  });

  it('cancels projects whose demand is withdrawn or no longer matched', () => {
    const plan = planRound([project('p1', null, [['r1', 10]]), project('p2', 'd2', [['r1', 3]])], []);
    expect(plan.cancel.map(({ project: p, reason }) => [p.id, reason])).toEqual([
      ['p1', 'the demand item was withdrawn by a new list revision'],
      ['p2', 'no resource fits the demand any more'],
    ]);
  });
});
