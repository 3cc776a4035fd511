import fc from 'fast-check';
import { greedyObjective } from './greedy';
import type { AllocationInstance } from './instance';
import { solve } from './solve';

/**
 * Greedy written another way: repeatedly take the heaviest edge not taken yet (the first one
 * listed among equals) and give it all it can take.
 */
function greedyByRepeatedMaximum(instance: AllocationInstance): number {
  const left = new Map<string, number>();
  for (const supply of instance.supplies) left.set(`s:${supply.id}`, supply.capacity);
  for (const demand of instance.demands) left.set(`d:${demand.id}`, demand.quantity);
  const pending = instance.edges.filter((edge) => edge.weight > 0);
  let objective = 0;
  while (pending.length > 0) {
    let best = 0;
    pending.forEach((edge, index) => {
      if (edge.weight > pending[best]!.weight) best = index;
    });
    const [edge] = pending.splice(best, 1);
    const amount = Math.min(left.get(`s:${edge!.supply}`)!, left.get(`d:${edge!.demand}`)!);
    left.set(`s:${edge!.supply}`, left.get(`s:${edge!.supply}`)! - amount);
    left.set(`d:${edge!.demand}`, left.get(`d:${edge!.demand}`)! - amount);
    objective += amount * edge!.weight;
  }
  return objective;
}

// Small weights from a short list, so that equal weights (ties) are common.
const instanceArbitrary: fc.Arbitrary<AllocationInstance> = fc
  .record({
    capacities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
    quantities: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }),
    weights: fc.array(fc.constantFrom(-1, 0, 0.5, 1, 1, 2, 3, 3, 7), { minLength: 16, maxLength: 16 }),
    present: fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
    order: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  })
  .map(({ capacities, quantities, weights, present, order }) => {
    const edges: AllocationInstance['edges'] = [];
    capacities.forEach((_, s) =>
      quantities.forEach((_, d) => {
        if (present[s * 4 + d]) edges.push({ supply: `r${s}`, demand: `d${d}`, weight: weights[s * 4 + d]! });
      }),
    );
    // Edges in a random order: greedy must not rely on the order it is given.
    const keyed = edges.map((edge, index) => ({ edge, key: order[index]! }));
    keyed.sort((a, b) => a.key - b.key);
    return {
      supplies: capacities.map((capacity, s) => ({ id: `r${s}`, capacity })),
      demands: quantities.map((quantity, d) => ({ id: `d${d}`, quantity })),
      edges: keyed.map(({ edge }) => edge),
    };
  });

describe('greedyObjective', () => {
  it('gives the scarce resource to the best pair first, even where the exact solver does better', () => {
    const instance: AllocationInstance = {
      supplies: [
        { id: 'tutors', capacity: 5 },
        { id: 'hall', capacity: 5 },
      ],
      demands: [
        { id: 'math', quantity: 5 },
        { id: 'reading', quantity: 5 },
      ],
      edges: [
        { supply: 'tutors', demand: 'reading', weight: 2.5 },
        { supply: 'hall', demand: 'math', weight: 2 },
        { supply: 'tutors', demand: 'math', weight: 3 },
      ],
    };
    // tutors → math (5 × 3); reading then finds no tutors left, and math no place left.
    expect(greedyObjective(instance)).toBe(15);
    expect(solve(instance).objective).toBe(22.5);
  });

  it('takes the heaviest edge first whatever the order of the edges', () => {
    const supplies = [{ id: 'r1', capacity: 4 }];
    const demands = [
      { id: 'd1', quantity: 3 },
      { id: 'd2', quantity: 3 },
      { id: 'd3', quantity: 3 },
    ];
    const edges = [
      { supply: 'r1', demand: 'd1', weight: 1 },
      { supply: 'r1', demand: 'd2', weight: 4 },
      { supply: 'r1', demand: 'd3', weight: 2 },
    ];
    // d2 gets 3 × 4, then d3 the last unit × 2.
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
      [0, 2, 1],
    ]) {
      expect(greedyObjective({ supplies, demands, edges: order.map((index) => edges[index]!) })).toBe(14);
    }
  });

  it('moves on to the next edge when one can take nothing, instead of stopping', () => {
    const instance: AllocationInstance = {
      supplies: [
        { id: 'r1', capacity: 2 },
        { id: 'r2', capacity: 2 },
      ],
      demands: [
        { id: 'd1', quantity: 2 },
        { id: 'd2', quantity: 2 },
      ],
      edges: [
        { supply: 'r1', demand: 'd1', weight: 3 },
        { supply: 'r2', demand: 'd1', weight: 2 },
        { supply: 'r2', demand: 'd2', weight: 1 },
      ],
    };
    // r2 → d1 finds d1 full; r2 → d2 still takes 2 × 1.
    expect(greedyObjective(instance)).toBe(8);
  });

  it('takes nothing on edges whose weight is zero or negative, even with capacity left', () => {
    const instance: AllocationInstance = {
      supplies: [{ id: 'r1', capacity: 9 }],
      demands: [
        { id: 'd1', quantity: 2 },
        { id: 'd2', quantity: 3 },
        { id: 'd3', quantity: 3 },
      ],
      edges: [
        { supply: 'r1', demand: 'd2', weight: -1 },
        { supply: 'r1', demand: 'd3', weight: 0 },
        { supply: 'r1', demand: 'd1', weight: 1.5 },
      ],
    };
    expect(greedyObjective(instance)).toBe(3);
  });

  it('is zero without edges', () => {
    expect(
      greedyObjective({
        supplies: [{ id: 'r1', capacity: 3 }],
        demands: [{ id: 'd1', quantity: 3 }],
        edges: [],
      }),
    ).toBe(0);
  });

  it('agrees with greedy by repeated maximum, and stays between half the optimum and the optimum', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const greedy = greedyObjective(instance);
        expect(greedy).toBe(greedyByRepeatedMaximum(instance));
        const optimum = solve(instance).objective;
        expect(greedy).toBeLessThanOrEqual(optimum + 1e-9);
        expect(greedy).toBeGreaterThanOrEqual(optimum / 2 - 1e-9);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
