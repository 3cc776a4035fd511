import { NetworkSimplex } from './network-simplex';
import type { AllocationInstance, AllocationResult, Flow } from './instance';

/**
 * Finds integer quantities on the edges that maximise Σ quantity × weight without exceeding
 * any supply's capacity or any demand's quantity. Exact (network simplex); independent
 * connected components are solved separately. Deterministic: the result does not depend on
 * the order of the input arrays.
 */
export function solve(instance: AllocationInstance): AllocationResult {
  const started = performance.now();
  const capacityOf = new Map(instance.supplies.map((supply) => [supply.id, supply.capacity]));
  const quantityOf = new Map(instance.demands.map((demand) => [demand.id, demand.quantity]));
  // Only edges that can carry flow and gain something matter; sorting makes the pivots,
  // and so the chosen optimum among equal ones, independent of input order.
  const edges = instance.edges
    .filter(
      (edge) =>
        edge.weight > 0 && (capacityOf.get(edge.supply) ?? 0) > 0 && (quantityOf.get(edge.demand) ?? 0) > 0,
    )
    .sort((a, b) => compare(a.supply, b.supply) || compare(a.demand, b.demand));

  const components = groupIntoComponents(edges);
  const flows: Flow[] = [];
  let pivots = 0;
  for (const componentEdges of components) {
    const simplex = new NetworkSimplex(componentEdges.length + 2, componentEdges.length * 2 + 2);
    const supplyNode = new Map<string, number>();
    const demandNode = new Map<string, number>();
    const arcs: number[] = [];
    for (const edge of componentEdges) {
      let from = supplyNode.get(edge.supply);
      if (from === undefined) {
        from = simplex.addSupply(capacityOf.get(edge.supply)!);
        supplyNode.set(edge.supply, from);
      }
      let to = demandNode.get(edge.demand);
      if (to === undefined) {
        to = simplex.addDemand(quantityOf.get(edge.demand)!);
        demandNode.set(edge.demand, to);
      }
      arcs.push(simplex.addEdge(from, to, edge.weight));
    }
    simplex.run();
    pivots += simplex.pivots;
    componentEdges.forEach((edge, index) => {
      const quantity = Math.round(simplex.flowOn(arcs[index]!));
      if (quantity > 0) flows.push({ supply: edge.supply, demand: edge.demand, quantity });
    });
  }
  const solveMs = performance.now() - started;

  flows.sort((a, b) => compare(a.supply, b.supply) || compare(a.demand, b.demand));
  const weightOf = new Map(edges.map((edge) => [`${edge.supply}\u0000${edge.demand}`, edge.weight]));
  const objective = flows.reduce(
    (sum, flow) => sum + flow.quantity * weightOf.get(`${flow.supply}\u0000${flow.demand}`)!,
    0,
  );
  return {
    objective,
    flows,
    stats: {
      solveMs,
      components: components.length,
      pivots,
      supplies: instance.supplies.length,
      demands: instance.demands.length,
      edges: instance.edges.length,
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Splits edges into connected components (union-find over supply and demand ids). */
function groupIntoComponents<E extends { supply: string; demand: string }>(edges: E[]): E[][] {
  const index = new Map<string, number>();
  const parent: number[] = [];
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  const nodeOf = (key: string): number => {
    let node = index.get(key);
    if (node === undefined) {
      node = parent.length;
      parent.push(node);
      index.set(key, node);
    }
    return node;
  };
  const ends = edges.map((edge) => [nodeOf(`s:${edge.supply}`), nodeOf(`d:${edge.demand}`)] as const);
  for (const [a, b] of ends) {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
  const byRoot = new Map<number, E[]>();
  edges.forEach((edge, position) => {
    const root = find(ends[position]![0]);
    const group = byRoot.get(root) ?? [];
    group.push(edge);
    byRoot.set(root, group);
  });
  return [...byRoot.values()];
}
