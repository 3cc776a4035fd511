import fc from 'fast-check';
import type { DemandItemInput, MatchingPolicy, ResourceItemInput, ScoreComponentName } from './model';
import { defaultMatchingPolicy } from './policy';
import {
  NEUTRAL_TAG_VALUE,
  SCORE_EXPLANATION_CODES,
  categoryComponent,
  demandPriority,
  distanceComponent,
  scoreCandidate,
  tagsComponent,
  windowComponent,
} from './scoring';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 5, 1);
const policy = defaultMatchingPolicy(NOW);

function resource(overrides: Partial<ResourceItemInput> = {}): ResourceItemInput {
  return {
    id: 'r-kongkong-meals',
    allianceId: 'alliance-jianxi',
    unitId: 'unit-kongkong-daodan',
    category: 'elderly-care',
    quantityUnit: 'meals',
    capacity: 40,
    lat: 34.684,
    lng: 112.437,
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
    lat: 34.684,
    lng: 112.437,
    windowFrom: NOW,
    windowTo: NOW + 10 * DAY,
    urgency: 'routine',
    postedAt: NOW,
    tags: ['党员', '送餐'],
    ...overrides,
  };
}

describe('category component', () => {
  it('is 1 for the same category, with the policy weight', () => {
    expect(categoryComponent('elderly-care', 'elderly-care', 'exact', policy)).toEqual({
      name: 'category',
      value: 1,
      weight: 0.35,
      code: 'category.same',
      params: { category: 'elderly-care' },
      detail: 'same category elderly-care',
    });
  });

  it("is the policy's related-category fit for a related category", () => {
    const component = categoryComponent('volunteering', 'elderly-care', 'related', policy);
    expect(component.value).toBe(0.6);
    expect(component.detail).toBe('related category volunteering for elderly-care');
  });
});

describe('tags component', () => {
  it('is the Jaccard overlap and names the shared tags', () => {
    const component = tagsComponent(['党员', '送餐', '助浴'], ['送餐', '党员'], 0.15);
    expect(component.value).toBeCloseTo(2 / 3, 12);
    expect(component).toMatchObject({
      code: 'tags.shared',
      params: { sharedTags: '党员, 送餐', sharedCount: 2, tagCount: 3 },
      detail: 'tags 党员, 送餐 shared (2 of 3)',
    });
  });

  it('is 1 for identical tag sets, ignoring repeats and order', () => {
    expect(tagsComponent(['送餐', '党员', '送餐'], ['党员', '送餐'], 0.15).value).toBe(1);
  });

  it('is 0 when the demand names tags the resource lacks', () => {
    expect(tagsComponent(['助浴'], ['送餐'], 0.15)).toMatchObject({
      value: 0,
      code: 'tags.none-shared',
      params: { tagCount: 2 },
      detail: 'no tags shared (0 of 2)',
    });
    expect(tagsComponent([], ['送餐'], 0.15).value).toBe(0);
  });

  it('is neutral when the demand names no tags, whatever the resource offers', () => {
    expect(tagsComponent([], [], 0.15)).toMatchObject({
      value: NEUTRAL_TAG_VALUE,
      code: 'tags.none-asked',
      params: {},
      detail: 'demand names no tags (neutral)',
    });
    expect(tagsComponent(['党员'], [], 0.15).value).toBe(NEUTRAL_TAG_VALUE);
  });
});

describe('distance component', () => {
  it('falls linearly from 1 at the door to 0 at the radius', () => {
    expect(distanceComponent(0, 5, 0.3).value).toBe(1);
    expect(distanceComponent(2.4, 5, 0.3)).toEqual({
      name: 'distance',
      value: expect.closeTo(0.52, 12),
      weight: 0.3,
      code: 'distance.within-radius',
      params: { distanceKm: 2.4, radiusKm: 5 },
      detail: '2.4 km of 5 km radius',
    });
    expect(distanceComponent(5, 5, 0.3).value).toBe(0);
  });

  it('is clamped to [0, 1]', () => {
    expect(distanceComponent(7, 5, 0.3).value).toBe(0);
    expect(distanceComponent(-1, 5, 0.3).value).toBe(1);
  });

  it('is 1 for a zero radius at zero distance, 0 beyond it', () => {
    expect(distanceComponent(0, 0, 0.3).value).toBe(1);
    expect(distanceComponent(0.01, 0, 0.3).value).toBe(0);
  });

  it('rounds the explanation to 0.1 km and copes with an unlimited radius', () => {
    expect(distanceComponent(12.345, 20, 0.3)).toMatchObject({
      params: { distanceKm: 12.3, radiusKm: 20 },
      detail: '12.3 km of 20 km radius',
    });
    expect(distanceComponent(3.06, 12.96, 0.3).params).toEqual({ distanceKm: 3.1, radiusKm: 13 });
    expect(distanceComponent(3, Infinity, 0.3)).toEqual({
      name: 'distance',
      value: 1,
      weight: 0.3,
      code: 'distance.unlimited-radius',
      params: { distanceKm: 3 },
      detail: '3 km of an unlimited radius',
    });
  });
});

