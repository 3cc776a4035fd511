import fc from 'fast-check';
import { NetworkSimplex } from './network-simplex';

interface Problem {
  capacities: number[];
  quantities: number[];
  edges: Array<{ supply: number; demand: number; weight: number }>;
}

const problemArbitrary: fc.Arbitrary<Problem> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
    quantities: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.option(fc.constantFrom(-1, 0, 1, 2, 2, 3, 5), { nil: undefined }), {
      minLength: 16,
      maxLength: 16,
    }),
  })
  .map(({ capacities, quantities, weights }) => {
    const edges: Problem['edges'] = [];
    capacities.forEach((_, supply) =>
      quantities.forEach((_, demand) => {
        const weight = weights[supply * 4 + demand];
        if (weight !== undefined) edges.push({ supply, demand, weight });
      }),
    );
    return { capacities, quantities, edges };
  });

/** The best Σ quantity × weight by trying every integer quantity on every edge. */
function bruteForceOptimum({ capacities, quantities, edges }: Problem): number {
  const capacity = [...capacities];
  const quantity = [...quantities];
  const best = (index: number): number => {
    if (index === edges.length) return 0;
    const { supply, demand, weight } = edges[index]!;
    let value = -Infinity;
    for (let amount = 0; amount <= Math.min(capacity[supply]!, quantity[demand]!); amount++) {
      capacity[supply]! -= amount;
      quantity[demand]! -= amount;
      value = Math.max(value, amount * weight + best(index + 1));
      capacity[supply]! += amount;
      quantity[demand]! += amount;
    }
    return value;
  };
  return best(0);
}

/** Σ flow × weight, after checking that no capacity or quantity is exceeded. */
function objectiveOf(problem: Problem, flows: number[]): number {
  const used = new Map<string, number>();
  let objective = 0;
  problem.edges.forEach(({ supply, demand, weight }, index) => {
    const flow = flows[index]!;
    expect(flow).toBeGreaterThanOrEqual(0);
    used.set(`s${supply}`, (used.get(`s${supply}`) ?? 0) + flow);
    used.set(`d${demand}`, (used.get(`d${demand}`) ?? 0) + flow);
    objective += flow * weight;
  });
  problem.capacities.forEach((capacity, supply) =>
    expect(used.get(`s${supply}`) ?? 0).toBeLessThanOrEqual(capacity),
  );
  problem.quantities.forEach((quantity, demand) =>
    expect(used.get(`d${demand}`) ?? 0).toBeLessThanOrEqual(quantity),
  );
  return objective;
}

