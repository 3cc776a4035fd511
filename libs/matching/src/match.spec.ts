import fc from 'fast-check';
import { generateCandidates } from './candidates';
import { match, MatchInputError, type PinnedAllocation } from './match';
import type { Candidate, DemandItemInput, MatchingPolicy, ResourceItemInput } from './model';
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

describe('match, explanations and bookkeeping', () => {
  const policy = defaultMatchingPolicy(NOW);
  // Candidate generation is checked against an all-pairs scan in candidates.spec.ts; here it
  // is the reference for which explanation belongs to which pair.
  const candidateFor = (
    resources: ResourceItemInput[],
    demands: DemandItemInput[],
    resourceId: string,
    demandId: string,
  ): Candidate => {
    const found = generateCandidates(resources, demands, policy).find(
      (c) => c.resourceId === resourceId && c.demandId === demandId,
    );
    if (!found) throw new Error(`no candidate ${resourceId} -> ${demandId}`);
    return found;
  };
  const explained = (candidate: Candidate, quantity: number, pinned = false) => ({
    resourceId: candidate.resourceId,
    quantity,
    pinned,
    score: candidate.score,
    priority: candidate.priority,
    weight: candidate.weight,
    distanceKm: candidate.distanceKm,
    components: candidate.components,
  });

  it("gives each allocation its own pair's score, distance and explanation, not another resource's", () => {
    // Three kitchens at different distances from 邙岭路社区, so each pair scores differently;
    // the demand needs all three.
    const resources = [
      resource({ id: 'kongkong-canteen', capacity: 4, lat: NEAR.lat + 0.01 }),
      resource({ id: 'haust-volunteers', capacity: 3, lat: NEAR.lat + 0.025, tags: ['送餐'] }),
      resource({ id: 'lit-canteen', capacity: 2, lat: NEAR.lat - 0.01 }),
    ];
    const demands = [demand({ id: 'mangling-meals', quantity: 20, tags: ['送餐'] })];
    const result = match(resources, demands, policy);
    const [haust, kongkong, lit] = ['haust-volunteers', 'kongkong-canteen', 'lit-canteen'].map((id) =>
      candidateFor(resources, demands, id, 'mangling-meals'),
    ) as [Candidate, Candidate, Candidate];
    expect(new Set([haust.score, kongkong.score, lit.score]).size).toBe(3);
    expect(new Set([haust.distanceKm, kongkong.distanceKm, lit.distanceKm]).size).toBe(3);
    expect(result.proposals).toEqual([
      {
        demandId: 'mangling-meals',
        requested: 20,
        allocations: [explained(haust, 3), explained(kongkong, 4), explained(lit, 2)],
        unmet: 11,
      },
    ]);
    expect(result.objective).toBeCloseTo(3 * haust.weight + 4 * kongkong.weight + 2 * lit.weight, 12);
    expect(result.unmatched).toEqual([]);
    expect(result.stats.candidates).toBe(3);
  });

  it('looks a pinned pair up within its own demand, even when the resource is a candidate of the next one', () => {
    // 'a-clinic' cannot serve 'a-homework' (health is not related to childcare) but is the
    // first candidate of 'b-checkups', right after it in id order.
    const resources = [
      resource({ id: 'a-clinic', category: 'health', capacity: 5 }),
      resource({ id: 'c-kindergarten', category: 'childcare', capacity: 5 }),
    ];
    const demands = [
      demand({ id: 'a-homework', category: 'childcare', quantity: 4 }),
      demand({ id: 'b-checkups', category: 'health', quantity: 3 }),
    ];
    const result = match(resources, demands, policy, [
      { resourceId: 'a-clinic', demandId: 'a-homework', quantity: 1 },
    ]);
    expect(result.proposals[0]).toEqual({
      demandId: 'a-homework',
      requested: 4,
      allocations: [
        // No longer a candidate pair: kept, but without a score to show.
        { resourceId: 'a-clinic', quantity: 1, pinned: true },
        explained(candidateFor(resources, demands, 'c-kindergarten', 'a-homework'), 3),
      ],
      unmet: 0,
    });
  });

  it('keeps a pin to a demand that no resource can serve any more, without an explanation', () => {
    const result = match(
      [resource({ id: 'kongkong-canteen', capacity: 5 })],
      [demand({ id: 'legal-aid', category: 'legal', quantity: 2 })],
      policy,
      [{ resourceId: 'kongkong-canteen', demandId: 'legal-aid', quantity: 1 }],
    );
    expect(result.proposals).toEqual([
      {
        demandId: 'legal-aid',
        requested: 2,
        allocations: [{ resourceId: 'kongkong-canteen', quantity: 1, pinned: true }],
        unmet: 1,
      },
    ]);
    expect(result.unmatched).toEqual([{ demandId: 'legal-aid', reason: 'no-supply-in-category' }]);
  });

  it('explains a pinned pair that is still a candidate, lists it before new quantities of the same resource', () => {
    const resources = [resource({ id: 'kongkong-canteen', capacity: 10 })];
    const demands = [demand({ id: 'community-014', quantity: 7 })];
    const result = match(resources, demands, policy, [
      { resourceId: 'kongkong-canteen', demandId: 'community-014', quantity: 3 },
    ]);
    // The pair's explanation is the same with the pinned quantities taken out.
    const candidate = candidateFor(resources, demands, 'kongkong-canteen', 'community-014');
    expect(result.proposals).toEqual([
      {
        demandId: 'community-014',
        requested: 7,
        allocations: [explained(candidate, 3, true), explained(candidate, 4)],
        unmet: 0,
      },
    ]);
    // Only the new quantity counts in the objective.
    expect(result.objective).toBeCloseTo(4 * candidate.weight, 12);
  });

  it('lists proposals by demand id and allocations by resource id, whatever the input order', () => {
    const resources = [
      resource({ id: 'r-b', capacity: 1 }),
      resource({ id: 'r-c', capacity: 1 }),
      resource({ id: 'r-a', capacity: 1 }),
      resource({ id: 'r-tutor', category: 'education', quantityUnit: 'sessions', capacity: 1 }),
    ];
    const demands = [
      demand({ id: 'd-meals', quantity: 3 }),
      demand({ id: 'd-homework', category: 'education', quantityUnit: 'sessions', quantity: 1 }),
    ];
    // The pinned r-c comes first in the bookkeeping but last in resource-id order.
    const result = match(resources, demands, policy, [
      { resourceId: 'r-c', demandId: 'd-meals', quantity: 1 },
    ]);
    expect(
      result.proposals.map((p) => [p.demandId, p.allocations.map((a) => [a.resourceId, a.pinned])]),
    ).toEqual([
      ['d-homework', [['r-tutor', false]]],
      [
        'd-meals',
        [
          ['r-a', false],
          ['r-b', false],
          ['r-c', true],
        ],
      ],
    ]);
  });

  it('reports the candidate count, the solver pivots and the time spent on candidates', () => {
    let clock = 1000;
    // A fake clock that advances 7 ms per reading: timings become exact without waiting.
    const now = jest.spyOn(performance, 'now').mockImplementation(() => (clock += 7));
    try {
      const result = match(
        [resource({ id: 'r1', capacity: 2 }), resource({ id: 'r2', capacity: 2 })],
        [demand({ id: 'd1', quantity: 3 }), demand({ id: 'd2', quantity: 3, lat: NEAR.lat })],
        policy,
      );
      expect(result.stats).toEqual({ candidates: 4, candidateMs: 7, solveMs: 7, pivots: expect.any(Number) });
      expect(result.stats.pivots).toBeGreaterThan(0);
    } finally {
      now.mockRestore();
    }
  });

  it('diagnoses the demands left without candidates once pinned quantities are taken out', () => {
    const resources = [resource({ id: 'kongkong-canteen', capacity: 6 })];
    const demands = [demand({ id: 'first', quantity: 6 }), demand({ id: 'second', quantity: 4 })];
    const result = match(resources, demands, policy, [
      { resourceId: 'kongkong-canteen', demandId: 'first', quantity: 6 },
    ]);
    expect(result.unmatched).toEqual([
      { demandId: 'first', reason: 'nothing-requested' },
      { demandId: 'second', reason: 'no-capacity' },
    ]);
    expect(result.proposals.map((p) => p.demandId)).toEqual(['first']);
    expect(result.objective).toBe(0);
    expect(result.stats.candidates).toBe(0);
  });

  it('accepts pins that use up exactly a capacity and a quantity, and still explains them', () => {
    const resources = [resource({ id: 'canteen', capacity: 5 })];
    const demands = [demand({ id: 'first', quantity: 5 })];
    const result = match(resources, demands, policy, [
      { resourceId: 'canteen', demandId: 'first', quantity: 2 },
      { resourceId: 'canteen', demandId: 'first', quantity: 3 },
    ]);
    const candidate = candidateFor(resources, demands, 'canteen', 'first');
    expect(result.proposals).toEqual([
      {
        demandId: 'first',
        requested: 5,
        allocations: [explained(candidate, 2, true), explained(candidate, 3, true)],
        unmet: 0,
      },
    ]);
    expect(result.stats.candidates).toBe(0);
  });
});

