import { isOpenProposal } from './capacity';
import { ProjectError, type ProjectProblem } from './errors';
import type { ProjectChange } from './events';
import { moveTo, requireStatus } from './lifecycle';
import type { Actor, Allocation, Offer, Project, ProjectRef } from './model';
import { isWholeAtLeast, readReason } from './reason';

/** One resource item's share as a round proposes it. */
export interface AllocationInput {
  resourceItemPk: string;
  unitId: string;
  quantity: number;
}

export interface ProposalInput extends Actor {
  /** The project's id (the caller generates it). */
  id: string;
  allianceId: string;
  submitterId: string;
  /** The demand item's quantity. */
  requested: number;
  allocations: readonly AllocationInput[];
}

/** A round's new project: proposed, version 1, nothing pinned, offered or claimed yet. */
export function propose(input: ProposalInput): ProjectChange<Project> {
  const allocations = checkedAllocations(input.requested, input.allocations);
  const project: Project = {
    id: input.id,
    allianceId: input.allianceId,
    status: 'proposed',
    version: 1,
    requested: input.requested,
    unmet: input.requested - sum(allocations),
    submitterId: input.submitterId,
    allocations,
    offers: [],
    claims: [],
  };
  return {
    project,
    events: [
      {
        type: 'proposed',
        projectId: project.id,
        allianceId: project.allianceId,
        version: 1,
        actor: input.actor,
        at: input.at,
      },
    ],
  };
}

export interface RevisionInput extends Actor {
  requested: number;
  allocations: readonly AllocationInput[];
}

type Revisable = ProjectRef & { requested: number; unmet: number; allocations: readonly Allocation[] };

/**
 * A round's new allocation for a proposal it may still change: allocations replaced, version
 * plus one. A proposal a coordinator edited is kept as it is.
 */
export function revise<P extends Revisable>(project: P, input: RevisionInput): ProjectChange<P> {
  requireStatus(project, 'proposed', 'revised');
  if (!isOpenProposal(project)) {
    throw new ProjectError(
      'not-allowed',
      `project ${project.id} has allocations a coordinator edited; rounds keep them`,
    );
  }
  const allocations = checkedAllocations(input.requested, input.allocations);
  const version = project.version + 1;
  return {
    project: {
      ...project,
      version,
      requested: input.requested,
      unmet: input.requested - sum(allocations),
      allocations,
    },
    events: [
      {
        type: 'revised',
        projectId: project.id,
        allianceId: project.allianceId,
        previousVersion: project.version,
        version,
        actor: input.actor,
        at: input.at,
      },
    ],
  };
}

type Cancellable = ProjectRef & { allocations: readonly Allocation[]; offers: readonly Offer[] };

/**
 * Cancels a project (a round cancels a proposal whose demand is gone or no longer matched).
 * Its open offers are withdrawn and its allocations unpinned, so it holds nothing any more.
 */
export function cancel<P extends Cancellable>(
  project: P,
  input: Actor & { reason: unknown },
): ProjectChange<P> {
  const reason = readReason(input.reason, 'a cancellation');
  const { project: moved, event } = moveTo(project, 'cancelled', {
    actor: input.actor,
    at: input.at,
    reason,
  });
  return {
    project: {
      ...moved,
      allocations: project.allocations.map((allocation) => ({ ...allocation, pinned: false })),
      offers: project.offers.map((offer) =>
        offer.status === 'open' ? { ...offer, status: 'withdrawn' } : offer,
      ),
    },
    events: [event],
  };
}

function checkedAllocations(requested: number, inputs: readonly AllocationInput[]): Allocation[] {
  const problems: ProjectProblem[] = [];
  if (!isWholeAtLeast(requested, 0)) {
    problems.push({
      path: 'requested',
      code: 'out-of-range',
      message: 'requested must be a whole number of at least 0',
    });
  }
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    if (!isWholeAtLeast(input.quantity, 1)) {
      problems.push({
        path: `allocations[${index}].quantity`,
        code: 'out-of-range',
        message: `allocations[${index}].quantity must be a whole number of at least 1`,
      });
    }
    if (seen.has(input.resourceItemPk)) {
      problems.push({
        path: `allocations[${index}].resourceItemPk`,
        code: 'duplicate-item-id',
        message: `resource item ${input.resourceItemPk} is allocated twice`,
      });
    }
    seen.add(input.resourceItemPk);
  });
  const total = sum(inputs);
  if (problems.length === 0 && total > requested) {
    problems.push({
      path: 'allocations',
      code: 'out-of-range',
      message: `the allocations give ${total}, more than the ${requested} the demand asks for`,
    });
  }
  if (problems.length > 0) {
    throw new ProjectError('invalid-request', problems.map((problem) => problem.message).join('; '), {
      problems,
    });
  }
  return inputs.map(({ resourceItemPk, unitId, quantity }) => ({
    resourceItemPk,
    unitId,
    quantity,
    pinned: false,
  }));
}

function sum(allocations: readonly { quantity: number }[]): number {
  return allocations.reduce((total, allocation) => total + allocation.quantity, 0);
}
