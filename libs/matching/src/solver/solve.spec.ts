import fc from 'fast-check';
import { solve } from './solve';
import { toLpFormat } from './lp-reference';
import type { AllocationInstance, AllocationResult } from './instance';

type Highs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = require('highs') as () => Promise<Highs>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

afterEach(() => {
  jest.restoreAllMocks();
});

/** Ids whose text order differs from the order they are listed in (and from numeric order). */
const NAMES = ['m', 'b', '10', 'x', '9', 'ab', 'a', 'Z', 'k'];

/**
 * Instances with the shapes that break allocators: several connected components, isolated
 * nodes, zero capacities and quantities, zero, negative and extreme weights, equal weights.
 * Nodes are spread over up to three groups and edges only join nodes of the same group.
 */
const instanceArbitrary: fc.Arbitrary<AllocationInstance> = fc
  .record({
    capacities: fc.array(fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constant(0)), {
      minLength: 1,
      maxLength: 7,
    }),
    quantities: fc.array(fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constant(0)), {
      minLength: 1,
      maxLength: 7,
    }),
    supplyGroups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    demandGroups: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    density: fc.double({ min: 0.2, max: 1, noNaN: true }),
    weights: fc.array(
      fc.oneof(
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.constantFrom(-1, 0, 0.001, 1, 1, 2, 2, 3, 1e6),
      ),
      { minLength: 49, maxLength: 49 },
    ),
    picks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 49, maxLength: 49 }),
  })
  .map(({ capacities, quantities, supplyGroups, demandGroups, density, weights, picks }) => {
    const edges: AllocationInstance['edges'] = [];
    capacities.forEach((_, s) =>
      quantities.forEach((_, d) => {
        const slot = s * 7 + d;
        if (supplyGroups[s] === demandGroups[d] && picks[slot]! < density) {
          edges.push({ supply: `r${NAMES[s]}`, demand: `d${NAMES[d]}`, weight: weights[slot]! });
        }
      }),
    );
    return {
      supplies: capacities.map((capacity, s) => ({ id: `r${NAMES[s]}`, capacity })),
      demands: quantities.map((quantity, d) => ({ id: `d${NAMES[d]}`, quantity })),
      edges,
    };
  });

/** Tiny instances with few distinct weights, so that many allocations tie for the optimum. */
const tinyArbitrary: fc.Arbitrary<AllocationInstance> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    quantities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    weights: fc.array(fc.option(fc.constantFrom(-1, 0, 1, 1, 2, 2, 3), { nil: undefined }), {
      minLength: 9,
      maxLength: 9,
    }),
  })
  .map(({ capacities, quantities, weights }) => {
    const edges: AllocationInstance['edges'] = [];
    capacities.forEach((_, s) =>
      quantities.forEach((_, d) => {
        const weight = weights[s * 3 + d];
        if (weight !== undefined) edges.push({ supply: `r${NAMES[s]}`, demand: `d${NAMES[d]}`, weight });
      }),
    );
    return {
      supplies: capacities.map((capacity, s) => ({ id: `r${NAMES[s]}`, capacity })),
      demands: quantities.map((quantity, d) => ({ id: `d${NAMES[d]}`, quantity })),
      edges,
    };
  });

function lpOptimum(instance: AllocationInstance): number {
  if (instance.edges.length === 0) return 0;
  const result = highs.solve(toLpFormat(instance));
  if (result.Status !== 'Optimal') throw new Error(`highs: ${result.Status}`);
  return result.ObjectiveValue;
}