describe('window component', () => {
  const demandWindow = { windowFrom: 0, windowTo: 10 * DAY };

  it('is 1 when the resource window covers the demand window', () => {
    expect(windowComponent({ availableFrom: -DAY, availableTo: 11 * DAY }, demandWindow, 0.2)).toEqual({
      name: 'window',
      value: 1,
      weight: 0.2,
      code: 'window.coverage',
      params: { percent: 100 },
      detail: 'covers 100% of the demand window',
    });
  });

  it('is the share of the demand window the resource covers', () => {
    const component = windowComponent({ availableFrom: 2 * DAY, availableTo: 30 * DAY }, demandWindow, 0.2);
    expect(component.value).toBeCloseTo(0.8, 12);
    expect(component).toMatchObject({ params: { percent: 80 }, detail: 'covers 80% of the demand window' });
  });

  it('never says 100% of a window that is not fully covered', () => {
    const component = windowComponent({ availableFrom: 1, availableTo: 30 * DAY }, demandWindow, 0.2);
    expect(component.value).toBeLessThan(1);
    expect(component).toMatchObject({ params: { percent: 99 }, detail: 'covers 99% of the demand window' });
  });

  it('is 0 for windows that only touch (half-open)', () => {
    expect(windowComponent({ availableFrom: 10 * DAY, availableTo: 20 * DAY }, demandWindow, 0.2).value).toBe(
      0,
    );
  });

  it('counts a zero-length demand window as covered when its instant is available', () => {
    const instant = { windowFrom: DAY, windowTo: DAY };
    expect(windowComponent({ availableFrom: 0, availableTo: 2 * DAY }, instant, 0.2).value).toBe(1);
    expect(windowComponent({ availableFrom: 0, availableTo: DAY }, instant, 0.2).value).toBe(0);
  });
});

describe('demandPriority', () => {
  it('is the urgency factor for a demand posted now', () => {
    expect(demandPriority(demand({ urgency: 'routine' }), policy)).toBe(1);
    expect(demandPriority(demand({ urgency: 'urgent' }), policy)).toBe(1.5);
    expect(demandPriority(demand({ urgency: 'critical' }), policy)).toBe(2);
  });

  it('grows linearly with age up to 1 + maxBoost after fullBoostDays', () => {
    expect(demandPriority(demand({ postedAt: NOW - 7 * DAY }), policy)).toBeCloseTo(1.25, 12);
    expect(demandPriority(demand({ postedAt: NOW - 14 * DAY }), policy)).toBeCloseTo(1.5, 12);
    expect(demandPriority(demand({ postedAt: NOW - 100 * DAY }), policy)).toBeCloseTo(1.5, 12);
    expect(demandPriority(demand({ urgency: 'critical', postedAt: NOW - 7 * DAY }), policy)).toBeCloseTo(
      2.5,
      12,
    );
  });

  it('treats a demand posted after now as new', () => {
    expect(demandPriority(demand({ postedAt: NOW + DAY }), policy)).toBe(1);
  });

  it('does not age demands when the boost is 0', () => {
    const flat: MatchingPolicy = { ...policy, ageing: { maxBoost: 0, fullBoostDays: 14 } };
    expect(demandPriority(demand({ postedAt: NOW - 30 * DAY }), flat)).toBe(1);
  });
});

