import fc from 'fast-check';
import { solve } from './solve';
import { toLpFormat } from './lp-reference';
import type { AllocationInstance } from './instance';

type Highs = { solve(lp: string): { Status: string; ObjectiveValue: number } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadHighs = require('highs') as () => Promise<Highs>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const instanceArbitrary: fc.Arbitrary<AllocationInstance> = fc
  .record({
    supplies: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 7 }),
    demands: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 7 }),
    density: fc.double({ min: 0.1, max: 1, noNaN: true }),
    weights: fc.array(fc.double({ min: 0.01, max: 3, noNaN: true }), { minLength: 49, maxLength: 49 }),
    picks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 49, maxLength: 49 }),
  })
  .map(({ supplies, demands, density, weights, picks }) => {
    const edges: AllocationInstance['edges'] = [];
    supplies.forEach((_, s) =>
      demands.forEach((_, d) => {
        const slot = s * 7 + d;
        if (picks[slot]! < density) edges.push({ supply: `r${s}`, demand: `d${d}`, weight: weights[slot]! });
      }),
    );
    return {
      supplies: supplies.map((capacity, s) => ({ id: `r${s}`, capacity })),
      demands: demands.map((quantity, d) => ({ id: `d${d}`, quantity })),
      edges,
    };
  });

function lpOptimum(instance: AllocationInstance): number {
  if (instance.edges.length === 0) return 0;
  const result = highs.solve(toLpFormat(instance));
  if (result.Status !== 'Optimal') throw new Error(`highs: ${result.Status}`);
  return result.ObjectiveValue;
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

describe('solve', () => {
  it('solves the example from the issue', () => {
    const result = solve({
      supplies: [{ id: 'r1', capacity: 40 }],
      demands: [{ id: 'd1', quantity: 10 }],
      edges: [{ supply: 'r1', demand: 'd1', weight: 0.83 }],
    });
    expect(result.objective).toBeCloseTo(8.3, 10);
    expect(result.flows).toEqual([{ supply: 'r1', demand: 'd1', quantity: 10 }]);
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
    expect(result.objective).toBeCloseTo(0.8 * 5 + 0.7 * 5, 10);
  });

  it('ignores edges without weight, capacity or quantity', () => {
    const result = solve({
      supplies: [
        { id: 'r1', capacity: 0 },
        { id: 'r2', capacity: 3 },
      ],
      demands: [{ id: 'd1', quantity: 4 }],
      edges: [
        { supply: 'r1', demand: 'd1', weight: 1 },
        { supply: 'r2', demand: 'd1', weight: -1 },
      ],
    });
    expect(result).toMatchObject({ objective: 0, flows: [] });
  });

  it('reaches the LP optimum of highs on random instances, within every capacity', async () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const result = solve(instance);
        const optimum = lpOptimum(instance);
        expect(Math.abs(result.objective - optimum)).toBeLessThanOrEqual(
          1e-6 * Math.max(1, Math.abs(optimum)),
        );
        const used = new Map<string, number>();
        for (const flow of result.flows) {
          expect(Number.isInteger(flow.quantity) && flow.quantity > 0).toBe(true);
          used.set(flow.supply, (used.get(flow.supply) ?? 0) + flow.quantity);
          used.set(flow.demand, (used.get(flow.demand) ?? 0) + flow.quantity);
        }
        for (const supply of instance.supplies)
          expect(used.get(supply.id) ?? 0).toBeLessThanOrEqual(supply.capacity);
        for (const demand of instance.demands)
          expect(used.get(demand.id) ?? 0).toBeLessThanOrEqual(demand.quantity);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('returns the same flows whatever the order of the input', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 1, max: 1e6 }), (instance, seed) => {
        const permuted = {
          supplies: shuffled(instance.supplies, seed),
          demands: shuffled(instance.demands, seed + 1),
          edges: shuffled(instance.edges, seed + 2),
        };
        const a = solve(instance);
        const b = solve(permuted);
        expect(b.flows).toEqual(a.flows);
        expect(b.objective).toBe(a.objective);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
