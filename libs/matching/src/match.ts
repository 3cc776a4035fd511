import { explainNoCandidates, generateCandidates, type NoCandidateExplanation } from './candidates';
import type { Candidate, DemandItemInput, MatchingPolicy, ResourceItemInput, ScoreComponent } from './model';
import { validatePolicy } from './policy';
import { solve } from './solver/solve';

/** An allocation already approved or claimed: fixed, never re-optimised. */
export interface PinnedAllocation {
  resourceId: string;
  demandId: string;
  quantity: number;
}

/** One resource item's share of a project, with the reasons for the pairing. */
export interface ProposedAllocation {
  resourceId: string;
  quantity: number;
  pinned: boolean;
  /** Absent for a pinned pair that no longer passes the hard constraints. */
  score?: number;
  priority?: number;
  weight?: number;
  distanceKm?: number;
  components?: ScoreComponent[];
}

/** 项目清单 entry: one demand item with the resources allocated to it. */
export interface ProjectProposal {
  demandId: string;
  requested: number;
  allocations: ProposedAllocation[];
  /** What is still unmet after the allocations. */
  unmet: number;
}

export interface MatchResult {
  proposals: ProjectProposal[];
  /** Demands without a single candidate, and why (for the joint meeting's review). */
  unmatched: NoCandidateExplanation[];
  /** Σ quantity × weight of the new (not pinned) allocations. */
  objective: number;
  stats: { candidates: number; candidateMs: number; solveMs: number; pivots: number };
}

export class MatchInputError extends Error {
  override readonly name = 'MatchInputError';
}

/**
 * The full pipeline a matching round runs: pinned allocations are taken out of the pool,
 * candidates are generated and scored for what remains, the optimal allocation is solved,
 * and the result is grouped into project proposals with explanations.
 */
export function match(
  resources: readonly ResourceItemInput[],
  demands: readonly DemandItemInput[],
  policy: MatchingPolicy,
  pinned: readonly PinnedAllocation[] = [],
): MatchResult {
  const policyProblems = validatePolicy(policy);
  if (policyProblems.length > 0) throw new MatchInputError(`invalid policy: ${policyProblems.join('; ')}`);
  const remainingResources = subtractPinned(resources, pinned, 'resourceId', 'capacity');
  const remainingDemands = subtractPinned(demands, pinned, 'demandId', 'quantity');

  const candidateStarted = performance.now();
  const candidates = generateCandidates(remainingResources, remainingDemands, policy);
  const candidateMs = performance.now() - candidateStarted;
  const allocation = solve({
    supplies: remainingResources.map((resource) => ({ id: resource.id, capacity: resource.capacity })),
    demands: remainingDemands.map((demand) => ({ id: demand.id, quantity: demand.quantity })),
    edges: candidates.map((candidate) => ({
      supply: candidate.resourceId,
      demand: candidate.demandId,
      weight: candidate.weight,
    })),
  });

  const demandsWithCandidates = new Set(candidates.map((candidate) => candidate.demandId));
  const candidateOf = candidateLookup(candidates);
  // Pins are explained on the items before the pins: one that uses up a capacity or a quantity
  // still passes every other hard constraint and keeps its explanation. Only the pinned items
  // are scored again, since a pair's candidate depends on that pair alone.
  const pinnedResources = new Set(pinned.map((pin) => pin.resourceId));
  const pinnedDemands = new Set(pinned.map((pin) => pin.demandId));
  const beforePins =
    // Stryker disable next-line ConditionalExpression: without pins, regenerating gives the same list
    pinned.length === 0
      ? candidates
      : generateCandidates(
          // Stryker disable next-line MethodExpression,ConditionalExpression: scoring more items only adds pairs no pin looks up
          resources.filter((resource) => pinnedResources.has(resource.id)),
          // Stryker disable next-line MethodExpression,ConditionalExpression: scoring more items only adds pairs no pin looks up
          demands.filter((demand) => pinnedDemands.has(demand.id)),
          policy,
        );
  const pinnedCandidateOf = candidateLookup(beforePins);
  const byDemand = new Map<string, ProposedAllocation[]>();
  const add = (demandId: string, allocation: ProposedAllocation) => {
    const list = byDemand.get(demandId) ?? [];
    list.push(allocation);
    byDemand.set(demandId, list);
  };
  for (const pin of pinned) {
    add(pin.demandId, {
      resourceId: pin.resourceId,
      quantity: pin.quantity,
      pinned: true,
      ...explanationOf(pinnedCandidateOf(pin.resourceId, pin.demandId)),
    });
  }
  for (const flow of allocation.flows) {
    add(flow.demand, {
      resourceId: flow.supply,
      quantity: flow.quantity,
      pinned: false,
      ...explanationOf(candidateOf(flow.supply, flow.demand)),
    });
  }

  const proposals: ProjectProposal[] = demands
    .filter((demand) => byDemand.has(demand.id))
    .map((demand) => {
      const allocations = byDemand.get(demand.id)!.sort((a, b) => compare(a.resourceId, b.resourceId));
      const allocated = allocations.reduce((sum, allocationEntry) => sum + allocationEntry.quantity, 0);
      return {
        demandId: demand.id,
        requested: demand.quantity,
        allocations,
        unmet: Math.max(0, demand.quantity - allocated),
      };
    })
    .sort((a, b) => compare(a.demandId, b.demandId));

  return {
    proposals,
    // Only demands without a single candidate need the (costlier) diagnosis.
    unmatched: explainNoCandidates(
      remainingResources,
      // Stryker disable next-line MethodExpression: a demand with candidates has no reason to report anyway
      remainingDemands.filter((demand) => !demandsWithCandidates.has(demand.id)),
      policy,
    ),
    objective: allocation.objective,
    stats: {
      candidates: candidates.length,
      candidateMs,
      solveMs: allocation.stats.solveMs,
      pivots: allocation.stats.pivots,
    },
  };
}