describe('scoreCandidate', () => {
  const valueOf = (components: { name: ScoreComponentName; value: number }[], name: ScoreComponentName) =>
    components.find((c) => c.name === name)?.value;

  it('scores a perfect pair 1 and lists the components in a fixed order', () => {
    const scored = scoreCandidate(resource(), demand(), 0, 'exact', policy);
    expect(scored.score).toBe(1);
    expect(scored.priority).toBe(1);
    expect(scored.weight).toBe(1);
    expect(scored.components.map((c) => c.name)).toEqual(['category', 'tags', 'distance', 'window']);
  });

  it('is the weighted mean of the component values', () => {
    const scored = scoreCandidate(
      resource({ tags: ['党员'], availableFrom: NOW + 5 * DAY }),
      demand(),
      2.5,
      'related',
      policy,
    );
    expect(valueOf(scored.components, 'category')).toBe(0.6);
    expect(valueOf(scored.components, 'tags')).toBe(0.5);
    expect(valueOf(scored.components, 'distance')).toBe(0.5);
    expect(valueOf(scored.components, 'window')).toBe(0.5);
    expect(scored.score).toBeCloseTo(0.35 * 0.6 + 0.15 * 0.5 + 0.3 * 0.5 + 0.2 * 0.5, 12);
  });

  it('divides by the total weight, so weights need not sum to 1', () => {
    const doubled: MatchingPolicy = {
      ...policy,
      weights: { category: 0.7, tags: 0.3, distance: 0.6, window: 0.4 },
    };
    const a = scoreCandidate(resource({ tags: [] }), demand(), 1, 'exact', policy);
    const b = scoreCandidate(resource({ tags: [] }), demand(), 1, 'exact', doubled);
    expect(b.score).toBeCloseTo(a.score, 12);
  });

  it('ignores components weighted 0', () => {
    const distanceOnly: MatchingPolicy = {
      ...policy,
      weights: { category: 0, tags: 0, distance: 1, window: 0 },
    };
    expect(scoreCandidate(resource({ tags: [] }), demand(), 4, 'related', distanceOnly).score).toBeCloseTo(
      0.2,
      12,
    );
  });

  it('scores 0 rather than NaN when every weight is 0', () => {
    const none: MatchingPolicy = { ...policy, weights: { category: 0, tags: 0, distance: 0, window: 0 } };
    expect(scoreCandidate(resource(), demand(), 0, 'exact', none).score).toBe(0);
  });

  it('multiplies the score by the priority into the weight', () => {
    const scored = scoreCandidate(
      resource(),
      demand({ urgency: 'urgent', postedAt: NOW - 7 * DAY }),
      2.5,
      'exact',
      policy,
    );
    expect(scored.priority).toBeCloseTo(1.5 * 1.25, 12);
    expect(scored.weight).toBeCloseTo(scored.score * scored.priority, 12);
  });
});

