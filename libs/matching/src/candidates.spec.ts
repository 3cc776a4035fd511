import fc from 'fast-check';
import { explainNoCandidates, generateCandidates, windowsOverlap } from './candidates';
import { greatCircleKm } from './geo';
import type { Candidate, DemandItemInput, MatchingPolicy, ResourceItemInput } from './model';
import { areCategoriesCompatible, defaultMatchingPolicy } from './policy';
import { scoreCandidate } from './scoring';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1);
const MANGLING_ROAD = { lat: 34.684, lng: 112.437 }; // 邙岭路, Luoyang
const policy = defaultMatchingPolicy(NOW);

function resource(overrides: Partial<ResourceItemInput> = {}): ResourceItemInput {
  return {
    id: 'r-kongkong-meals',
    allianceId: 'alliance-jianxi',
    unitId: 'unit-kongkong-daodan',
    category: 'elderly-care',
    quantityUnit: 'meals',
    capacity: 40,
    lat: MANGLING_ROAD.lat,
    lng: MANGLING_ROAD.lng,
    serviceRadiusKm: 5,
    availableFrom: NOW,
    availableTo: NOW + 10 * DAY,
    tags: ['党员', '送餐'],
    ...overrides,
  };
}

function demand(overrides: Partial<DemandItemInput> = {}): DemandItemInput {
  return {
    id: 'd-mangling-meals',
    allianceId: 'alliance-jianxi',
    submitterId: 'community-mangling',
    category: 'elderly-care',
    quantityUnit: 'meals',
    quantity: 10,
    lat: MANGLING_ROAD.lat + 0.01,
    lng: MANGLING_ROAD.lng,
    windowFrom: NOW + DAY,
    windowTo: NOW + 3 * DAY,
    urgency: 'routine',
    postedAt: NOW,
    tags: ['送餐'],
    ...overrides,
  };
}

const pairs = (candidates: Candidate[]) => candidates.map((c) => `${c.demandId}/${c.resourceId}`);

describe('generateCandidates', () => {
  it('pairs a resource and a demand that meet every hard constraint, with a readable explanation', () => {
    const [candidate, ...rest] = generateCandidates([resource()], [demand()], policy);
    expect(rest).toEqual([]);
    expect(candidate).toMatchObject({ resourceId: 'r-kongkong-meals', demandId: 'd-mangling-meals' });
    expect(candidate?.distanceKm).toBeCloseTo(1.112, 3);
    expect(candidate?.components.map((c) => c.detail)).toEqual([
      'same category elderly-care',
      'tags 送餐 shared (1 of 2)',
      '1.1 km of 5 km radius',
      'covers 100% of the demand window',
    ]);
    expect(candidate?.weight).toBe(candidate?.score);
  });

  describe('excludes a pair', () => {
    it.each<[string, Partial<ResourceItemInput>, Partial<DemandItemInput>]>([
      ['from another alliance', { allianceId: 'alliance-xigong' }, {}],
      ['of an unrelated category', { category: 'legal' }, {}],
      ['counted in another unit', { quantityUnit: 'people' }, {}],
      ['beyond the service radius', { serviceRadiusKm: 1 }, {}],
      ['whose windows do not overlap', { availableTo: NOW + DAY }, {}],
      [
        'whose windows only touch (half-open)',
        { availableFrom: NOW + 3 * DAY, availableTo: NOW + 9 * DAY },
        {},
      ],
      ['whose resource window is empty', { availableFrom: NOW + 2 * DAY, availableTo: NOW + 2 * DAY }, {}],
      ['whose demand window is inverted', {}, { windowFrom: NOW + 3 * DAY, windowTo: NOW + DAY }],
      ['whose resource has no capacity left', { capacity: 0 }, {}],
      ['whose demand asks for nothing more', {}, { quantity: 0 }],
      ['whose resource sits at an unplaceable location', { lat: Number.NaN }, {}],
    ])('%s', (_case, resourceChange, demandChange) => {
      expect(generateCandidates([resource(resourceChange)], [demand(demandChange)], policy)).toEqual([]);
    });
  });

  it('accepts a related category in either direction, at the related fit', () => {
    const [candidate] = generateCandidates(
      [resource({ category: 'volunteering' })],
      [demand({ category: 'elderly-care' })],
      policy,
    );
    expect(candidate?.components[0]).toMatchObject({
      value: 0.6,
      detail: 'related category volunteering for elderly-care',
    });
    const reverse = generateCandidates(
      [resource({ category: 'elderly-care' })],
      [demand({ category: 'volunteering' })],
      { ...policy, relatedCategories: { 'elderly-care': ['volunteering'] } },
    );
    expect(reverse).toHaveLength(1);
  });

  it('lets alliances share when the policy allows it', () => {
    const shared = { ...policy, allowCrossAlliance: true };
    expect(
      generateCandidates([resource({ allianceId: 'alliance-xigong' })], [demand()], shared),
    ).toHaveLength(1);
  });

  it('includes a demand exactly on the edge of the service radius', () => {
    const edge = greatCircleKm(
      MANGLING_ROAD.lat,
      MANGLING_ROAD.lng,
      MANGLING_ROAD.lat + 0.01,
      MANGLING_ROAD.lng,
    );
    expect(generateCandidates([resource({ serviceRadiusKm: edge })], [demand()], policy)).toHaveLength(1);
  });

  it('sorts by demand id, then resource id, in code-unit order', () => {
    const candidates = generateCandidates(
      [resource({ id: 'r-b' }), resource({ id: 'r-a' }), resource({ id: 'R-c' })],
      [demand({ id: 'd2' }), demand({ id: 'd10' })],
      policy,
    );
    expect(pairs(candidates)).toEqual(['d10/R-c', 'd10/r-a', 'd10/r-b', 'd2/R-c', 'd2/r-a', 'd2/r-b']);
  });

  it('refuses duplicate ids, which would make the result depend on input order', () => {
    expect(() => generateCandidates([resource(), resource()], [demand()], policy)).toThrow(
      'duplicate resource id r-kongkong-meals',
    );
    expect(() => generateCandidates([resource()], [demand(), demand()], policy)).toThrow(
      'duplicate demand id',
    );
  });
});

