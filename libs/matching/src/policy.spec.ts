import type { MatchingPolicy } from './model';
import {
  CategoryCompatibility,
  DEFAULT_POLICY_WEIGHTS,
  DEFAULT_RELATED_CATEGORY_PAIRS,
  areCategoriesCompatible,
  defaultMatchingPolicy,
  relatedCategoriesFromPairs,
  validatePolicy,
} from './policy';

const NOW = Date.UTC(2025, 5, 1);

function policyWith(change: (policy: MatchingPolicy) => void): MatchingPolicy {
  const policy = defaultMatchingPolicy(NOW);
  change(policy);
  return policy;
}

describe('defaultMatchingPolicy', () => {
  it('weights category, distance, window and tags 0.35 / 0.3 / 0.2 / 0.15, summing to 1', () => {
    const { weights } = defaultMatchingPolicy(NOW);
    expect(weights).toEqual({ category: 0.35, distance: 0.3, window: 0.2, tags: 0.15 });
    expect(weights.category + weights.distance + weights.window + weights.tags).toBeCloseTo(1, 12);
    expect(weights).toEqual(DEFAULT_POLICY_WEIGHTS);
  });

  it('passes its own validation', () => {
    expect(validatePolicy(defaultMatchingPolicy(NOW))).toEqual([]);
  });

  it('keeps cross-alliance sharing off and uses the given now', () => {
    const policy = defaultMatchingPolicy(NOW);
    expect(policy.allowCrossAlliance).toBe(false);
    expect(policy.now).toBe(NOW);
    expect(policy.urgencyFactor).toEqual({ routine: 1, urgent: 1.5, critical: 2 });
    expect(policy.ageing).toEqual({ maxBoost: 0.5, fullBoostDays: 14 });
    expect(policy.relatedCategoryFit).toBe(0.6);
  });

  it('lists every related pair under both categories', () => {
    const { relatedCategories } = defaultMatchingPolicy(NOW);
    for (const [category, related] of Object.entries(relatedCategories)) {
      for (const other of related) expect(relatedCategories[other]).toContain(category);
    }
    expect(relatedCategories['elderly-care']).toEqual(['health', 'volunteering']);
    expect(relatedCategories['volunteering']).toEqual(['elderly-care', 'environment']);
  });

  it('does not relate goods and funds', () => {
    const policy = defaultMatchingPolicy(NOW);
    expect(areCategoriesCompatible('goods', 'funds', policy)).toBeNull();
    expect(areCategoriesCompatible('funds', 'goods', policy)).toBeNull();
  });

  it('returns a fresh policy each time, so one alliance adjusting it affects no other', () => {
    const first = defaultMatchingPolicy(NOW);
    first.weights.tags = 0.9;
    first.relatedCategories['elderly-care']?.push('legal');
    const second = defaultMatchingPolicy(NOW);
    expect(second.weights.tags).toBe(0.15);
    expect(second.relatedCategories['elderly-care']).toEqual(['health', 'volunteering']);
    expect(DEFAULT_POLICY_WEIGHTS.tags).toBe(0.15);
  });
});

describe('relatedCategoriesFromPairs', () => {
  it('makes the relation symmetric, sorted and free of self-pairs', () => {
    expect(
      relatedCategoriesFromPairs([
        ['venue', 'culture-sports'],
        ['venue', 'education'],
        ['legal', 'legal'],
      ]),
    ).toEqual({ 'culture-sports': ['venue'], education: ['venue'], venue: ['culture-sports', 'education'] });
  });

  it('covers the default pairs', () => {
    expect(Object.keys(relatedCategoriesFromPairs(DEFAULT_RELATED_CATEGORY_PAIRS))).toHaveLength(12);
  });
});