function explanationOf(
  candidate: Candidate | undefined,
): Omit<ProposedAllocation, 'resourceId' | 'quantity' | 'pinned'> {
  if (!candidate) return {};
  const { score, priority, weight, distanceKm, components } = candidate;
  return { score, priority, weight, distanceKm, components };
}

/** Takes pinned quantities out of capacities or quantities; refuses pins beyond them. */
function subtractPinned<T extends ResourceItemInput | DemandItemInput>(
  items: readonly T[],
  pinned: readonly PinnedAllocation[],
  key: 'resourceId' | 'demandId',
  amount: 'capacity' | 'quantity',
): T[] {
  const pinnedTotal = new Map<string, number>();
  for (const pin of pinned) {
    if (!Number.isSafeInteger(pin.quantity) || pin.quantity <= 0) {
      throw new MatchInputError(
        `pinned allocation ${pin.resourceId} -> ${pin.demandId} must have a positive whole quantity`,
      );
    }
    pinnedTotal.set(pin[key], (pinnedTotal.get(pin[key]) ?? 0) + pin.quantity);
  }
  const known = new Set(items.map((item) => item.id));
  for (const id of pinnedTotal.keys()) {
    if (!known.has(id))
      throw new MatchInputError(
        `a pinned allocation refers to unknown ${key === 'resourceId' ? 'resource' : 'demand'} ${id}`,
      );
  }
  return items.map((item) => {
    const total = pinnedTotal.get(item.id) ?? 0;
    const available = (item as unknown as Record<string, number>)[amount]!;
    if (total > available) {
      throw new MatchInputError(
        `pinned allocations of ${item.id} (${total}) exceed its ${amount} (${available})`,
      );
    }
    // Stryker disable next-line ConditionalExpression: an equal copy, never seen outside
    return total === 0 ? item : { ...item, [amount]: available - total };
  });
}

/**
 * Finds a pair's candidate without a map over every pair: candidates come sorted by demand,
 * so each demand's few candidates form one run of the array.
 */
function candidateLookup(
  candidates: Candidate[],
): (resourceId: string, demandId: string) => Candidate | undefined {
  const runs = new Map<string, [number, number]>();
  candidates.forEach((candidate, index) => {
    const run = runs.get(candidate.demandId);
    if (run) run[1] = index + 1;
    else runs.set(candidate.demandId, [index, index + 1]);
  });
  return (resourceId, demandId) => {
    const run = runs.get(demandId);
    if (!run) return undefined;
    for (let index = run[0]; index < run[1]; index++) {
      if (candidates[index]!.resourceId === resourceId) return candidates[index];
    }
    return undefined;
  };
}

function compare(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: sort only asks whether it is < 0
  return a < b ? -1 : a > b ? 1 : 0;
}