describe('score components, exactly', () => {
  it('gives a related category its fit, the policy weight and both categories in the detail', () => {
    expect(categoryComponent('volunteering', 'elderly-care', 'related', policy)).toEqual({
      name: 'category',
      value: 0.6,
      weight: 0.35,
      code: 'category.related',
      params: { resourceCategory: 'volunteering', demandCategory: 'elderly-care' },
      detail: 'related category volunteering for elderly-care',
    });
  });

  it('keeps a related fit outside [0, 1] inside it', () => {
    const fit = (relatedCategoryFit: number) =>
      categoryComponent('health', 'elderly-care', 'related', { ...policy, relatedCategoryFit }).value;
    expect(fit(1.5)).toBe(1);
    expect(fit(1)).toBe(1);
    expect(fit(-0.2)).toBe(0);
    expect(fit(Number.NaN)).toBe(0);
  });

  it('counts each tag once and lists the shared ones in code-unit order', () => {
    expect(tagsComponent(['b', 'B', 'a', 'c'], ['b', 'a', 'B', 'b', 'z'], 0.15)).toEqual({
      name: 'tags',
      value: 3 / 5,
      weight: 0.15,
      code: 'tags.shared',
      params: { sharedTags: 'B, a, b', sharedCount: 3, tagCount: 5 },
      detail: 'tags B, a, b shared (3 of 5)',
    });
  });

  it('gives a demand with tags and a resource without them 0, over the demand tags alone', () => {
    expect(tagsComponent([], ['送餐', '党员', '送餐'], 0.4)).toEqual({
      name: 'tags',
      value: 0,
      weight: 0.4,
      code: 'tags.none-shared',
      params: { tagCount: 2 },
      detail: 'no tags shared (0 of 2)',
    });
  });

  it('gives a demand without tags the neutral value with the policy weight', () => {
    expect(tagsComponent(['党员'], [], 0.15)).toEqual({
      name: 'tags',
      value: NEUTRAL_TAG_VALUE,
      weight: 0.15,
      code: 'tags.none-asked',
      params: {},
      detail: 'demand names no tags (neutral)',
    });
    expect(NEUTRAL_TAG_VALUE).toBe(0.5);
  });

  it.each<[number, number, number, number, number, string]>([
    [0, 5, 1, 0, 5, '0 km of 5 km radius'],
    [1.25, 5, 0.75, 1.3, 5, '1.3 km of 5 km radius'],
    [4.96, 5, 1 - 4.96 / 5, 5, 5, '5 km of 5 km radius'],
    [5, 5, 0, 5, 5, '5 km of 5 km radius'],
    [9.04, 2.5, 0, 9, 2.5, '9 km of 2.5 km radius'],
    [0, 0, 1, 0, 0, '0 km of 0 km radius'],
    [0.04, 0, 0, 0, 0, '0 km of 0 km radius'],
    [0, -1, 1, 0, -1, '0 km of -1 km radius'],
    [0.5, -1, 0, 0.5, -1, '0.5 km of -1 km radius'],
    [0.55, 2.449, 1 - 0.55 / 2.449, 0.6, 2.4, '0.6 km of 2.4 km radius'],
  ])(
    'is %p km within a %p km radius: %p, %p of %p km, "%s"',
    (distanceKm, radiusKm, value, km, radius, detail) => {
      expect(distanceComponent(distanceKm, radiusKm, 0.3)).toEqual({
        name: 'distance',
        value,
        weight: 0.3,
        code: 'distance.within-radius',
        params: { distanceKm: km, radiusKm: radius },
        detail,
      });
    },
  );

  it.each<[number, number, number, string]>([
    [3, 1, 3, '3 km of an unlimited radius'],
    [12.345, 1, 12.3, '12.3 km of an unlimited radius'],
    [0, 1, 0, '0 km of an unlimited radius'],
  ])('is %p km of an unlimited radius: %p, %p km, "%s"', (distanceKm, value, km, detail) => {
    expect(distanceComponent(distanceKm, Infinity, 0.3)).toEqual({
      name: 'distance',
      value,
      weight: 0.3,
      code: 'distance.unlimited-radius',
      params: { distanceKm: km },
      detail,
    });
  });

  it.each<[string, number, number, number, number]>([
    ['covers it', -DAY, 11 * DAY, 1, 100],
    ['covers it exactly', 0, 10 * DAY, 1, 100],
    ['starts inside it', 2 * DAY, 30 * DAY, 0.8, 80],
    ['ends inside it', -5 * DAY, 4 * DAY, 0.4, 40],
    ['lies inside it', 3 * DAY, 5 * DAY, 0.2, 20],
    ['ends where it starts', -5 * DAY, 0, 0, 0],
    ['starts where it ends', 10 * DAY, 20 * DAY, 0, 0],
    ['lies before it', -5 * DAY, -DAY, 0, 0],
    ['misses it by one ms', 1, 10 * DAY + 1, 1 - 1 / (10 * DAY), 99],
  ])('when the resource window %s', (_case, availableFrom, availableTo, value, percent) => {
    expect(
      windowComponent({ availableFrom, availableTo }, { windowFrom: 0, windowTo: 10 * DAY }, 0.25),
    ).toEqual({
      name: 'window',
      value,
      weight: 0.25,
      code: 'window.coverage',
      params: { percent },
      detail: `covers ${percent}% of the demand window`,
    });
  });

  it('counts a zero-length demand window at the first available instant, not at the last (half-open)', () => {
    const instant = { windowFrom: DAY, windowTo: DAY };
    expect(windowComponent({ availableFrom: DAY, availableTo: 2 * DAY }, instant, 0.2)).toEqual({
      name: 'window',
      value: 1,
      weight: 0.2,
      code: 'window.coverage',
      params: { percent: 100 },
      detail: 'covers 100% of the demand window',
    });
    expect(windowComponent({ availableFrom: DAY + 1, availableTo: 2 * DAY }, instant, 0.2).value).toBe(0);
    expect(windowComponent({ availableFrom: 0, availableTo: DAY }, instant, 0.2)).toEqual({
      name: 'window',
      value: 0,
      weight: 0.2,
      code: 'window.coverage',
      params: { percent: 0 },
      detail: 'covers 0% of the demand window',
    });
  });

  it('treats an inverted demand window like an instant at its start', () => {
    const inverted = { windowFrom: DAY, windowTo: 0 };
    expect(windowComponent({ availableFrom: 0, availableTo: 2 * DAY }, inverted, 0.2).value).toBe(1);
    expect(windowComponent({ availableFrom: 0, availableTo: DAY / 2 }, inverted, 0.2).value).toBe(0);
  });
});

