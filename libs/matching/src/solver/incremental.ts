import type { AllocationInstance, AllocationResult, Flow } from './instance';
import { NetworkSimplex } from './network-simplex';

interface EdgeRecord {
  supply: string;
  demand: string;
  weight: number;
  arc: number;
}

/**
 * A solved pool that stays optimal as supplies and demands arrive: each arrival adds its
 * node and edges to the current spanning tree, and the simplex continues from the current
 * flow and potentials instead of starting over (warm start).
 */
export class IncrementalAllocator {
  private readonly simplex: NetworkSimplex;
  private readonly supplyNode = new Map<string, number>();
  private readonly demandNode = new Map<string, number>();
  private readonly edges: EdgeRecord[] = [];
  /** Time of the last solve (initial or after an arrival), in ms. */
  lastSolveMs = 0;

  constructor(instance: AllocationInstance) {
    const started = performance.now();
    const nodes = instance.supplies.length + instance.demands.length;
    this.simplex = new NetworkSimplex(nodes + 1, instance.edges.length + nodes + 1);
    for (const supply of [...instance.supplies].sort((a, b) => compare(a.id, b.id))) {
      this.supplyNode.set(supply.id, this.simplex.addSupply(supply.capacity));
    }
    for (const demand of [...instance.demands].sort((a, b) => compare(a.id, b.id))) {
      this.demandNode.set(demand.id, this.simplex.addDemand(demand.quantity));
    }
    const sorted = [...instance.edges].sort(
      (a, b) => compare(a.supply, b.supply) || compare(a.demand, b.demand),
    );
    for (const edge of sorted) this.addEdge(edge.supply, edge.demand, edge.weight);
    this.simplex.run();
    this.simplex.trackIncidentArcs();
    this.lastSolveMs = performance.now() - started;
  }

  /** Adds a demand and its candidate edges, and re-optimises. */
  addDemand(id: string, quantity: number, edges: Array<{ supply: string; weight: number }>): void {
    if (this.demandNode.has(id)) throw new Error(`demand ${id} is already in the pool`);
    const started = performance.now();
    this.demandNode.set(id, this.simplex.addDemand(quantity));
    const firstNewArc = this.simplex.arcTotal;
    for (const edge of edges) this.addEdge(edge.supply, id, edge.weight);
    this.simplex.runFrom(firstNewArc);
    this.lastSolveMs = performance.now() - started;
  }

  /** Adds a supply and its candidate edges, and re-optimises. */
  addSupply(id: string, capacity: number, edges: Array<{ demand: string; weight: number }>): void {
    if (this.supplyNode.has(id)) throw new Error(`supply ${id} is already in the pool`);
    const started = performance.now();
    this.supplyNode.set(id, this.simplex.addSupply(capacity));
    const firstNewArc = this.simplex.arcTotal;
    for (const edge of edges) this.addEdge(id, edge.demand, edge.weight);
    this.simplex.runFrom(firstNewArc);
    this.lastSolveMs = performance.now() - started;
  }

  result(): Omit<AllocationResult, 'stats'> {
    const flows: Flow[] = [];
    let objective = 0;
    for (const edge of this.edges) {
      const quantity = Math.round(this.simplex.flowOn(edge.arc));
      if (quantity <= 0) continue;
      flows.push({ supply: edge.supply, demand: edge.demand, quantity });
      objective += quantity * edge.weight;
    }
    flows.sort((a, b) => compare(a.supply, b.supply) || compare(a.demand, b.demand));
    return { objective, flows };
  }

  private addEdge(supply: string, demand: string, weight: number): void {
    const from = this.supplyNode.get(supply);
    const to = this.demandNode.get(demand);
    if (from === undefined) throw new Error(`edge to unknown supply ${supply}`);
    if (to === undefined) throw new Error(`edge to unknown demand ${demand}`);
    if (!(weight > 0)) return; // cannot improve the objective
    this.edges.push({ supply, demand, weight, arc: this.simplex.addEdge(from, to, weight) });
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