describe('NetworkSimplex', () => {
  it('solves a single edge in one pivot', () => {
    const simplex = new NetworkSimplex();
    const supply = simplex.addSupply(40);
    const demand = simplex.addDemand(10);
    const edge = simplex.addEdge(supply, demand, 0.83);
    expect([supply, demand, edge, simplex.arcTotal]).toEqual([1, 2, 2, 3]);
    simplex.run();
    expect(simplex.flowOn(edge)).toBe(10);
    expect(simplex.pivots).toBe(1);
  });

  it('reaches the brute-force optimum while growing far beyond the sizes it was given', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const simplex = new NetworkSimplex(1, 1);
        const supplies = problem.capacities.map((capacity) => simplex.addSupply(capacity));
        const demands = problem.quantities.map((quantity) => simplex.addDemand(quantity));
        const arcs = problem.edges.map(({ supply, demand, weight }) =>
          simplex.addEdge(supplies[supply]!, demands[demand]!, weight),
        );
        simplex.run();
        expect(
          objectiveOf(
            problem,
            arcs.map((arc) => simplex.flowOn(arc)),
          ),
        ).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 200, seed: 29 },
    );
  });

  it('continues from a solved problem when nodes and edges are added and run again', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.nat(), (problem, split) => {
        // Solve the first edges, then add the others (and the nodes they need) and run again.
        const simplex = new NetworkSimplex(2, 2);
        const supplies = new Map<number, number>();
        const demands = new Map<number, number>();
        const arcs: number[] = [];
        const first = split % (problem.edges.length + 1);
        const addEdges = (from: number, to: number) => {
          for (const { supply, demand, weight } of problem.edges.slice(from, to)) {
            if (!supplies.has(supply)) supplies.set(supply, simplex.addSupply(problem.capacities[supply]!));
            if (!demands.has(demand)) demands.set(demand, simplex.addDemand(problem.quantities[demand]!));
            arcs.push(simplex.addEdge(supplies.get(supply)!, demands.get(demand)!, weight));
          }
        };
        addEdges(0, first);
        simplex.run();
        addEdges(first, problem.edges.length);
        simplex.run();
        expect(
          objectiveOf(
            problem,
            arcs.map((arc) => simplex.flowOn(arc)),
          ),
        ).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 200, seed: 31 },
    );
  });

  it('re-optimises from the new arcs only once it tracks the arcs of each node', () => {
    fc.assert(
      fc.property(problemArbitrary, fc.nat(), (problem, split) => {
        const simplex = new NetworkSimplex(1, 1);
        const supplies = problem.capacities.map((capacity) => simplex.addSupply(capacity));
        const demands = problem.quantities.map((quantity) => simplex.addDemand(quantity));
        const first = split % (problem.edges.length + 1);
        const arcs = problem.edges
          .slice(0, first)
          .map(({ supply, demand, weight }) => simplex.addEdge(supplies[supply]!, demands[demand]!, weight));
        simplex.run();
        simplex.trackIncidentArcs();
        simplex.trackIncidentArcs();
        // The rest arrive one at a time, each followed by a warm re-optimisation.
        for (const { supply, demand, weight } of problem.edges.slice(first)) {
          const firstNewArc = simplex.arcTotal;
          arcs.push(simplex.addEdge(supplies[supply]!, demands[demand]!, weight));
          simplex.runFrom(firstNewArc);
        }
        expect(
          objectiveOf(
            problem,
            arcs.map((arc) => simplex.flowOn(arc)),
          ),
        ).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 200, seed: 37 },
    );
  });

  it('solves an empty problem, then the problem it grows into', () => {
    const simplex = new NetworkSimplex();
    simplex.run();
    expect(simplex.pivots).toBe(0);
    const supply = simplex.addSupply(3);
    const demand = simplex.addDemand(2);
    const edge = simplex.addEdge(supply, demand, 1);
    simplex.run();
    expect(simplex.flowOn(edge)).toBe(2);
    expect(simplex.pivots).toBe(1);
  });

  it('counts the pivots of a warm re-optimisation', () => {
    const simplex = new NetworkSimplex();
    const supply = simplex.addSupply(3);
    const demand = simplex.addDemand(2);
    simplex.run();
    simplex.trackIncidentArcs();
    expect(simplex.pivots).toBe(0);
    const firstNewArc = simplex.arcTotal;
    const edge = simplex.addEdge(supply, demand, 1);
    simplex.runFrom(firstNewArc);
    expect(simplex.flowOn(edge)).toBe(2);
    expect(simplex.pivots).toBe(1);
  });

  it('refuses to re-optimise from new arcs without the arcs of each node', () => {
    const simplex = new NetworkSimplex();
    simplex.addSupply(1);
    expect(() => simplex.runFrom(0)).toThrow(new Error('runFrom needs trackIncidentArcs() first'));
  });

  it('refuses an edge from a demand to a supply, which would make an unbounded cycle', () => {
    const simplex = new NetworkSimplex();
    const supply = simplex.addSupply(1);
    const demand = simplex.addDemand(1);
    simplex.addEdge(demand, supply, 1);
    expect(() => simplex.run()).toThrow(new Error('unbounded cycle: the allocation graph is malformed'));
  });
});
