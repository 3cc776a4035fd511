import fc from 'fast-check';
import { IncrementalAllocator } from './incremental';
import type { AllocationInstance } from './instance';
import { solve } from './solve';

/** Random pools plus arrivals; the warm-started optimum must equal a solve from scratch. */
describe('IncrementalAllocator', () => {
  const arbitraryPool = fc.record({
    capacities: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 }),
    quantities: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 8 }),
    weights: fc.array(fc.option(fc.double({ min: 0.05, max: 2, noNaN: true }), { nil: undefined }), {
      minLength: 48,
      maxLength: 48,
    }),
    initialDemands: fc.integer({ min: 1, max: 7 }),
  });

  it('stays optimal as demands arrive one by one', () => {
    fc.assert(
      fc.property(arbitraryPool, ({ capacities, quantities, weights, initialDemands }) => {
        const full: AllocationInstance = {
          supplies: capacities.map((capacity, s) => ({ id: `r${s}`, capacity })),
          demands: quantities.map((quantity, d) => ({ id: `d${d}`, quantity })),
          edges: [],
        };
        capacities.forEach((_, s) =>
          quantities.forEach((_, d) => {
            const weight = weights[s * 8 + d];
            if (weight !== undefined) full.edges.push({ supply: `r${s}`, demand: `d${d}`, weight });
          }),
        );
        const start = Math.min(initialDemands, quantities.length - 1);
        const initialIds = new Set(full.demands.slice(0, start).map((demand) => demand.id));
        const allocator = new IncrementalAllocator({
          supplies: full.supplies,
          demands: full.demands.filter((demand) => initialIds.has(demand.id)),
          edges: full.edges.filter((edge) => initialIds.has(edge.demand)),
        });
        for (const demand of full.demands.slice(start)) {
          allocator.addDemand(
            demand.id,
            demand.quantity,
            full.edges.filter((edge) => edge.demand === demand.id),
          );
        }
        expect(allocator.result().objective).toBeCloseTo(solve(full).objective, 9);
      }),
      { numRuns: 300, seed: 11 },
    );
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
    expect(allocator.result().flows).toEqual([
      { supply: 'meals-canteen', demand: 'elderly-52', quantity: 10 },
      { supply: 'meals-hospital', demand: 'elderly-60', quantity: 10 },
    ]);
  });
});