describe('validatePolicy reports', () => {
  it.each([
    ['a negative weight', (p: MatchingPolicy) => (p.weights.distance = -0.1), 'weights.distance'],
    ['a NaN weight', (p: MatchingPolicy) => (p.weights.tags = Number.NaN), 'weights.tags'],
    ['an infinite weight', (p: MatchingPolicy) => (p.weights.window = Infinity), 'weights.window'],
    ['a related-category fit of 0', (p: MatchingPolicy) => (p.relatedCategoryFit = 0), 'relatedCategoryFit'],
    [
      'a related-category fit above 1',
      (p: MatchingPolicy) => (p.relatedCategoryFit = 1.2),
      'relatedCategoryFit',
    ],
    [
      'an urgency factor below 1',
      (p: MatchingPolicy) => (p.urgencyFactor.urgent = 0.5),
      'urgencyFactor.urgent',
    ],
    ['a negative ageing boost', (p: MatchingPolicy) => (p.ageing.maxBoost = -1), 'ageing.maxBoost'],
    ['a zero ageing period', (p: MatchingPolicy) => (p.ageing.fullBoostDays = 0), 'ageing.fullBoostDays'],
    ['a non-finite now', (p: MatchingPolicy) => (p.now = Number.NaN), 'now'],
    [
      'a category related to itself',
      (p: MatchingPolicy) => (p.relatedCategories['legal'] = ['legal']),
      'relatedCategories.legal',
    ],
  ])('%s', (_case, change, field) => {
    const problems = validatePolicy(policyWith(change));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${field.replace('.', '\\.')} `));
  });

  it('weights that are all zero', () => {
    const problems = validatePolicy(
      policyWith((p) => (p.weights = { category: 0, tags: 0, distance: 0, window: 0 })),
    );
    expect(problems).toEqual(['weights must not all be zero']);
  });

  it('accepts a related-category fit of exactly 1 and a zero ageing boost', () => {
    expect(
      validatePolicy(
        policyWith((p) => {
          p.relatedCategoryFit = 1;
          p.ageing.maxBoost = 0;
        }),
      ),
    ).toEqual([]);
  });
});

describe('areCategoriesCompatible', () => {
  const policy = policyWith((p) => (p.relatedCategories = { 'elderly-care': ['volunteering'] }));

  it('is exact for the same category', () => {
    expect(areCategoriesCompatible('health', 'health', policy)).toBe('exact');
  });

  it('uses the relation in both directions', () => {
    expect(areCategoriesCompatible('volunteering', 'elderly-care', policy)).toBe('related');
    expect(areCategoriesCompatible('elderly-care', 'volunteering', policy)).toBe('related');
  });

  it('is null for unrelated categories', () => {
    expect(areCategoriesCompatible('legal', 'elderly-care', policy)).toBeNull();
  });

  it('is not fooled by category codes that name Object properties', () => {
    expect(areCategoriesCompatible('constructor', 'to-string', policy)).toBeNull();
    expect(areCategoriesCompatible('volunteering', 'constructor', policy)).toBeNull();
  });
});

describe('CategoryCompatibility', () => {
  const compatibility = new CategoryCompatibility({ 'elderly-care': ['volunteering', 'health'] });

  it('agrees with areCategoriesCompatible on the default policy', () => {
    const policy = defaultMatchingPolicy(NOW);
    const all = new CategoryCompatibility(policy.relatedCategories);
    const categories = ['elderly-care', 'volunteering', 'health', 'goods', 'funds', 'venue', 'red-property'];
    for (const r of categories) {
      for (const d of categories) expect(all.fit(r, d)).toBe(areCategoriesCompatible(r, d, policy));
    }
  });

  it('lists the serving categories: the category itself first, then related ones sorted', () => {
    expect(compatibility.servingCategories('elderly-care')).toEqual([
      'elderly-care',
      'health',
      'volunteering',
    ]);
    expect(compatibility.servingCategories('health')).toEqual(['health', 'elderly-care']);
    expect(compatibility.servingCategories('legal')).toEqual(['legal']);
  });
});
