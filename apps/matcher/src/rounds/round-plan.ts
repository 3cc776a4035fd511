import type { ProjectProposal } from '@redcrowd/matching';
import type { ProposedProject } from '@redcrowd/persistence';

/** What a matching round changes, decided before anything is written. */
export interface RoundPlan {
  create: ProjectProposal[];
  revise: Array<{ project: ProposedProject; proposal: ProjectProposal }>;
  cancel: Array<{ project: ProposedProject; reason: string }>;
  unchanged: number;
}

/**
 * Compares a round's proposals with the alliance's proposed (not yet approved) projects:
 * new demands get projects, changed allocations revise theirs, and projects whose demand
 * is gone or no longer matched are cancelled. Identical proposals change nothing, so a
 * round repeated after a crash or a redelivery writes and publishes nothing new.
 */
export function planRound(
  existing: readonly ProposedProject[],
  proposals: readonly ProjectProposal[],
): RoundPlan {
  const plan: RoundPlan = { create: [], revise: [], cancel: [], unchanged: 0 };
  const byDemand = new Map<string, ProposedProject>();
  for (const project of existing) {
    if (project.demandItemPk === null) {
      plan.cancel.push({ project, reason: 'the demand item was withdrawn by a new list revision' });
    } else {
      byDemand.set(project.demandItemPk, project);
    }
  }
  const proposedDemands = new Set<string>();
  for (const proposal of proposals) {
    proposedDemands.add(proposal.demandId);
    const project = byDemand.get(proposal.demandId);
    if (!project) plan.create.push(proposal);
    else if (sameAllocation(project, proposal)) plan.unchanged++;
    else plan.revise.push({ project, proposal });
  }
  for (const [demandId, project] of byDemand) {
    if (!proposedDemands.has(demandId)) {
      plan.cancel.push({ project, reason: 'no resource fits the demand any more' });
    }
  }
  return plan;
}

function sameAllocation(project: ProposedProject, proposal: ProjectProposal): boolean {
  if (project.requested !== proposal.requested || project.unmet !== proposal.unmet) return false;
  if (project.allocations.size !== proposal.allocations.length) return false;
  return proposal.allocations.every(
    (allocation) => project.allocations.get(allocation.resourceId) === allocation.quantity,
  );
}
