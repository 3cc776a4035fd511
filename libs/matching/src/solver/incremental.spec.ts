import fc from 'fast-check';
import { IncrementalAllocator } from './incremental';
import type { AllocationInstance } from './instance';
import { solve } from './solve';

afterEach(() => {
  jest.restoreAllMocks();
});

/** Makes `performance.now()` return the given readings, one per call. */
function clockReads(...readings: number[]): void {
  const spy = jest.spyOn(performance, 'now');
  for (const reading of readings) spy.mockReturnValueOnce(reading);
}

/** Ids whose text order differs from the order they are listed and arrive in. */
const NAMES = ['m', 'b', '10', 'x', '9', 'ab', 'a', 'Z'];

interface Pool {
  full: AllocationInstance;
  /** Every node, in the order it joins the pool: the first `initial` ones are there from the start. */
  arrivals: Array<{ side: 'supply' | 'demand'; id: string; amount: number }>;
  initial: number;
}

/**
 * A pool split into nodes present at the start and nodes arriving one by one, in any order of
 * supplies and demands. Few distinct weights (ties), zero and negative weights, zero
 * capacities, and nodes in two groups that edges never join (separate components).
 */
const poolArbitrary: fc.Arbitrary<Pool> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 5 }),
    quantities: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
    groups: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 11, maxLength: 11 }),
    weights: fc.array(
      fc.option(
        fc.oneof(fc.constantFrom(-1, 0, 0.5, 1, 1, 2, 3), fc.double({ min: 0.05, max: 2, noNaN: true })),
        {
          nil: undefined,
          freq: 3,
        },
      ),
      { minLength: 30, maxLength: 30 },
    ),
    order: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    initial: fc.nat({ max: 11 }),
  })
  .map(({ capacities, quantities, groups, weights, order, initial }) => {
    const supplies = capacities.map((capacity, s) => ({ id: `r${NAMES[s]}`, capacity }));
    const demands = quantities.map((quantity, d) => ({ id: `d${NAMES[d]}`, quantity }));
    const edges: AllocationInstance['edges'] = [];
    capacities.forEach((_, s) =>
      quantities.forEach((_, d) => {
        const weight = weights[s * 6 + d];
        if (weight !== undefined && groups[s] === groups[5 + d]) {
          edges.push({ supply: supplies[s]!.id, demand: demands[d]!.id, weight });
        }
      }),
    );
    const nodes = [
      ...supplies.map(({ id, capacity }) => ({ side: 'supply' as const, id, amount: capacity })),
      ...demands.map(({ id, quantity }) => ({ side: 'demand' as const, id, amount: quantity })),
    ];
    const keyed = nodes.map((node, index) => ({ node, key: order[index]! }));
    keyed.sort((a, b) => a.key - b.key);
    const arrivals = keyed.map(({ node }) => node);
    return { full: { supplies, demands, edges }, arrivals, initial: Math.min(initial, arrivals.length) };
  });

/** The part of the pool made of the first `count` arrivals. */
function poolAfter({ full, arrivals }: Pool, count: number): AllocationInstance {
  const present = new Set(arrivals.slice(0, count).map((node) => node.id));
  return {
    supplies: full.supplies.filter((supply) => present.has(supply.id)),
    demands: full.demands.filter((demand) => present.has(demand.id)),
    edges: full.edges.filter((edge) => present.has(edge.supply) && present.has(edge.demand)),
  };
}

/** Within every capacity and quantity, on known edges, sorted by (supply, demand), objective = Σ. */
function expectFeasible(instance: AllocationInstance, result: Omit<ReturnType<typeof solve>, 'stats'>): void {
  const used = new Map<string, number>();
  let objective = 0;
  for (const flow of result.flows) {
    const edge = instance.edges.find((edge) => edge.supply === flow.supply && edge.demand === flow.demand);
    expect(edge).toBeDefined();
    expect(edge!.weight).toBeGreaterThan(0);
    expect(Number.isInteger(flow.quantity) && flow.quantity > 0).toBe(true);
    used.set(flow.supply, (used.get(flow.supply) ?? 0) + flow.quantity);
    used.set(flow.demand, (used.get(flow.demand) ?? 0) + flow.quantity);
    objective += flow.quantity * edge!.weight;
  }
  for (const supply of instance.supplies)
    expect(used.get(supply.id) ?? 0).toBeLessThanOrEqual(supply.capacity);
  for (const demand of instance.demands)
    expect(used.get(demand.id) ?? 0).toBeLessThanOrEqual(demand.quantity);
  expect(result.objective).toBeCloseTo(objective, 9);
  const keys = result.flows.map((flow) => `${flow.supply}\u0000${flow.demand}`);
  expect(keys).toEqual([...new Set(keys)].sort());
}