describe('demandPriority, exactly', () => {
  it('ages linearly by the day, in whole-millisecond days', () => {
    expect(demandPriority(demand({ postedAt: NOW - 7 * DAY }), policy)).toBe(1.25);
    expect(demandPriority(demand({ postedAt: NOW - 3.5 * DAY }), policy)).toBe(1.125);
    expect(demandPriority(demand({ postedAt: NOW - 14 * DAY }), policy)).toBe(1.5);
    expect(demandPriority(demand({ postedAt: NOW - 15 * DAY }), policy)).toBe(1.5);
    expect(demandPriority(demand({ urgency: 'urgent', postedAt: NOW - 7 * DAY }), policy)).toBe(1.875);
  });

  it('gives the full boost at once when the boost period is 0, and none to a brand-new demand', () => {
    const instant: MatchingPolicy = { ...policy, ageing: { maxBoost: 0.5, fullBoostDays: 0 } };
    expect(demandPriority(demand({ postedAt: NOW - 1 }), instant)).toBe(1.5);
    expect(demandPriority(demand({ postedAt: NOW }), instant)).toBe(1);
    expect(demandPriority(demand({ postedAt: NOW + DAY }), instant)).toBe(1);
  });

  it('does not age a demand whose posting time is unknown or infinitely old', () => {
    expect(demandPriority(demand({ postedAt: Number.NaN }), policy)).toBe(1);
    expect(demandPriority(demand({ postedAt: -Infinity }), policy)).toBe(1);
    expect(demandPriority(demand({ urgency: 'critical', postedAt: Infinity }), policy)).toBe(2);
  });

  it('uses the urgency factors of the policy, not fixed ones', () => {
    const steep: MatchingPolicy = { ...policy, urgencyFactor: { routine: 1.2, urgent: 3, critical: 7 } };
    expect(demandPriority(demand({ urgency: 'routine' }), steep)).toBe(1.2);
    expect(demandPriority(demand({ urgency: 'urgent' }), steep)).toBe(3);
    expect(demandPriority(demand({ urgency: 'critical', postedAt: NOW - 7 * DAY }), steep)).toBe(8.75);
  });
});

