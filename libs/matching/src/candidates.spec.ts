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

describe('generateCandidates, exactly', () => {
  it('gives the whole candidate: ids, distance, score, priority, weight and every component', () => {
    const [candidate, ...rest] = generateCandidates(
      [resource({ id: 'kongkong-meals', tags: ['党员', '送餐'] })],
      [demand({ id: 'mangling-meals', tags: ['送餐'], urgency: 'urgent', postedAt: NOW - 7 * DAY })],
      policy,
    );
    expect(rest).toEqual([]);
    const distanceKm = greatCircleKm(
      MANGLING_ROAD.lat,
      MANGLING_ROAD.lng,
      MANGLING_ROAD.lat + 0.01,
      MANGLING_ROAD.lng,
    );
    const distanceValue = 1 - distanceKm / 5;
    const score = (0.35 * 1 + 0.15 * 0.5 + 0.3 * distanceValue + 0.2 * 1) / (0.35 + 0.15 + 0.3 + 0.2);
    expect(candidate).toEqual({
      resourceId: 'kongkong-meals',
      demandId: 'mangling-meals',
      distanceKm,
      score: expect.closeTo(score, 12),
      priority: 1.875,
      weight: expect.closeTo(score * 1.875, 12),
      components: [
        {
          name: 'category',
          value: 1,
          weight: 0.35,
          code: 'category.same',
          params: { category: 'elderly-care' },
          detail: 'same category elderly-care',
        },
        {
          name: 'tags',
          value: 0.5,
          weight: 0.15,
          code: 'tags.shared',
          params: { sharedTags: '送餐', sharedCount: 1, tagCount: 2 },
          detail: 'tags 送餐 shared (1 of 2)',
        },
        {
          name: 'distance',
          value: distanceValue,
          weight: 0.3,
          code: 'distance.within-radius',
          params: { distanceKm: 1.1, radiusKm: 5 },
          detail: '1.1 km of 5 km radius',
        },
        {
          name: 'window',
          value: 1,
          weight: 0.2,
          code: 'window.coverage',
          params: { percent: 100 },
          detail: 'covers 100% of the demand window',
        },
      ],
    });
  });

  it('scores several resources for one demand each by its own distance and tags', () => {
    const candidates = generateCandidates(
      [
        resource({ id: 'r-far', lat: MANGLING_ROAD.lat - 0.02, tags: [] }),
        resource({ id: 'r-near', lat: MANGLING_ROAD.lat + 0.01, tags: ['送餐'] }),
        resource({ id: 'r-mid', lat: MANGLING_ROAD.lat, tags: ['党员', '送餐'] }),
      ],
      [demand()],
      policy,
    );
    expect(
      candidates.map((c) => [c.resourceId, Math.round(c.distanceKm * 100) / 100, c.components[1]?.value]),
    ).toEqual([
      ['r-far', 3.34, 0],
      ['r-mid', 1.11, 0.5],
      ['r-near', 0, 1],
    ]);
  });

  it('pairs windows that overlap by a single millisecond', () => {
    expect(
      generateCandidates(
        [resource({ availableFrom: NOW + 3 * DAY - 1, availableTo: NOW + 9 * DAY })],
        [demand()],
        policy,
      ),
    ).toHaveLength(1);
    expect(
      generateCandidates([resource({ availableFrom: NOW, availableTo: NOW + DAY + 1 })], [demand()], policy),
    ).toHaveLength(1);
    expect(
      generateCandidates([resource({ availableFrom: NOW, availableTo: NOW + DAY })], [demand()], policy),
    ).toEqual([]);
  });

  it('excludes a demand a hair beyond the service radius', () => {
    const edge = greatCircleKm(
      MANGLING_ROAD.lat,
      MANGLING_ROAD.lng,
      MANGLING_ROAD.lat + 0.01,
      MANGLING_ROAD.lng,
    );
    const [atEdge] = generateCandidates([resource({ serviceRadiusKm: edge })], [demand()], policy);
    expect(atEdge?.components[2]).toEqual({
      name: 'distance',
      value: 0,
      weight: 0.3,
      code: 'distance.within-radius',
      params: { distanceKm: 1.1, radiusKm: 1.1 },
      detail: '1.1 km of 1.1 km radius',
    });
    expect(
      generateCandidates([resource({ serviceRadiusKm: edge * (1 - 1e-9) })], [demand()], policy),
    ).toEqual([]);
  });

  it('pairs a resource with capacity 1 and a demand for 1', () => {
    expect(generateCandidates([resource({ capacity: 1 })], [demand({ quantity: 1 })], policy)).toHaveLength(
      1,
    );
  });

  it('serves each demand of a category from the same compatible categories, however many there are', () => {
    const candidates = generateCandidates(
      [
        resource({ id: 'r-care', category: 'elderly-care' }),
        resource({ id: 'r-health', category: 'health' }),
        resource({ id: 'r-volunteers', category: 'volunteering' }),
        resource({ id: 'r-goods', category: 'goods' }),
      ],
      [demand({ id: 'd1' }), demand({ id: 'd2' }), demand({ id: 'd3', category: 'health' })],
      policy,
    );
    expect(pairs(candidates)).toEqual([
      'd1/r-care',
      'd1/r-health',
      'd1/r-volunteers',
      'd2/r-care',
      'd2/r-health',
      'd2/r-volunteers',
      'd3/r-care',
      'd3/r-health',
    ]);
  });

  it('refuses duplicate ids with a message naming the kind and the id', () => {
    expect(() =>
      generateCandidates([resource({ id: '空空-1' }), resource({ id: '空空-1' })], [demand()], policy),
    ).toThrow(new Error('duplicate resource id 空空-1: ids must be unique for a deterministic result'));
    expect(() =>
      generateCandidates(
        [resource()],
        [demand({ id: 'd' }), demand({ id: 'e' }), demand({ id: 'd' })],
        policy,
      ),
    ).toThrow(new Error('duplicate demand id d: ids must be unique for a deterministic result'));
  });
});

