import type { ProjectSnapshot, ProjectStatus } from '@redcrowd/contracts';
import type { ProjectProposal } from '@redcrowd/matching';
import type { AllocationRow, PoolDemand, PoolResource } from '@redcrowd/persistence';
import type { AllocationInput } from '@redcrowd/projects';

/** Looks up pool items by id, to describe proposals in submitters' terms (list and item ids). */
export class PoolIndex {
  private readonly resources: Map<string, PoolResource>;
  private readonly demands: Map<string, PoolDemand>;

  constructor(resources: PoolResource[], demands: PoolDemand[]) {
    this.resources = new Map(resources.map((resource) => [resource.id, resource]));
    this.demands = new Map(demands.map((demand) => [demand.id, demand]));
  }

  resource(id: string): PoolResource {
    const resource = this.resources.get(id);
    if (!resource) throw new Error(`resource item ${id} is not in the pool`);
    return resource;
  }

  demand(id: string): PoolDemand {
    const demand = this.demands.get(id);
    if (!demand) throw new Error(`demand item ${id} is not in the pool`);
    return demand;
  }
}

/** A proposal's allocations as the project aggregate takes them. */
export function allocationInputs(proposal: ProjectProposal, pool: PoolIndex): AllocationInput[] {
  return proposal.allocations.map((allocation) => ({
    resourceItemPk: allocation.resourceId,
    unitId: pool.resource(allocation.resourceId).unitId,
    quantity: allocation.quantity,
  }));
}

/** The rows a proposal's allocations are stored as. */
export function allocationRows(proposal: ProjectProposal, pool: PoolIndex): AllocationRow[] {
  return proposal.allocations.map((allocation) => ({
    resourceItemPk: allocation.resourceId,
    unitId: pool.resource(allocation.resourceId).unitId,
    quantity: allocation.quantity,
    score: allocation.score ?? 0,
    priority: allocation.priority ?? 1,
    distanceKm: allocation.distanceKm ?? 0,
    explanation: allocation.components ?? [],
  }));
}

/** The project as events describe it. */
export function projectSnapshot(
  projectId: string,
  allianceId: string,
  status: ProjectStatus,
  version: number,
  proposal: ProjectProposal,
  pool: PoolIndex,
): ProjectSnapshot {
  const demand = pool.demand(proposal.demandId);
  return {
    projectId,
    allianceId,
    status,
    version,
    demand: {
      submitterId: demand.submitterId,
      listId: demand.listId,
      itemId: demand.itemId,
      category: demand.category,
      title: demand.title,
      urgency: demand.urgency,
    },
    requested: proposal.requested,
    unmet: proposal.unmet,
    allocations: proposal.allocations.map((allocation) => {
      const resource = pool.resource(allocation.resourceId);
      return {
        resourceItemId: resource.itemId,
        resourceListId: resource.listId,
        unitId: resource.unitId,
        quantity: allocation.quantity,
        score: allocation.score ?? 0,
        priority: allocation.priority ?? 1,
        distanceKm: allocation.distanceKm ?? 0,
        pinned: allocation.pinned,
        components: (allocation.components ?? []).map((component) => ({ ...component })),
      };
    }),
  };
}