describe('windowsOverlap', () => {
  it('treats windows as half-open', () => {
    expect(windowsOverlap({ availableFrom: 0, availableTo: 10 }, { windowFrom: 9, windowTo: 20 })).toBe(true);
    expect(windowsOverlap({ availableFrom: 0, availableTo: 10 }, { windowFrom: 10, windowTo: 20 })).toBe(
      false,
    );
    expect(windowsOverlap({ availableFrom: 10, availableTo: 20 }, { windowFrom: 0, windowTo: 10 })).toBe(
      false,
    );
  });
});

describe('explainNoCandidates', () => {
  it('gives, for each demand without candidates, the first constraint that rules out all supply', () => {
    const resources = [
      resource({ id: 'meals', serviceRadiusKm: 5 }),
      resource({ id: 'tutoring', category: 'education', quantityUnit: 'sessions', capacity: 0 }),
      resource({ id: 'bathing', category: 'health', quantityUnit: 'visits', availableTo: NOW + DAY / 2 }),
    ];
    const demands = [
      demand({ id: 'served' }),
      demand({ id: 'fulfilled', quantity: 0 }),
      demand({ id: 'legal-aid', category: 'legal' }),
      demand({ id: 'far-away', lat: 34.9 }),
      demand({ id: 'bathing-next-week', category: 'health', quantityUnit: 'visits' }),
      demand({ id: 'homework', category: 'childcare', quantityUnit: 'sessions' }),
    ];
    expect(explainNoCandidates(resources, demands, policy)).toEqual([
      { demandId: 'bathing-next-week', reason: 'no-window-overlap' },
      { demandId: 'far-away', reason: 'none-in-radius' },
      { demandId: 'fulfilled', reason: 'nothing-requested' },
      { demandId: 'homework', reason: 'no-capacity' },
      { demandId: 'legal-aid', reason: 'no-supply-in-category' },
    ]);
  });
});

// ---- Properties: the index-based generator against an all-pairs scan, and order independence.

/** Every pair, every constraint written out again: the reference the generator must match. */
function allPairs(
  resources: ResourceItemInput[],
  demands: DemandItemInput[],
  p: MatchingPolicy,
): Candidate[] {
  const result: Candidate[] = [];
  for (const d of demands) {
    for (const r of resources) {
      const fit = areCategoriesCompatible(r.category, d.category, p);
      if (!p.allowCrossAlliance && r.allianceId !== d.allianceId) continue;
      if (fit === null || r.quantityUnit !== d.quantityUnit) continue;
      if (!(r.capacity > 0) || !(d.quantity > 0)) continue;
      if (!(r.availableFrom < r.availableTo && d.windowFrom < d.windowTo)) continue;
      if (!(r.availableFrom < d.windowTo && d.windowFrom < r.availableTo)) continue;
      if (Math.abs(r.lat) > 90 || Math.abs(d.lat) > 90) continue;
      const distanceKm = greatCircleKm(r.lat, r.lng, d.lat, d.lng);
      if (!(distanceKm <= r.serviceRadiusKm)) continue;
      result.push({
        resourceId: r.id,
        demandId: d.id,
        distanceKm,
        ...scoreCandidate(r, d, distanceKm, fit, p),
      });
    }
  }
  return result.sort((a, b) =>
    a.demandId !== b.demandId ? (a.demandId < b.demandId ? -1 : 1) : a.resourceId < b.resourceId ? -1 : 1,
  );
}