describe('match refuses', () => {
  const policy = defaultMatchingPolicy(NOW);
  const resources = [resource({ id: 'canteen', capacity: 5 })];
  const demands = [demand({ id: 'first', quantity: 6 })];
  const refusal = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected match to throw');
  };

  it('an invalid policy, naming every problem', () => {
    const invalid: MatchingPolicy = {
      ...policy,
      relatedCategoryFit: 0,
      ageing: { maxBoost: -1, fullBoostDays: 14 },
    };
    const error = refusal(() => match(resources, demands, invalid));
    expect(error).toBeInstanceOf(MatchInputError);
    expect(error).toMatchObject({
      name: 'MatchInputError',
      message:
        'invalid policy: relatedCategoryFit must be in (0, 1] (got 0); ageing.maxBoost must be a finite number >= 0 (got -1)',
    });
  });

  it.each<[string, number]>([
    ['zero', 0],
    ['negative', -2],
    ['fractional', 1.5],
    ['NaN', Number.NaN],
    ['unsafe', 2 ** 53],
  ])('a pin with a %s quantity', (_case, quantity) => {
    const error = refusal(() =>
      match(resources, demands, policy, [{ resourceId: 'canteen', demandId: 'first', quantity }]),
    );
    expect(error).toBeInstanceOf(MatchInputError);
    expect(error).toHaveProperty(
      'message',
      'pinned allocation canteen -> first must have a positive whole quantity',
    );
  });

  it.each<[string, PinnedAllocation[], string]>([
    [
      'an unknown resource',
      [{ resourceId: 'nope', demandId: 'first', quantity: 1 }],
      'a pinned allocation refers to unknown resource nope',
    ],
    [
      'an unknown demand',
      [{ resourceId: 'canteen', demandId: 'nope', quantity: 1 }],
      'a pinned allocation refers to unknown demand nope',
    ],
    [
      'pins beyond a capacity, in total',
      [
        { resourceId: 'canteen', demandId: 'first', quantity: 3 },
        { resourceId: 'canteen', demandId: 'first', quantity: 3 },
      ],
      'pinned allocations of canteen (6) exceed its capacity (5)',
    ],
  ])('%s', (_case, pins, message) => {
    const error = refusal(() => match(resources, demands, policy, pins));
    expect(error).toBeInstanceOf(MatchInputError);
    expect(error).toHaveProperty('message', message);
  });

  it('pins beyond a demand quantity', () => {
    const error = refusal(() =>
      match([resource({ id: 'canteen', capacity: 10 })], demands, policy, [
        { resourceId: 'canteen', demandId: 'first', quantity: 7 },
      ]),
    );
    expect(error).toHaveProperty('message', 'pinned allocations of first (7) exceed its quantity (6)');
  });
});

