import { InvalidInstanceError, validateInstance } from './instance';

const valid = () => ({
  supplies: [{ id: 'r1', capacity: 40 }],
  demands: [{ id: 'd1', quantity: 10 }],
  edges: [{ supply: 'r1', demand: 'd1', weight: 0.83 }],
});

describe('validateInstance', () => {
  it('accepts a well-formed instance', () => {
    expect(validateInstance(valid())).toEqual(valid());
  });

  it.each<[string, (instance: ReturnType<typeof valid>) => unknown, string]>([
    ['not an object', () => [], 'the instance must be a JSON object'],
    ['without edges', ({ supplies, demands }) => ({ supplies, demands }), '"edges" must be an array'],
    ['a supply without id', (i) => ({ ...i, supplies: [{ capacity: 1 }] }), 'supplies[0].id is missing'],
    [
      'a duplicate supply id',
      (i) => ({ ...i, supplies: [...i.supplies, ...i.supplies] }),
      'supplies[1].id "r1" is used twice',
    ],
    [
      'a fractional capacity',
      (i) => ({ ...i, supplies: [{ id: 'r1', capacity: 2.5 }] }),
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
      'an edge to an unknown supply',
      (i) => ({ ...i, edges: [{ supply: 'r9', demand: 'd1', weight: 1 }] }),
      'edges[0].supply "r9" is not a known supply',
    ],
    [
      'an edge to an unknown demand',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd9', weight: 1 }] }),
      'edges[0].demand "d9" is not a known demand',
    ],
    [
      'an edge without demand',
      (i) => ({ ...i, edges: [{ supply: 'r1', weight: 1 }] }),
      'edges[0].demand is missing',
    ],
    [
      'a non-finite weight',
      (i) => ({ ...i, edges: [{ supply: 'r1', demand: 'd1', weight: null }] }),
      'edges[0].weight must be a finite number',
    ],
    [
      'a duplicate edge',
      (i) => ({ ...i, edges: [...i.edges, ...i.edges] }),
      'edges[1] duplicates the edge r1 -> d1',
    ],
  ])('refuses %s', (_name, mutate, message) => {
    expect(() => validateInstance(mutate(valid()))).toThrow(new InvalidInstanceError(message));
  });
});