describe('windowsOverlap, at every boundary', () => {
  it.each<[string, number, number, number, number, boolean]>([
    ['overlapping', 0, 10, 5, 15, true],
    ['nested', 0, 10, 2, 3, true],
    ['identical', 0, 10, 0, 10, true],
    ['one unit of overlap at the end of the resource window', 0, 10, 9, 20, true],
    ['one unit of overlap at the start of the resource window', 10, 20, 0, 11, true],
    ['touching at the end of the resource window', 0, 10, 10, 20, false],
    ['touching at the start of the resource window', 10, 20, 0, 10, false],
    ['apart', 0, 5, 6, 9, false],
    ['an empty resource window inside the demand window', 5, 5, 0, 10, false],
    ['an inverted resource window whose ends lie inside the demand window', 6, 4, 0, 10, false],
    ['an empty demand window inside the resource window', 0, 10, 5, 5, false],
    ['an inverted demand window whose ends lie inside the resource window', 0, 10, 6, 4, false],
  ])('%s', (_case, availableFrom, availableTo, windowFrom, windowTo, expected) => {
    expect(windowsOverlap({ availableFrom, availableTo }, { windowFrom, windowTo })).toBe(expected);
  });
});

describe('explainNoCandidates, exactly', () => {
  it('refuses duplicate ids like generateCandidates', () => {
    expect(() => explainNoCandidates([resource(), resource()], [demand()], policy)).toThrow(
      new Error('duplicate resource id r-kongkong-meals: ids must be unique for a deterministic result'),
    );
    expect(() => explainNoCandidates([resource()], [demand(), demand()], policy)).toThrow(
      new Error('duplicate demand id d-mangling-meals: ids must be unique for a deterministic result'),
    );
  });

  it('leaves out demands that have a candidate, and says nothing when all do', () => {
    expect(explainNoCandidates([resource()], [demand({ id: 'a' }), demand({ id: 'b' })], policy)).toEqual([]);
  });

  it('blames capacity only when some resource fits in place and time, even next to one that fits but has none', () => {
    const fits = [resource({ id: 'empty', capacity: 0 }), resource({ id: 'full', capacity: 1 })];
    expect(explainNoCandidates(fits, [demand()], policy)).toEqual([]);
    expect(explainNoCandidates([resource({ capacity: 0 })], [demand()], policy)).toEqual([
      { demandId: 'd-mangling-meals', reason: 'no-capacity' },
    ]);
  });

  it('looks at supply of related categories, in the same unit, open to the alliance', () => {
    const xigong = resource({ allianceId: 'alliance-xigong' });
    expect(explainNoCandidates([xigong], [demand()], policy)).toEqual([
      { demandId: 'd-mangling-meals', reason: 'no-supply-in-category' },
    ]);
    expect(explainNoCandidates([xigong], [demand()], { ...policy, allowCrossAlliance: true })).toEqual([]);
    expect(explainNoCandidates([resource({ quantityUnit: 'people' })], [demand()], policy)).toEqual([
      { demandId: 'd-mangling-meals', reason: 'no-supply-in-category' },
    ]);
    expect(
      explainNoCandidates([resource({ category: 'health', serviceRadiusKm: 0.5 })], [demand()], policy),
    ).toEqual([{ demandId: 'd-mangling-meals', reason: 'none-in-radius' }]);
  });

  it('blames the window for a demand whose window is empty or inverted', () => {
    expect(
      explainNoCandidates(
        [resource()],
        [
          demand({ id: 'inverted', windowFrom: NOW + 3 * DAY, windowTo: NOW + DAY }),
          demand({ id: 'empty', windowFrom: NOW + DAY, windowTo: NOW + DAY }),
        ],
        policy,
      ),
    ).toEqual([
      { demandId: 'empty', reason: 'no-window-overlap' },
      { demandId: 'inverted', reason: 'no-window-overlap' },
    ]);
  });

  it('says nothing was requested for a demand of quantity 0 even with no supply at all', () => {
    expect(
      explainNoCandidates([], [demand({ quantity: 0 }), demand({ id: 'zz', quantity: -1 })], policy),
    ).toEqual([
      { demandId: 'd-mangling-meals', reason: 'nothing-requested' },
      { demandId: 'zz', reason: 'nothing-requested' },
    ]);
  });
});