/** The best objective by trying every integer quantity on every edge (memoised on what is left). */
function bruteForceOptimum(instance: AllocationInstance): number {
  const left = new Map<string, number>();
  for (const supply of instance.supplies) left.set(`s:${supply.id}`, supply.capacity);
  for (const demand of instance.demands) left.set(`d:${demand.id}`, demand.quantity);
  const memo = new Map<string, number>();
  const best = (index: number): number => {
    if (index === instance.edges.length) return 0;
    const key = `${index}|${[...left.values()].join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const edge = instance.edges[index]!;
    const supplyKey = `s:${edge.supply}`;
    const demandKey = `d:${edge.demand}`;
    let value = -Infinity;
    for (let amount = 0; amount <= Math.min(left.get(supplyKey)!, left.get(demandKey)!); amount++) {
      left.set(supplyKey, left.get(supplyKey)! - amount);
      left.set(demandKey, left.get(demandKey)! - amount);
      value = Math.max(value, amount * edge.weight + best(index + 1));
      left.set(supplyKey, left.get(supplyKey)! + amount);
      left.set(demandKey, left.get(demandKey)! + amount);
    }
    memo.set(key, value);
    return value;
  };
  return best(0);
}

/** Edges that can carry something worth having, grouped by connected component (flood fill). */
function usefulComponents(instance: AllocationInstance): AllocationInstance['edges'][] {
  const capacity = new Map(instance.supplies.map((supply) => [supply.id, supply.capacity]));
  const quantity = new Map(instance.demands.map((demand) => [demand.id, demand.quantity]));
  const useful = instance.edges.filter(
    (edge) => edge.weight > 0 && capacity.get(edge.supply)! > 0 && quantity.get(edge.demand)! > 0,
  );
  const components: AllocationInstance['edges'][] = [];
  const remaining = new Set(useful);
  while (remaining.size > 0) {
    const [first] = remaining;
    remaining.delete(first!);
    const component = [first!];
    const supplies = new Set([first!.supply]);
    const demands = new Set([first!.demand]);
    for (let grew = true; grew;) {
      grew = false;
      for (const edge of remaining) {
        if (supplies.has(edge.supply) || demands.has(edge.demand)) {
          remaining.delete(edge);
          component.push(edge);
          supplies.add(edge.supply);
          demands.add(edge.demand);
          grew = true;
        }
      }
    }
    components.push(component);
  }
  return components;
}

/** The part of an instance that one component's edges touch. */
function restrictTo(instance: AllocationInstance, edges: AllocationInstance['edges']): AllocationInstance {
  const supplies = new Set(edges.map((edge) => edge.supply));
  const demands = new Set(edges.map((edge) => edge.demand));
  return {
    supplies: instance.supplies.filter((supply) => supplies.has(supply.id)),
    demands: instance.demands.filter((demand) => demands.has(demand.id)),
    edges,
  };
}

/** Checks a result against the rules every allocation obeys, whatever the optimum is. */
function expectFeasible(instance: AllocationInstance, result: AllocationResult): void {
  const used = new Map<string, number>();
  let objective = 0;
  for (const flow of result.flows) {
    const edge = instance.edges.find((edge) => edge.supply === flow.supply && edge.demand === flow.demand);
    expect(edge).toBeDefined();
    expect(edge!.weight).toBeGreaterThan(0);
    expect(Number.isInteger(flow.quantity) && flow.quantity > 0).toBe(true);
    used.set(`s:${flow.supply}`, (used.get(`s:${flow.supply}`) ?? 0) + flow.quantity);
    used.set(`d:${flow.demand}`, (used.get(`d:${flow.demand}`) ?? 0) + flow.quantity);
    objective += flow.quantity * edge!.weight;
  }
  for (const supply of instance.supplies)
    expect(used.get(`s:${supply.id}`) ?? 0).toBeLessThanOrEqual(supply.capacity);
  for (const demand of instance.demands)
    expect(used.get(`d:${demand.id}`) ?? 0).toBeLessThanOrEqual(demand.quantity);
  expect(result.objective).toBeCloseTo(objective, 6);
  // Sorted by (supply, demand), each pair once.
  const keys = result.flows.map((flow) => [flow.supply, flow.demand] as const);
  const sorted = [...keys].sort(([s1, d1], [s2, d2]) =>
    s1 < s2 ? -1 : s1 > s2 ? 1 : d1 < d2 ? -1 : d1 > d2 ? 1 : 0,
  );
  expect(keys).toEqual(sorted);
  expect(new Set(keys.map(([s, d]) => `${s}\u0000${d}`)).size).toBe(keys.length);
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

/** Makes `performance.now()` return the given readings, one per call. */
function clockReads(...readings: number[]): void {
  const spy = jest.spyOn(performance, 'now');
  for (const reading of readings) spy.mockReturnValueOnce(reading);
}

describe('solve', () => {
  it('solves the example from the issue, with its stats', () => {
    clockReads(100, 130, 170);
    const result = solve({
      supplies: [{ id: 'r1', capacity: 40 }],
      demands: [{ id: 'd1', quantity: 10 }],
      edges: [{ supply: 'r1', demand: 'd1', weight: 0.83 }],
    });
    // 10 × 0.83 is 8.299999999999999 in floating point: the objective is rounded to read 8.3.
    expect(result).toEqual({
      objective: 8.3,
      flows: [{ supply: 'r1', demand: 'd1', quantity: 10 }],
      stats: { solveMs: 40, prepareMs: 30, components: 1, pivots: 1, supplies: 1, demands: 1, edges: 1 },
    });
  });

  it('gives a scarce resource to the demand that values it more, not to the first one', () => {
    const result = solve({
      supplies: [
        { id: 'tutors', capacity: 5 },
        { id: 'hall', capacity: 5 },
      ],
      demands: [
        { id: 'math', quantity: 5 },
        { id: 'reading', quantity: 5 },
      ],
      edges: [
        { supply: 'tutors', demand: 'math', weight: 0.9 },
        { supply: 'tutors', demand: 'reading', weight: 0.8 },
        { supply: 'hall', demand: 'math', weight: 0.7 },
      ],
    });
    // Greedy would give tutors to math (0.9×5) and leave reading unserved: 4.5 + 0 = 4.5.
    expect(result.objective).toBe(7.5);
    expect(result.flows).toEqual([
      { supply: 'hall', demand: 'math', quantity: 5 },
      { supply: 'tutors', demand: 'reading', quantity: 5 },
    ]);
    expect(result.stats.components).toBe(1);
  });

  it('ignores edges without weight, capacity or quantity, and does not count them as components', () => {
    const result = solve({
      supplies: [
        { id: 'r-empty', capacity: 0 },
        { id: 'r-zero-weight', capacity: 3 },
        { id: 'r-negative', capacity: 3 },
        { id: 'r-to-nobody', capacity: 3 },
      ],
      demands: [
        { id: 'd1', quantity: 4 },
        { id: 'd2', quantity: 4 },
        { id: 'd3', quantity: 4 },
        { id: 'd-nothing', quantity: 0 },
      ],
      edges: [
        { supply: 'r-empty', demand: 'd1', weight: 1 },
        { supply: 'r-zero-weight', demand: 'd2', weight: 0 },
        { supply: 'r-negative', demand: 'd3', weight: -1 },
        { supply: 'r-to-nobody', demand: 'd-nothing', weight: 1 },
      ],
    });
    expect(result).toMatchObject({
      objective: 0,
      flows: [],
      stats: { components: 0, pivots: 0, supplies: 4, demands: 4, edges: 4 },
    });
  });

  it('allocates on the useful edges only, in one component, when useless ones surround them', () => {
    const result = solve({
      supplies: [
        { id: 'r-empty', capacity: 0 },
        { id: 'r-zero-weight', capacity: 3 },
        { id: 'r-useful', capacity: 3 },
      ],
      demands: [
        { id: 'd-nothing', quantity: 0 },
        { id: 'd1', quantity: 4 },
        { id: 'd2', quantity: 4 },
      ],
      edges: [
        { supply: 'r-empty', demand: 'd1', weight: 5 },
        { supply: 'r-zero-weight', demand: 'd2', weight: 0 },
        { supply: 'r-useful', demand: 'd-nothing', weight: 5 },
        { supply: 'r-useful', demand: 'd1', weight: 2 },
      ],
    });
    expect(result).toMatchObject({
      objective: 6,
      flows: [{ supply: 'r-useful', demand: 'd1', quantity: 3 }],
      stats: { components: 1, supplies: 3, demands: 3, edges: 4 },
    });
  });

  it('never gives a demand more than its quantity when several supplies reach it', () => {
    // The shared demand ranks after the supplies' count, where a wrong node numbering would
    // put each supply in its own component, and each would fill the demand on its own.
    const result = solve({
      supplies: [
        { id: 'r1', capacity: 10 },
        { id: 'r2', capacity: 10 },
      ],
      demands: [
        { id: 'd1', quantity: 1 },
        { id: 'd2', quantity: 1 },
        { id: 'd3', quantity: 1 },
        { id: 'd4', quantity: 5 },
      ],
      edges: [
        { supply: 'r1', demand: 'd4', weight: 1 },
        { supply: 'r2', demand: 'd4', weight: 2 },
      ],
    });
    expect(result).toMatchObject({
      objective: 10,
      flows: [{ supply: 'r2', demand: 'd4', quantity: 5 }],
      stats: { components: 1, supplies: 2, demands: 4, edges: 2 },
    });
  });

  it('never gives a supply more than its capacity when it reaches several demands', () => {
    const result = solve({
      supplies: [
        { id: 'r1', capacity: 1 },
        { id: 'r2', capacity: 1 },
        { id: 'r3', capacity: 6 },
      ],
      demands: [
        { id: 'd1', quantity: 4 },
        { id: 'd2', quantity: 4 },
      ],
      edges: [
        { supply: 'r3', demand: 'd1', weight: 1 },
        { supply: 'r3', demand: 'd2', weight: 3 },
      ],
    });
    expect(result).toMatchObject({
      objective: 14,
      flows: [
        { supply: 'r3', demand: 'd1', quantity: 2 },
        { supply: 'r3', demand: 'd2', quantity: 4 },
      ],
      stats: { components: 1 },
    });
  });

  it('solves separate components and lists all their flows sorted by supply, then demand', () => {
    // Components {a, c} and {b}: solved one after the other, their flows come out as a, c, b.
    const result = solve({
      supplies: [
        { id: 'c', capacity: 2 },
        { id: 'b', capacity: 2 },
        { id: 'a', capacity: 2 },
        { id: 'alone', capacity: 9 },
      ],
      demands: [
        { id: 'x', quantity: 9 },
        { id: 'y', quantity: 9 },
        { id: 'z', quantity: 2 },
        { id: 'nobody', quantity: 9 },
      ],
      edges: [
        { supply: 'a', demand: 'z', weight: 1 },
        { supply: 'c', demand: 'z', weight: 3 },
        { supply: 'c', demand: 'x', weight: 1 },
        { supply: 'a', demand: 'x', weight: 2 },
        { supply: 'b', demand: 'y', weight: 1 },
      ],
    });
    expect(result).toMatchObject({
      objective: 12,
      flows: [
        { supply: 'a', demand: 'x', quantity: 2 },
        { supply: 'b', demand: 'y', quantity: 2 },
        { supply: 'c', demand: 'z', quantity: 2 },
      ],
      stats: { components: 2, supplies: 4, demands: 4, edges: 5 },
    });
    expect(result.stats.pivots).toBeGreaterThanOrEqual(2);
  });

  it('lists the flows of one supply by demand, across components of other supplies', () => {
    const result = solve({
      supplies: [
        { id: 's2', capacity: 5 },
        { id: 's1', capacity: 5 },
      ],
      demands: [
        { id: 'd3', quantity: 2 },
        { id: 'd1', quantity: 2 },
        { id: 'd2', quantity: 2 },
      ],
      edges: [
        { supply: 's2', demand: 'd3', weight: 1 },
        { supply: 's2', demand: 'd1', weight: 1 },
        { supply: 's1', demand: 'd2', weight: 1 },
      ],
    });
    expect(result.flows).toEqual([
      { supply: 's1', demand: 'd2', quantity: 2 },
      { supply: 's2', demand: 'd1', quantity: 2 },
      { supply: 's2', demand: 'd3', quantity: 2 },
    ]);
    expect(result.stats.components).toBe(2);
  });

  it('counts one component per connected group, ignoring isolated nodes', () => {
    const supplies = ['r0', 'r1', 'r2', 'r3', 'r4'].map((id) => ({ id, capacity: 1 }));
    const demands = ['d0', 'd1', 'd2', 'd3', 'd4'].map((id) => ({ id, quantity: 1 }));
    const result = solve({
      supplies,
      demands,
      edges: [
        { supply: 'r0', demand: 'd4', weight: 1 },
        { supply: 'r1', demand: 'd3', weight: 1 },
        { supply: 'r2', demand: 'd3', weight: 1 },
        { supply: 'r4', demand: 'd0', weight: 1 },
      ],
    });
    expect(result.stats).toMatchObject({ components: 3, supplies: 5, demands: 5, edges: 4 });
    expect(result.objective).toBe(3);
  });

  it('picks the same one of several equally good allocations as it always has', () => {
    // Both r0 → d1 × 2 + r2 → d0 and the allocation below are worth 5. Which one comes out is
    // set by the order edges enter the simplex (by supply, then demand); pinned so that a
    // change in that order, which would move units between communities, is seen.
    const result = solve({
      supplies: [
        { id: 'r0', capacity: 2 },
        { id: 'r1', capacity: 1 },
        { id: 'r2', capacity: 2 },
      ],
      demands: [
        { id: 'd0', quantity: 1 },
        { id: 'd1', quantity: 2 },
      ],
      edges: [
        { supply: 'r0', demand: 'd0', weight: 1 },
        { supply: 'r0', demand: 'd1', weight: 2 },
        { supply: 'r1', demand: 'd1', weight: 2 },
        { supply: 'r2', demand: 'd0', weight: 1 },
      ],
    });
    expect(result.objective).toBe(5);
    expect(result.flows).toEqual([
      { supply: 'r0', demand: 'd0', quantity: 1 },
      { supply: 'r0', demand: 'd1', quantity: 1 },
      { supply: 'r1', demand: 'd1', quantity: 1 },
    ]);
  });

  it('returns an empty allocation for an empty instance', () => {
    clockReads(5, 5, 6);
    expect(solve({ supplies: [], demands: [], edges: [] })).toEqual({
      objective: 0,
      flows: [],
      stats: { solveMs: 1, prepareMs: 0, components: 0, pivots: 0, supplies: 0, demands: 0, edges: 0 },
    });
  });

  it('reaches the LP optimum of highs on random instances, within every capacity', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const result = solve(instance);
        const optimum = lpOptimum(instance);
        expect(Math.abs(result.objective - optimum)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(optimum)),
        );
        expectFeasible(instance, result);
        const components = usefulComponents(instance).length;
        expect(result.stats).toMatchObject({
          components,
          supplies: instance.supplies.length,
          demands: instance.demands.length,
          edges: instance.edges.length,
        });
        // Each component needs at least one pivot to carry anything, and then carries something.
        expect(result.stats.pivots).toBeGreaterThanOrEqual(components);
        expect(result.flows.length).toBeGreaterThanOrEqual(components);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('reaches the brute-force optimum on tiny instances full of ties', () => {
    fc.assert(
      fc.property(tinyArbitrary, (instance) => {
        const result = solve(instance);
        expect(result.objective).toBe(bruteForceOptimum(instance));
        expectFeasible(instance, result);
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('solves each component as if it were alone', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const whole = solve(instance);
        const parts = usefulComponents(instance).map((edges) => solve(restrictTo(instance, edges)));
        expect(parts.every((part) => part.stats.components === 1)).toBe(true);
        const flows = parts.flatMap((part) => part.flows);
        expect(new Set(whole.flows)).toEqual(new Set(flows));
        expect(whole.flows).toHaveLength(flows.length);
      }),
      { numRuns: 150, seed: 21 },
    );
  });

  it('returns the same flows whatever the order of the input, even where optima tie', () => {
    fc.assert(
      fc.property(
        fc.oneof(instanceArbitrary, tinyArbitrary),
        fc.integer({ min: 1, max: 1e6 }),
        (instance, seed) => {
          const permuted = {
            supplies: shuffled(instance.supplies, seed),
            demands: shuffled(instance.demands, seed + 1),
            edges: shuffled(instance.edges, seed + 2),
          };
          const a = solve(instance);
          const b = solve(permuted);
          expect(b.flows).toEqual(a.flows);
          expect(b.objective).toBe(a.objective);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
