import fc from 'fast-check';
import { InvalidInstanceError, validateInstance } from './instance';

const valid = () => ({
  supplies: [{ id: 'r1', capacity: 40 }],
  demands: [{ id: 'd1', quantity: 10 }],
  edges: [{ supply: 'r1', demand: 'd1', weight: 0.83 }],
});

/** The error validateInstance throws, as plain data so that name, class and message are all compared. */
function refusalOf(value: unknown): { name: string; invalidInstance: boolean; message: string } {
  try {
    validateInstance(value);
  } catch (error) {
    const { name, message } = error as Error;
    return { name, invalidInstance: error instanceof InvalidInstanceError, message };
  }
  throw new Error('the instance was accepted');
}

const refusal = (message: string) => ({ name: 'InvalidInstanceError', invalidInstance: true, message });

describe('validateInstance', () => {
  it('accepts a well-formed instance and returns it as it is', () => {
    const instance = valid();
    expect(validateInstance(instance)).toBe(instance);
    expect(instance).toEqual(valid());
  });

  it('accepts an empty instance', () => {
    const empty = { supplies: [], demands: [], edges: [] };
    expect(validateInstance(empty)).toEqual({ supplies: [], demands: [], edges: [] });
  });

  it('accepts zero capacities and quantities, the largest safe integer, and zero, negative or extreme weights', () => {
    const instance = {
      supplies: [
        { id: 'r1', capacity: 0 },
        { id: 'r2', capacity: Number.MAX_SAFE_INTEGER },
      ],
      demands: [
        { id: 'd1', quantity: 0 },
        { id: 'd2', quantity: Number.MAX_SAFE_INTEGER },
      ],
      edges: [
        { supply: 'r1', demand: 'd1', weight: 0 },
        { supply: 'r1', demand: 'd2', weight: -2.5 },
        { supply: 'r2', demand: 'd1', weight: Number.MAX_VALUE },
        { supply: 'r2', demand: 'd2', weight: -Number.MIN_VALUE },
      ],
    };
    expect(validateInstance(instance)).toBe(instance);
  });

  it('does not take two edges for one when their ids only differ in where they are split', () => {
    // "a" + "bc" and "ab" + "c" spell the same text: the duplicate check must keep them apart.
    const instance = {
      supplies: [
        { id: 'a', capacity: 1 },
        { id: 'ab', capacity: 1 },
      ],
      demands: [
        { id: 'bc', quantity: 1 },
        { id: 'c', quantity: 1 },
      ],
      edges: [
        { supply: 'a', demand: 'bc', weight: 1 },
        { supply: 'ab', demand: 'c', weight: 1 },
      ],
    };
    expect(validateInstance(instance)).toBe(instance);
  });

  it.each<[string, unknown, string]>([
    ['an array', [], 'the instance must be a JSON object'],
    ['null', null, 'the instance must be a JSON object'],
    ['a string', 'supplies', 'the instance must be a JSON object'],
    ['undefined', undefined, 'the instance must be a JSON object'],
    ['an instance without supplies', { demands: [], edges: [] }, '"supplies" must be an array'],
    [
      'an instance whose supplies are an object',
      { supplies: {}, demands: [], edges: [] },
      '"supplies" must be an array',
    ],
    ['an instance without demands', { supplies: [], edges: [] }, '"demands" must be an array'],
    ['an instance without edges', { supplies: [], demands: [] }, '"edges" must be an array'],
    [
      'an instance whose edges are a string',
      { supplies: [], demands: [], edges: 'r1-d1' },
      '"edges" must be an array',
    ],
  ])('refuses %s', (_name, value, message) => {
    expect(refusalOf(value)).toEqual(refusal(message));
  });

  it.each<[string, (instance: ReturnType<typeof valid>) => unknown, string]>([
    ['a supply that is null', (i) => ({ ...i, supplies: [null] }), 'supplies[0] must be an object'],
    [
      'a supply that is an array',
      (i) => ({ ...i, supplies: [...i.supplies, ['r2', 1]] }),
      'supplies[1] must be an object',
    ],
    ['a demand that is a string', (i) => ({ ...i, demands: ['d1'] }), 'demands[0] must be an object'],
    ['a supply without id', (i) => ({ ...i, supplies: [{ capacity: 1 }] }), 'supplies[0].id is missing'],
    [
      'a supply whose id is empty',
      (i) => ({ ...i, supplies: [{ id: '', capacity: 1 }] }),
      'supplies[0].id is missing',
    ],
    [
      'a supply whose id is a number',
      (i) => ({ ...i, supplies: [{ id: 1, capacity: 1 }] }),
      'supplies[0].id is missing',
    ],
    [
      'a demand without id',
      (i) => ({ ...i, demands: [...i.demands, { quantity: 1 }] }),
      'demands[1].id is missing',
    ],
    [
      'a duplicate supply id',
      (i) => ({ ...i, supplies: [...i.supplies, ...i.supplies] }),
      'supplies[1].id "r1" is used twice',
    ],
    [
      'a duplicate demand id',
      (i) => ({ ...i, demands: [...i.demands, { id: 'd2', quantity: 1 }, { id: 'd1', quantity: 3 }] }),
      'demands[2].id "d1" is used twice',
    ],
    [
      'a supply without capacity',
      (i) => ({ ...i, supplies: [{ id: 'r1' }] }),
      'supplies[0].capacity must be a non-negative integer',
    ],
    [
      'a fractional capacity',
      (i) => ({ ...i, supplies: [{ id: 'r1', capacity: 2.5 }] }),
      'supplies[0].capacity must be a non-negative integer',
    ],
    [
      'a capacity beyond the safe integers',
      (i) => ({ ...i, supplies: [{ id: 'r1', capacity: 2 ** 53 }] }),
      'supplies[0].capacity must be a non-negative integer',
    ],
    [
      'an infinite capacity',
      (i) => ({ ...i, supplies: [{ id: 'r1', capacity: Infinity }] }),
      'supplies[0].capacity must be a non-negative integer',
    ],
    [
      'a capacity that is NaN',
      (i) => ({ ...i, supplies: [{ id: 'r1', capacity: NaN }] }),
      'supplies[0].capacity must be a non-negative integer',
    ],
    [
      'a negative quantity',
      (i) => ({ ...i, demands: [{ id: 'd1', quantity: -1 }] }),
      'demands[0].quantity must be a non-negative integer',
    ],
    [
      'a quantity given as text',
      (i) => ({ ...i, demands: [{ id: 'd1', quantity: '10' }] }),
      'demands[0].quantity must be a non-negative integer',
    ],
    [
      'a demand that has a capacity instead of a quantity',
      (i) => ({ ...i, demands: [{ id: 'd1', capacity: 10 }] }),
      'demands[0].quantity must be a non-negative integer',
    ],
    ['an edge that is null', (i) => ({ ...i, edges: [null] }), 'edges[0] must be an object'],
    [
      'an edge that is an array',
      (i) => ({ ...i, edges: [...i.edges, ['r1', 'd1', 1]] }),
      'edges[1] must be an object',
    ],
    [
      'an edge without supply',
      (i) => ({ ...i, edges: [{ demand: 'd1', weight: 1 }] }),
      'edges[0].supply is missing',
    ],
    [
      'an edge whose supply is empty',
      (i) => ({ ...i, edges: [{ supply: '', demand: 'd1', weight: 1 }] }),
      'edges[0].supply is missing',
    ],
    [
      'an edge whose supply is a number',
      (i) => ({ ...i, edges: [{ supply: 1, demand: 'd1', weight: 1 }] }),
      'edges[0].supply is missing',
    ],
    [
      'an edge without demand',
      (i) => ({ ...i, edges: [{ supply: 'r1', weight: 1 }] }),
      'edges[0].demand is missing',
    ],
    [
      'an edge whose demand is empty',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: '', weight: 1 }] }),
      'edges[0].demand is missing',
    ],
    [
      'an edge whose demand is a number',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 1, weight: 1 }] }),
      'edges[0].demand is missing',
    ],
    [
      'an edge to an unknown supply',
      (i) => ({ ...i, edges: [{ supply: 'r9', demand: 'd1', weight: 1 }] }),
      'edges[0].supply "r9" is not a known supply',
    ],
    [
      'an edge from a demand, as if it were a supply',
      (i) => ({ ...i, edges: [{ supply: 'd1', demand: 'd1', weight: 1 }] }),
      'edges[0].supply "d1" is not a known supply',
    ],
    [
      'an edge to an unknown demand',
      (i) => ({ ...i, edges: [...i.edges, { supply: 'r1', demand: 'd9', weight: 1 }] }),
      'edges[1].demand "d9" is not a known demand',
    ],
    [
      'an edge to a supply, as if it were a demand',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'r1', weight: 1 }] }),
      'edges[0].demand "r1" is not a known demand',
    ],
    [
      'an edge without weight',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1' }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a weight given as text',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1', weight: '0.5' }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a weight that is Infinity',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1', weight: Infinity }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a weight that is -Infinity',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1', weight: -Infinity }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a weight that is NaN',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1', weight: NaN }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a duplicate edge',
      (i) => ({ ...i, edges: [...i.edges, ...i.edges] }),
      'edges[1] duplicates the edge r1 -> d1',
    ],
    [
      'a duplicate edge with another weight',
      (i) => ({
        supplies: [...i.supplies, { id: 'r2', capacity: 1 }],
        demands: i.demands,
        edges: [
          { supply: 'r1', demand: 'd1', weight: 1 },
          { supply: 'r2', demand: 'd1', weight: 1 },
          { supply: 'r2', demand: 'd1', weight: 2 },
        ],
      }),
      'edges[2] duplicates the edge r2 -> d1',
    ],
  ])('refuses %s', (_name, mutate, message) => {
    expect(refusalOf(mutate(valid()))).toEqual(refusal(message));
  });

  it('refuses any instance where an id comes twice, naming the second occurrence', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (ids, pick, place, inDemands) => {
          const nodes = ids.map((id) => ({ id, capacity: 1, quantity: 1 }));
          const copyAt = (place % nodes.length) + 1;
          const repeated = nodes[pick % copyAt]!;
          nodes.splice(copyAt, 0, { ...repeated });
          const field = inDemands ? 'demands' : 'supplies';
          const instance = { supplies: [], demands: [], edges: [], [field]: nodes };
          expect(refusalOf(instance)).toEqual(
            refusal(`${field}[${copyAt}].id "${repeated.id}" is used twice`),
          );
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });
});