const centres: [number, number][] = [
  [34.684, 112.437],
  [89.95, 30],
  [0, 179.95],
];
const point = fc
  .tuple(
    fc.constantFrom(...centres),
    fc.double({ min: -0.15, max: 0.15, noNaN: true }),
    fc.double({ min: -0.3, max: 0.3, noNaN: true }),
  )
  .map(([[lat, lng], dLat, dLng]) => ({ lat: Math.min(90, lat + dLat), lng: lng + dLng }));
// Repeats bias the draw towards pairs that match, so most runs have candidates to compare.
const category = fc.constantFrom('elderly-care', 'elderly-care', 'volunteering', 'health', 'goods', 'funds');
const shared = {
  point,
  allianceId: fc.constantFrom('alliance-jianxi', 'alliance-xigong'),
  category,
  quantityUnit: fc.constantFrom('meals', 'meals', 'meals', 'people'),
  from: fc.integer({ min: 0, max: 6 }),
  length: fc.integer({ min: -1, max: 8 }),
  amount: fc.integer({ min: 0, max: 5 }),
  tags: fc.subarray(['党员', '送餐', '助浴', '理发']),
};
const resourceArb = fc.record({
  ...shared,
  serviceRadiusKm: fc.oneof(
    fc.constantFrom(0, 1, 5, 15, 30, 200),
    fc.double({ min: 0, max: 60, noNaN: true }),
  ),
});
const demandArb = fc.record({
  ...shared,
  urgency: fc.constantFrom('routine' as const, 'urgent' as const, 'critical' as const),
  ageDays: fc.integer({ min: -2, max: 30 }),
});
const policyArb = fc
  .record({ allowCrossAlliance: fc.boolean(), withRelations: fc.boolean() })
  .map(({ allowCrossAlliance, withRelations }): MatchingPolicy => ({
    ...policy,
    allowCrossAlliance,
    relatedCategories: withRelations ? policy.relatedCategories : {},
  }));
const instance = fc.record({
  resources: fc.array(resourceArb, { minLength: 1, maxLength: 40, size: 'medium' }).map((specs) =>
    specs.map((s, i) =>
      resource({
        id: `r${i}`,
        allianceId: s.allianceId,
        category: s.category,
        quantityUnit: s.quantityUnit,
        capacity: s.amount,
        lat: s.point.lat,
        lng: s.point.lng,
        serviceRadiusKm: s.serviceRadiusKm,
        availableFrom: NOW + s.from * DAY,
        availableTo: NOW + (s.from + s.length) * DAY,
        tags: s.tags,
      }),
    ),
  ),
  demands: fc.array(demandArb, { minLength: 1, maxLength: 40, size: 'medium' }).map((specs) =>
    specs.map((s, i) =>
      demand({
        id: `d${i}`,
        allianceId: s.allianceId,
        category: s.category,
        quantityUnit: s.quantityUnit,
        quantity: s.amount,
        lat: s.point.lat,
        lng: s.point.lng,
        windowFrom: NOW + s.from * DAY,
        windowTo: NOW + (s.from + s.length) * DAY,
        urgency: s.urgency,
        postedAt: NOW - s.ageDays * DAY,
        tags: s.tags,
      }),
    ),
  ),
  policy: policyArb,
});

describe('generateCandidates, on random instances', () => {
  it('finds exactly the candidates an all-pairs scan finds, with the same scores', () => {
    fc.assert(
      fc.property(instance, ({ resources, demands, policy: p }) => {
        expect(generateCandidates(resources, demands, p)).toEqual(allPairs(resources, demands, p));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the identical output for shuffled input', () => {
    fc.assert(
      fc.property(
        instance.chain((inst) =>
          fc.tuple(
            fc.constant(inst),
            fc.shuffledSubarray(inst.resources, { minLength: inst.resources.length }),
            fc.shuffledSubarray(inst.demands, { minLength: inst.demands.length }),
          ),
        ),
        ([{ resources, demands, policy: p }, shuffledResources, shuffledDemands]) => {
          expect(generateCandidates(shuffledResources, shuffledDemands, p)).toEqual(
            generateCandidates(resources, demands, p),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('explains exactly the demands that get no candidate', () => {
    fc.assert(
      fc.property(instance, ({ resources, demands, policy: p }) => {
        const matched = new Set(generateCandidates(resources, demands, p).map((c) => c.demandId));
        const explained = explainNoCandidates(resources, demands, p).map((e) => e.demandId);
        const unmatched = demands
          .map((d) => d.id)
          .filter((id) => !matched.has(id))
          .sort();
        expect(explained).toEqual(unmatched);
      }),
      { numRuns: 200 },
    );
  });
});