describe('scoreCandidate, exactly', () => {
  it('returns the four components with values, weights and details, and weight = score × priority', () => {
    const scored = scoreCandidate(
      resource({ tags: ['党员'], availableFrom: NOW + 5 * DAY }),
      demand({ urgency: 'critical', postedAt: NOW - 7 * DAY }),
      2.5,
      'related',
      policy,
    );
    expect(scored.components).toEqual([
      {
        name: 'category',
        value: 0.6,
        weight: 0.35,
        code: 'category.related',
        params: { resourceCategory: 'elderly-care', demandCategory: 'elderly-care' },
        detail: 'related category elderly-care for elderly-care',
      },
      {
        name: 'tags',
        value: 0.5,
        weight: 0.15,
        code: 'tags.shared',
        params: { sharedTags: '党员', sharedCount: 1, tagCount: 2 },
        detail: 'tags 党员 shared (1 of 2)',
      },
      {
        name: 'distance',
        value: 0.5,
        weight: 0.3,
        code: 'distance.within-radius',
        params: { distanceKm: 2.5, radiusKm: 5 },
        detail: '2.5 km of 5 km radius',
      },
      {
        name: 'window',
        value: 0.5,
        weight: 0.2,
        code: 'window.coverage',
        params: { percent: 50 },
        detail: 'covers 50% of the demand window',
      },
    ]);
    const mean = (0.35 * 0.6 + 0.15 * 0.5 + 0.3 * 0.5 + 0.2 * 0.5) / (0.35 + 0.15 + 0.3 + 0.2);
    expect(scored.score).toBeCloseTo(mean, 12);
    expect(scored.priority).toBe(2.5);
    expect(scored.weight).toBe(scored.score * 2.5);
  });

  it('takes the weights from the policy into the components and the mean', () => {
    const skewed: MatchingPolicy = { ...policy, weights: { category: 3, tags: 0, distance: 1, window: 0 } };
    const scored = scoreCandidate(resource(), demand(), 4, 'related', skewed);
    expect(scored.components.map((c) => [c.name, c.weight])).toEqual([
      ['category', 3],
      ['tags', 0],
      ['distance', 1],
      ['window', 0],
    ]);
    expect(scored.score).toBeCloseTo((3 * 0.6 + 1 * 0.2) / 4, 12);
  });

  it('copes with extreme weights: one huge weight decides the score', () => {
    const huge: MatchingPolicy = { ...policy, weights: { category: 1e300, tags: 1, distance: 1, window: 1 } };
    expect(scoreCandidate(resource(), demand(), 5, 'related', huge).score).toBeCloseTo(0.6, 12);
  });

  it('scores the best pair 1 and the worst admissible one nearly 0, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.record({
          category: fc.double({ min: 0, max: 1e6, noNaN: true }),
          tags: fc.double({ min: 0, max: 1e6, noNaN: true }),
          distance: fc.double({ min: 0, max: 1e6, noNaN: true }),
          window: fc.double({ min: 0, max: 1e6, noNaN: true }),
        }),
        (weights) => {
          const p: MatchingPolicy = { ...policy, weights };
          const total = weights.category + weights.tags + weights.distance + weights.window;
          const best = scoreCandidate(resource(), demand(), 0, 'exact', p);
          expect(best.score).toBe(total > 0 ? 1 : 0);
          // Nothing shared, at the edge of the radius, windows touching: only a related fit remains.
          const worst = scoreCandidate(
            resource({ tags: ['理发'], availableFrom: NOW + 10 * DAY, availableTo: NOW + 20 * DAY }),
            demand(),
            5,
            'related',
            { ...p, relatedCategoryFit: 1e-9 },
          );
          expect(worst.score).toBeCloseTo(total > 0 ? (1e-9 * weights.category) / total : 0, 15);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('scoreCandidate, with weights that cancel out', () => {
  it('scores 0 rather than dividing by a total weight of 0 or less', () => {
    // validatePolicy rejects negative weights; scoring must still never divide by them.
    const cancelling: MatchingPolicy = {
      ...policy,
      weights: { category: 1, tags: -1, distance: 0, window: 0 },
    };
    const negative: MatchingPolicy = {
      ...policy,
      weights: { category: 1, tags: -2, distance: 0, window: 0 },
    };
    // Tags score 0.5 (the demand names none), so the weighted sum is not 0.
    expect(scoreCandidate(resource(), demand({ tags: [] }), 0, 'exact', cancelling).score).toBe(0);
    expect(scoreCandidate(resource(), demand({ tags: [] }), 0, 'exact', negative).score).toBe(0);
  });
});

describe('explanation codes', () => {
  it('lists every code a component may carry, once, in the order components are read', () => {
    expect([...SCORE_EXPLANATION_CODES]).toEqual([
      'category.same',
      'category.related',
      'tags.none-asked',
      'tags.none-shared',
      'tags.shared',
      'distance.within-radius',
      'distance.unlimited-radius',
      'window.coverage',
    ]);
    expect(Object.isFrozen(SCORE_EXPLANATION_CODES)).toBe(true);
  });

  it("starts each code with its component's name", () => {
    const components = [
      categoryComponent('elderly-care', 'elderly-care', 'exact', policy),
      categoryComponent('volunteering', 'elderly-care', 'related', policy),
      tagsComponent([], [], 0.15),
      tagsComponent([], ['送餐'], 0.15),
      tagsComponent(['送餐'], ['送餐'], 0.15),
      distanceComponent(1, 5, 0.3),
      distanceComponent(1, Infinity, 0.3),
      windowComponent({ availableFrom: 0, availableTo: DAY }, { windowFrom: 0, windowTo: DAY }, 0.2),
    ];
    expect(components.map((c) => c.code)).toEqual([...SCORE_EXPLANATION_CODES]);
    for (const component of components) expect(component.code.split('.')[0]).toBe(component.name);
  });
});