function shuffled<T>(items: T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Random pools plus arrivals; the warm-started optimum must equal a solve from scratch. */
describe('IncrementalAllocator', () => {
  it('stays optimal and feasible as supplies and demands arrive one by one', () => {
    fc.assert(
      fc.property(poolArbitrary, (pool) => {
        const allocator = new IncrementalAllocator(poolAfter(pool, pool.initial));
        for (let count = pool.initial; count <= pool.arrivals.length; count++) {
          if (count > pool.initial) {
            const node = pool.arrivals[count - 1]!;
            const present = new Set(pool.arrivals.slice(0, count - 1).map((arrival) => arrival.id));
            if (node.side === 'demand') {
              const edges = pool.full.edges.filter(
                (edge) => edge.demand === node.id && present.has(edge.supply),
              );
              allocator.addDemand(node.id, node.amount, edges);
            } else {
              const edges = pool.full.edges.filter(
                (edge) => edge.supply === node.id && present.has(edge.demand),
              );
              allocator.addSupply(node.id, node.amount, edges);
            }
          }
          const instance = poolAfter(pool, count);
          const result = allocator.result();
          expect(result.objective).toBeCloseTo(solve(instance).objective, 9);
          expectFeasible(instance, result);
        }
      }),
      { numRuns: 250, seed: 11 },
    );
  });

  it('allocates the same whatever the order of the instance it starts from, even where optima tie', () => {
    fc.assert(
      fc.property(poolArbitrary, fc.integer({ min: 1, max: 1e6 }), ({ full }, seed) => {
        const permuted = {
          supplies: shuffled(full.supplies, seed),
          demands: shuffled(full.demands, seed + 1),
          edges: shuffled(full.edges, seed + 2),
        };
        expect(new IncrementalAllocator(permuted).result()).toEqual(new IncrementalAllocator(full).result());
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('allocates the same when the demands of the starting pool come in another order', () => {
    // Several allocations are worth 32 here; which one comes out must not depend on the order.
    const supplies = [
      { id: 'r0', capacity: 6 },
      { id: 'r1', capacity: 3 },
      { id: 'r2', capacity: 6 },
    ];
    const demands = [
      { id: 'd0', quantity: 5 },
      { id: 'd1', quantity: 3 },
      { id: 'd2', quantity: 6 },
      { id: 'd3', quantity: 3 },
      { id: 'd4', quantity: 3 },
    ];
    const weights: Array<[string, string, number]> = [
      ['r0', 'd0', 2],
      ['r0', 'd2', 1],
      ['r0', 'd3', 1],
      ['r1', 'd0', 2],
      ['r1', 'd1', 3],
      ['r1', 'd2', 1],
      ['r1', 'd3', 3],
      ['r1', 'd4', 3],
      ['r2', 'd0', 1],
      ['r2', 'd1', 1],
      ['r2', 'd2', 2],
      ['r2', 'd3', 2],
      ['r2', 'd4', 1],
    ];
    const edges = weights.map(([supply, demand, weight]) => ({ supply, demand, weight }));
    const inOrder = new IncrementalAllocator({ supplies, demands, edges }).result();
    const reordered = [2, 1, 4, 3, 0].map((index) => demands[index]!);
    expect(new IncrementalAllocator({ supplies, demands: reordered, edges }).result()).toEqual(inOrder);
    expect(inOrder.objective).toBe(32);
  });

  it('allocates the same when the supplies of the starting pool come in another order', () => {
    const capacities = [4, 0, 2, 2, 4, 0, 4, 1];
    const quantities = [4, 5, 2, 1];
    // weights[r][d]; 0 for no edge. Equal weights everywhere, so many allocations tie.
    const weights = [
      [1, 0, 2, 0],
      [2, 1, 2, 1],
      [1, 2, 2, 2],
      [2, 0, 1, 1],
      [0, 1, 2, 0],
      [1, 2, 0, 0],
      [2, 1, 1, 2],
      [0, 2, 2, 1],
    ];
    const supplies = capacities.map((capacity, r) => ({ id: `r${r}`, capacity }));
    const demands = quantities.map((quantity, d) => ({ id: `d${d}`, quantity }));
    const edges = weights.flatMap((row, r) =>
      row.flatMap((weight, d) => (weight > 0 ? [{ supply: `r${r}`, demand: `d${d}`, weight }] : [])),
    );
    const inOrder = new IncrementalAllocator({ supplies, demands, edges }).result();
    const reordered = [3, 1, 2, 7, 4, 5, 0, 6].map((index) => supplies[index]!);
    expect(new IncrementalAllocator({ supplies: reordered, demands, edges }).result()).toEqual(inOrder);
    expect(inOrder.objective).toBe(22);
  });

  it('adds a supply to a solved pool and uses it where it is worth most', () => {
    const allocator = new IncrementalAllocator({
      supplies: [{ id: 'meals-canteen', capacity: 10 }],
      demands: [
        { id: 'elderly-52', quantity: 10 },
        { id: 'elderly-60', quantity: 10 },
      ],
      edges: [
        { supply: 'meals-canteen', demand: 'elderly-52', weight: 0.9 },
        { supply: 'meals-canteen', demand: 'elderly-60', weight: 0.6 },
      ],
    });
    allocator.addSupply('meals-hospital', 10, [{ demand: 'elderly-60', weight: 0.8 }]);
    expect(allocator.result()).toEqual({
      objective: 17,
      flows: [
        { supply: 'meals-canteen', demand: 'elderly-52', quantity: 10 },
        { supply: 'meals-hospital', demand: 'elderly-60', quantity: 10 },
      ],
    });
  });

  it('moves a supply to an arriving demand that values it more', () => {
    const allocator = new IncrementalAllocator({
      supplies: [{ id: 'van', capacity: 4 }],
      demands: [{ id: 'moving-b', quantity: 4 }],
      edges: [{ supply: 'van', demand: 'moving-b', weight: 1 }],
    });
    expect(allocator.result()).toEqual({
      objective: 4,
      flows: [{ supply: 'van', demand: 'moving-b', quantity: 4 }],
    });
    allocator.addDemand('moving-a', 3, [{ supply: 'van', weight: 2 }]);
    // Listed by (supply, demand): moving-a before moving-b although it arrived last.
    expect(allocator.result()).toEqual({
      objective: 7,
      flows: [
        { supply: 'van', demand: 'moving-a', quantity: 3 },
        { supply: 'van', demand: 'moving-b', quantity: 1 },
      ],
    });
  });

  it('lists the flows of an arriving supply before those of supplies whose ids sort after it', () => {
    const allocator = new IncrementalAllocator({
      supplies: [{ id: 'r2', capacity: 2 }],
      demands: [
        { id: 'd1', quantity: 2 },
        { id: 'd2', quantity: 2 },
      ],
      edges: [{ supply: 'r2', demand: 'd2', weight: 1 }],
    });
    allocator.addSupply('r1', 2, [{ demand: 'd1', weight: 1 }]);
    expect(allocator.result().flows).toEqual([
      { supply: 'r1', demand: 'd1', quantity: 2 },
      { supply: 'r2', demand: 'd2', quantity: 2 },
    ]);
  });

  it('takes nothing on edges whose weight is zero or negative', () => {
    const allocator = new IncrementalAllocator({
      supplies: [{ id: 'r1', capacity: 5 }],
      demands: [
        { id: 'd1', quantity: 5 },
        { id: 'd2', quantity: 5 },
      ],
      edges: [
        { supply: 'r1', demand: 'd1', weight: 0 },
        { supply: 'r1', demand: 'd2', weight: -1 },
      ],
    });
    allocator.addDemand('d3', 5, [{ supply: 'r1', weight: 0 }]);
    allocator.addSupply('r2', 5, [
      { demand: 'd1', weight: -2 },
      { demand: 'd2', weight: 0 },
    ]);
    expect(allocator.result()).toEqual({ objective: 0, flows: [] });
  });

  it('leaves zero-weight edges empty even where an optimum could fill them for free', () => {
    // r2 → d1 is worth nothing; once r1 goes to d2, a simplex given that edge may route a unit
    // through it at no cost. The allocator must not offer such edges at all.
    const allocator = new IncrementalAllocator({
      supplies: [
        { id: 'r0', capacity: 1 },
        { id: 'r1', capacity: 3 },
        { id: 'r2', capacity: 1 },
      ],
      demands: [
        { id: 'd0', quantity: 0 },
        { id: 'd1', quantity: 2 },
        { id: 'd2', quantity: 3 },
      ],
      edges: [
        { supply: 'r0', demand: 'd0', weight: 3 },
        { supply: 'r0', demand: 'd1', weight: -1 },
        { supply: 'r0', demand: 'd2', weight: 0 },
        { supply: 'r1', demand: 'd1', weight: 1 },
        { supply: 'r1', demand: 'd2', weight: 3 },
        { supply: 'r2', demand: 'd0', weight: 0 },
        { supply: 'r2', demand: 'd1', weight: 0 },
        { supply: 'r2', demand: 'd2', weight: 1 },
      ],
    });
    expect(allocator.result()).toEqual({
      objective: 9,
      flows: [{ supply: 'r1', demand: 'd2', quantity: 3 }],
    });
    // The same with negative edges about, which must not be offered either.
    const another = new IncrementalAllocator({
      supplies: [
        { id: 'r0', capacity: 1 },
        { id: 'r1', capacity: 0 },
        { id: 'r2', capacity: 3 },
        { id: 'r3', capacity: 3 },
      ],
      demands: [
        { id: 'd0', quantity: 3 },
        { id: 'd1', quantity: 0 },
        { id: 'd2', quantity: 1 },
      ],
      edges: [
        { supply: 'r0', demand: 'd0', weight: 2 },
        { supply: 'r0', demand: 'd1', weight: -1 },
        { supply: 'r0', demand: 'd2', weight: 0 },
        { supply: 'r1', demand: 'd1', weight: -1 },
        { supply: 'r1', demand: 'd2', weight: 2 },
        { supply: 'r2', demand: 'd0', weight: 3 },
        { supply: 'r2', demand: 'd1', weight: 3 },
        { supply: 'r2', demand: 'd2', weight: 0 },
        { supply: 'r3', demand: 'd0', weight: 2 },
        { supply: 'r3', demand: 'd1', weight: 0 },
      ],
    });
    expect(another.result()).toEqual({ objective: 9, flows: [{ supply: 'r2', demand: 'd0', quantity: 3 }] });
  });

  it('starts from an empty pool', () => {
    const allocator = new IncrementalAllocator({ supplies: [], demands: [], edges: [] });
    expect(allocator.result()).toEqual({ objective: 0, flows: [] });
    allocator.addDemand('d1', 3, []);
    allocator.addSupply('r1', 5, [{ demand: 'd1', weight: 1.5 }]);
    expect(allocator.result()).toEqual({
      objective: 4.5,
      flows: [{ supply: 'r1', demand: 'd1', quantity: 3 }],
    });
  });

  it('records how long the last solve took', () => {
    clockReads(10, 25, 100, 103, 200, 207.5);
    const allocator = new IncrementalAllocator({
      supplies: [{ id: 'r1', capacity: 1 }],
      demands: [],
      edges: [],
    });
    expect(allocator.lastSolveMs).toBe(15);
    allocator.addDemand('d1', 1, [{ supply: 'r1', weight: 1 }]);
    expect(allocator.lastSolveMs).toBe(3);
    allocator.addSupply('r2', 1, [{ demand: 'd1', weight: 2 }]);
    expect(allocator.lastSolveMs).toBe(7.5);
  });

  describe('refuses', () => {
    const pool = (): AllocationInstance => ({
      supplies: [{ id: 'r1', capacity: 1 }],
      demands: [{ id: 'd1', quantity: 1 }],
      edges: [{ supply: 'r1', demand: 'd1', weight: 1 }],
    });

    it('a demand that is already in the pool', () => {
      const allocator = new IncrementalAllocator(pool());
      expect(() => allocator.addDemand('d1', 4, [{ supply: 'r1', weight: 3 }])).toThrow(
        new Error('demand d1 is already in the pool'),
      );
    });

    it('a supply that is already in the pool', () => {
      const allocator = new IncrementalAllocator(pool());
      expect(() => allocator.addSupply('r1', 4, [{ demand: 'd1', weight: 3 }])).toThrow(
        new Error('supply r1 is already in the pool'),
      );
    });

    it('an arriving demand with an edge to an unknown supply, even a worthless one', () => {
      const allocator = new IncrementalAllocator(pool());
      expect(() => allocator.addDemand('d2', 1, [{ supply: 'r9', weight: 0 }])).toThrow(
        new Error('edge to unknown supply r9'),
      );
    });

    it('an arriving supply with an edge to an unknown demand, even a worthless one', () => {
      const allocator = new IncrementalAllocator(pool());
      expect(() => allocator.addSupply('r2', 1, [{ demand: 'd9', weight: -1 }])).toThrow(
        new Error('edge to unknown demand d9'),
      );
    });

    it('an instance with an edge to an unknown supply or demand', () => {
      expect(
        () => new IncrementalAllocator({ ...pool(), edges: [{ supply: 'd1', demand: 'd1', weight: 1 }] }),
      ).toThrow(new Error('edge to unknown supply d1'));
      expect(
        () => new IncrementalAllocator({ ...pool(), edges: [{ supply: 'r1', demand: 'r1', weight: 1 }] }),
      ).toThrow(new Error('edge to unknown demand r1'));
    });
  });
});
