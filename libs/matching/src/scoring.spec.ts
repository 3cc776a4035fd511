import type { DemandItemInput, MatchingPolicy, ResourceItemInput, ScoreComponentName } from './model';
import { defaultMatchingPolicy } from './policy';
import {
  NEUTRAL_TAG_VALUE,
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
    expect(component.detail).toBe('tags 党员, 送餐 shared (2 of 3)');
  });

  it('is 1 for identical tag sets, ignoring repeats and order', () => {
    expect(tagsComponent(['送餐', '党员', '送餐'], ['党员', '送餐'], 0.15).value).toBe(1);
  });

  it('is 0 when the demand names tags the resource lacks', () => {
    expect(tagsComponent(['助浴'], ['送餐'], 0.15)).toMatchObject({
      value: 0,
      detail: 'no tags shared (0 of 2)',
    });
    expect(tagsComponent([], ['送餐'], 0.15).value).toBe(0);
  });

  it('is neutral when the demand names no tags, whatever the resource offers', () => {
    expect(tagsComponent([], [], 0.15)).toMatchObject({
      value: NEUTRAL_TAG_VALUE,
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
    expect(distanceComponent(12.345, 20, 0.3).detail).toBe('12.3 km of 20 km radius');
    expect(distanceComponent(3, Infinity, 0.3)).toMatchObject({
      value: 1,
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
      detail: 'covers 100% of the demand window',
    });
  });

  it('is the share of the demand window the resource covers', () => {
    const component = windowComponent({ availableFrom: 2 * DAY, availableTo: 30 * DAY }, demandWindow, 0.2);
    expect(component.value).toBeCloseTo(0.8, 12);
    expect(component.detail).toBe('covers 80% of the demand window');
  });

  it('never says 100% of a window that is not fully covered', () => {
    const component = windowComponent({ availableFrom: 1, availableTo: 30 * DAY }, demandWindow, 0.2);
    expect(component.value).toBeLessThan(1);
    expect(component.detail).toBe('covers 99% of the demand window');
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