// ---- Properties: small random rounds against a brute-force optimum and the candidate list.

/** The best Σ quantity × weight over every integer allocation of the candidate pairs. */
function bruteForceObjective(
  candidates: Candidate[],
  capacity: Map<string, number>,
  quantity: Map<string, number>,
): number {
  let best = 0;
  const search = (index: number, total: number): void => {
    if (index === candidates.length) {
      best = Math.max(best, total);
      return;
    }
    const { resourceId, demandId, weight } = candidates[index]!;
    const most = Math.min(capacity.get(resourceId)!, quantity.get(demandId)!);
    for (let amount = 0; amount <= most; amount++) {
      capacity.set(resourceId, capacity.get(resourceId)! - amount);
      quantity.set(demandId, quantity.get(demandId)! - amount);
      search(index + 1, total + amount * weight);
      capacity.set(resourceId, capacity.get(resourceId)! + amount);
      quantity.set(demandId, quantity.get(demandId)! + amount);
    }
  };
  search(0, 0);
  return best;
}

describe('match, on small random rounds', () => {
  const policy = defaultMatchingPolicy(NOW);
  // Few resources and demands near one another with small amounts, so most pairs are
  // candidates, several resources compete for each demand, and scores often tie exactly.
  const round = fc
    .record({
      resources: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 3 }),
          dLat: fc.constantFrom(0, 0, 0.01, 0.02),
          tags: fc.subarray(['送餐', '党员']),
          category: fc.constantFrom('elderly-care', 'elderly-care', 'health'),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      demands: fc.array(
        fc.record({
          quantity: fc.integer({ min: 0, max: 3 }),
          urgency: fc.constantFrom('routine' as const, 'critical' as const),
          tags: fc.subarray(['送餐', '党员']),
          category: fc.constantFrom('elderly-care', 'volunteering', 'legal'),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      pinChoices: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 2 })), { maxLength: 2 }),
    })
    .map(({ resources, demands, pinChoices }) => {
      const rs = resources.map((r, i) =>
        resource({
          id: `r${i}`,
          capacity: r.capacity,
          lat: NEAR.lat + r.dLat,
          tags: r.tags,
          category: r.category,
        }),
      );
      const ds = demands.map((d, i) =>
        demand({ id: `d${i}`, quantity: d.quantity, urgency: d.urgency, tags: d.tags, category: d.category }),
      );
      // Pins only where there is room left for them, whether or not the pair is a candidate.
      const pins: PinnedAllocation[] = [];
      const used = new Map<string, number>();
      for (const [ri, di, amount] of pinChoices) {
        const r = rs[ri % rs.length]!;
        const d = ds[di % ds.length]!;
        if ((used.get(r.id) ?? 0) + amount > r.capacity || (used.get(d.id) ?? 0) + amount > d.quantity)
          continue;
        used.set(r.id, (used.get(r.id) ?? 0) + amount);
        used.set(d.id, (used.get(d.id) ?? 0) + amount);
        pins.push({ resourceId: r.id, demandId: d.id, quantity: amount });
      }
      return { resources: rs, demands: ds, pins, used };
    });

  it('allocates optimally, explains each allocation by its own pair and keeps the books straight', () => {
    fc.assert(
      fc.property(round, ({ resources, demands, pins, used }) => {
        const result = match(resources, demands, policy, pins);
        // Scores do not depend on quantities, so the original items give the same candidates.
        const candidates = generateCandidates(resources, demands, policy);
        const byPair = new Map(candidates.map((c) => [`${c.resourceId}/${c.demandId}`, c]));
        const capacity = new Map(resources.map((r) => [r.id, r.capacity - (used.get(r.id) ?? 0)]));
        const quantity = new Map(demands.map((d) => [d.id, d.quantity - (used.get(d.id) ?? 0)]));
        const open = candidates.filter(
          (c) => capacity.get(c.resourceId)! > 0 && quantity.get(c.demandId)! > 0,
        );
        expect(result.objective).toBeCloseTo(bruteForceObjective(open, capacity, quantity), 9);
        expect(result.stats.candidates).toBe(open.length);

        let objective = 0;
        const given = new Map<string, number>();
        for (const proposal of result.proposals) {
          const d = demands.find((x) => x.id === proposal.demandId)!;
          let allocated = 0;
          for (const allocation of proposal.allocations) {
            const candidate = byPair.get(`${allocation.resourceId}/${proposal.demandId}`);
            const { resourceId, quantity: amount, pinned, ...explanation } = allocation;
            expect(explanation).toEqual(
              candidate
                ? {
                    score: candidate.score,
                    priority: candidate.priority,
                    weight: candidate.weight,
                    distanceKm: candidate.distanceKm,
                    components: candidate.components,
                  }
                : {},
            );
            if (!pinned) objective += amount * candidate!.weight;
            allocated += amount;
            given.set(resourceId, (given.get(resourceId) ?? 0) + amount);
          }
          expect(proposal.requested).toBe(d.quantity);
          expect(proposal.unmet).toBe(d.quantity - allocated);
        }
        for (const r of resources) expect(given.get(r.id) ?? 0).toBeLessThanOrEqual(r.capacity);
        expect(result.objective).toBeCloseTo(objective, 9);
        const proposed = result.proposals.map((p) => p.demandId);
        expect(proposed).toEqual([...proposed].sort());
        expect(pins.every((pin) => proposed.includes(pin.demandId))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
