import { match, MatchInputError } from './match';
import type { DemandItemInput, ResourceItemInput } from './model';
import { defaultMatchingPolicy } from './policy';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-11-21T00:00:00+08:00');
const ALLIANCE = 'luoyang-xigong-manglinglu';
// Around 邙岭路街道, 西工区.
const NEAR = { lat: 34.684, lng: 112.437 };

const resource = (overrides: Partial<ResourceItemInput>): ResourceItemInput => ({
  id: 'r',
  allianceId: ALLIANCE,
  unitId: 'unit-kongkong-daodan',
  category: 'elderly-care',
  quantityUnit: 'meals',
  capacity: 10,
  ...NEAR,
  serviceRadiusKm: 5,
  availableFrom: NOW,
  availableTo: NOW + 30 * DAY,
  tags: [],
  ...overrides,
});

const demand = (overrides: Partial<DemandItemInput>): DemandItemInput => ({
  id: 'd',
  allianceId: ALLIANCE,
  submitterId: 'community-014',
  category: 'elderly-care',
  quantityUnit: 'meals',
  quantity: 10,
  lat: NEAR.lat + 0.01,
  lng: NEAR.lng,
  windowFrom: NOW + DAY,
  windowTo: NOW + 8 * DAY,
  urgency: 'routine',
  postedAt: NOW,
  tags: [],
  ...overrides,
});

describe('match', () => {
  const policy = defaultMatchingPolicy(NOW);

  it('pairs demands with resources into proposals that explain each allocation', () => {
    const result = match(
      [resource({ id: 'canteen', capacity: 30, tags: ['送餐'] })],
      [demand({ id: 'meals-52', quantity: 12, tags: ['送餐'] }), demand({ id: 'meals-60', quantity: 25 })],
      policy,
    );
    expect(result.proposals.map((p) => [p.demandId, p.allocations.map((a) => a.quantity), p.unmet])).toEqual([
      ['meals-52', [12], 0],
      ['meals-60', [18], 7],
    ]);
    const allocation = result.proposals[0]!.allocations[0]!;
    expect(allocation).toMatchObject({ resourceId: 'canteen', pinned: false });
    expect(allocation.components!.map((component) => component.name).sort()).toEqual([
      'category',
      'distance',
      'tags',
      'window',
    ]);
    expect(allocation.score).toBeGreaterThan(0);
    expect(allocation.score).toBeLessThanOrEqual(1);
  });

  it('serves the urgent demand first when supply is short', () => {
    const result = match(
      [resource({ id: 'canteen', capacity: 10 })],
      [
        demand({ id: 'routine', quantity: 10 }),
        demand({ id: 'critical', quantity: 10, urgency: 'critical' }),
      ],
      policy,
    );
    expect(result.proposals.map((p) => p.demandId)).toEqual(['critical']);
  });

  it('keeps pinned allocations and re-optimises only the rest', () => {
    const resources = [resource({ id: 'canteen', capacity: 10 })];
    const demands = [
      demand({ id: 'first', quantity: 6 }),
      demand({ id: 'second', quantity: 10, urgency: 'critical' }),
    ];
    const result = match(resources, demands, policy, [
      { resourceId: 'canteen', demandId: 'first', quantity: 6 },
    ]);
    expect(result.proposals).toEqual([
      expect.objectContaining({
        demandId: 'first',
        unmet: 0,
        allocations: [expect.objectContaining({ quantity: 6, pinned: true })],
      }),
      expect.objectContaining({
        demandId: 'second',
        unmet: 6,
        allocations: [expect.objectContaining({ quantity: 4, pinned: false })],
      }),
    ]);
  });

  it('refuses pins beyond a capacity or to unknown items', () => {
    const resources = [resource({ id: 'canteen', capacity: 5 })];
    const demands = [demand({ id: 'first', quantity: 6 })];
    expect(() =>
      match(resources, demands, policy, [{ resourceId: 'canteen', demandId: 'first', quantity: 6 }]),
    ).toThrow(MatchInputError);
    expect(() =>
      match(resources, demands, policy, [{ resourceId: 'nope', demandId: 'first', quantity: 1 }]),
    ).toThrow('unknown resource nope');
  });

  it('says why a demand has no candidate', () => {
    const result = match(
      [resource({ id: 'far', lat: 34.9, lng: 112.9 })],
      [demand({ id: 'lonely' }), demand({ id: 'legal', category: 'legal', quantityUnit: 'sessions' })],
      policy,
    );
    expect(result.unmatched).toEqual([
      { demandId: 'legal', reason: 'no-supply-in-category' },
      { demandId: 'lonely', reason: 'none-in-radius' },
    ]);
  });

  it('gives the same proposals whatever the input order', () => {
    const resources = Array.from({ length: 12 }, (_, i) =>
      resource({
        id: `r${i}`,
        capacity: 3 + (i % 4),
        lat: NEAR.lat + i * 0.003,
        tags: i % 2 ? ['党员'] : [],
      }),
    );
    const demands = Array.from({ length: 15 }, (_, i) =>
      demand({
        id: `d${i}`,
        quantity: 2 + (i % 5),
        lng: NEAR.lng + i * 0.002,
        urgency: i % 3 ? 'routine' : 'urgent',
      }),
    );
    const forward = match(resources, demands, policy);
    const backward = match([...resources].reverse(), [...demands].reverse(), policy);
    expect(backward.proposals).toEqual(forward.proposals);
    expect(backward.objective).toBe(forward.objective);
  });
});
