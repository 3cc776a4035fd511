import type { AllocationInstance } from './instance';

/**
 * What matching by hand amounts to: take the best-scoring pair first and give it all it can
 * take. The baseline the benches compare the exact solver's objective with.
 */
export function greedyObjective(instance: AllocationInstance): number {
  const capacity = new Map(instance.supplies.map((supply) => [supply.id, supply.capacity]));
  const quantity = new Map(instance.demands.map((demand) => [demand.id, demand.quantity]));
  let objective = 0;
  for (const edge of [...instance.edges].sort((a, b) => b.weight - a.weight)) {
    // Stryker disable next-line EqualityOperator: a zero-weight edge adds nothing and all after it weigh no more, so stopping at it or after it gives the same objective
    if (edge.weight <= 0) break;
    const amount = Math.min(capacity.get(edge.supply)!, quantity.get(edge.demand)!);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: taking 0 units changes nothing, so skipping such an edge only saves work
    if (amount <= 0) continue;
    capacity.set(edge.supply, capacity.get(edge.supply)! - amount);
    quantity.set(edge.demand, quantity.get(edge.demand)! - amount);
    objective += amount * edge.weight;
  }
  return objective;
}
