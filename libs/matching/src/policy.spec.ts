import fc from 'fast-check';
import type { MatchingPolicy } from './model';
import {
  CategoryCompatibility,
  DEFAULT_POLICY_WEIGHTS,
  DEFAULT_RELATED_CATEGORY_PAIRS,
  SCORE_COMPONENT_NAMES,
  areCategoriesCompatible,
  compareCodeUnits,
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

describe('the default policy, exactly', () => {
  it('relates exactly the default pairs, both ways', () => {
    expect(defaultMatchingPolicy(NOW).relatedCategories).toEqual({
      'business-support': ['employment'],
      childcare: ['education'],
      'culture-sports': ['education', 'venue'],
      education: ['childcare', 'culture-sports'],
      'elderly-care': ['health', 'volunteering'],
      employment: ['business-support'],
      environment: ['volunteering'],
      health: ['elderly-care'],
      repairs: ['safety'],
      safety: ['repairs'],
      venue: ['culture-sports'],
      volunteering: ['elderly-care', 'environment'],
    });
  });

  it('lists the score components in explanation order and keeps the list frozen', () => {
    expect([...SCORE_COMPONENT_NAMES]).toEqual(['category', 'tags', 'distance', 'window']);
    expect(Object.isFrozen(SCORE_COMPONENT_NAMES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_POLICY_WEIGHTS)).toBe(true);
  });
});

describe('relatedCategoriesFromPairs, exactly', () => {
  it('merges repeated pairs and pairs given both ways', () => {
    expect(
      relatedCategoriesFromPairs([
        ['b', 'a'],
        ['a', 'b'],
        ['a', 'C'],
        ['b', 'a'],
      ]),
    ).toEqual({ C: ['a'], a: ['C', 'b'], b: ['a'] });
  });

  it('lists categories in code-unit order', () => {
    expect(
      Object.keys(
        relatedCategoriesFromPairs([
          ['z', 'Y'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual(['Y', 'a', 'b', 'z']);
  });

  it('is empty for no pairs, or only self-pairs', () => {
    expect(relatedCategoriesFromPairs([])).toEqual({});
    expect(relatedCategoriesFromPairs([['legal', 'legal']])).toEqual({});
  });
});

describe('validatePolicy, word for word', () => {
  it('names every problem of a thoroughly broken policy, in a fixed order', () => {
    const broken = policyWith((p) => {
      p.weights = { category: -1, tags: Number.NaN, distance: Infinity, window: 0.5 };
      p.relatedCategoryFit = Number.NaN;
      p.urgencyFactor = { routine: 0.9, urgent: Number.NaN, critical: -Infinity };
      p.ageing = { maxBoost: Number.NaN, fullBoostDays: -1 };
      p.now = Infinity;
    });
    expect(validatePolicy(broken)).toEqual([
      'weights.category must be a finite number >= 0 (got -1)',
      'weights.tags must be a finite number >= 0 (got NaN)',
      'weights.distance must be a finite number >= 0 (got Infinity)',
      'relatedCategoryFit must be in (0, 1] (got NaN)',
      'urgencyFactor.routine must be a finite number >= 1 (got 0.9)',
      'urgencyFactor.urgent must be a finite number >= 1 (got NaN)',
      'urgencyFactor.critical must be a finite number >= 1 (got -Infinity)',
      'ageing.maxBoost must be a finite number >= 0 (got NaN)',
      'ageing.fullBoostDays must be a finite number > 0 (got -1)',
      'now must be a finite epoch-ms time (got Infinity)',
    ]);
  });

  it.each<[string, (p: MatchingPolicy) => void, string]>([
    [
      'a weight that is not a number',
      (p) => ((p.weights as Record<string, unknown>)['window'] = '0.2'),
      'weights.window must be a finite number >= 0 (got 0.2)',
    ],
    [
      'a missing weight',
      (p) => delete (p.weights as Partial<MatchingPolicy['weights']>).tags,
      'weights.tags must be a finite number >= 0 (got undefined)',
    ],
    [
      'a negative related fit',
      (p) => (p.relatedCategoryFit = -0.5),
      'relatedCategoryFit must be in (0, 1] (got -0.5)',
    ],
    [
      'a related fit just above 1',
      (p) => (p.relatedCategoryFit = 1.0000001),
      'relatedCategoryFit must be in (0, 1] (got 1.0000001)',
    ],
    [
      'an infinite related fit',
      (p) => (p.relatedCategoryFit = Infinity),
      'relatedCategoryFit must be in (0, 1] (got Infinity)',
    ],
    [
      'an urgency factor just below 1',
      (p) => (p.urgencyFactor.critical = 0.999),
      'urgencyFactor.critical must be a finite number >= 1 (got 0.999)',
    ],
    [
      'an infinite urgency factor',
      (p) => (p.urgencyFactor.routine = Infinity),
      'urgencyFactor.routine must be a finite number >= 1 (got Infinity)',
    ],
    [
      'an infinite ageing boost',
      (p) => (p.ageing.maxBoost = Infinity),
      'ageing.maxBoost must be a finite number >= 0 (got Infinity)',
    ],
    [
      'a negative ageing boost',
      (p) => (p.ageing.maxBoost = -0.01),
      'ageing.maxBoost must be a finite number >= 0 (got -0.01)',
    ],
    [
      'an infinite ageing period',
      (p) => (p.ageing.fullBoostDays = Infinity),
      'ageing.fullBoostDays must be a finite number > 0 (got Infinity)',
    ],
    [
      'a zero ageing period',
      (p) => (p.ageing.fullBoostDays = 0),
      'ageing.fullBoostDays must be a finite number > 0 (got 0)',
    ],
    [
      'a now that is not a number',
      (p) => ((p as { now: unknown }).now = '2025-06-01'),
      'now must be a finite epoch-ms time (got 2025-06-01)',
    ],
    [
      'related categories that are not a list',
      (p) => ((p.relatedCategories as Record<string, unknown>)['legal'] = 'volunteering'),
      'relatedCategories.legal must be a list of category codes',
    ],
    [
      'a related list with something other than a code in it',
      (p) => ((p.relatedCategories as Record<string, unknown>)['legal'] = ['volunteering', 7]),
      'relatedCategories.legal must be a list of category codes',
    ],
    [
      'a category related to itself among others',
      (p) => (p.relatedCategories['legal'] = ['volunteering', 'legal']),
      'relatedCategories.legal lists legal itself',
    ],
  ])('%s', (_case, change, problem) => {
    expect(validatePolicy(policyWith(change))).toEqual([problem]);
  });

  it('does not add "all zero" when the only non-zero weight is already reported', () => {
    expect(
      validatePolicy(policyWith((p) => (p.weights = { category: -1, tags: 0, distance: 0, window: 0 }))),
    ).toEqual(['weights.category must be a finite number >= 0 (got -1)']);
  });

  it('accepts a single positive weight, the smallest positive fit and a factor of exactly 1', () => {
    expect(
      validatePolicy(
        policyWith((p) => {
          p.weights = { category: 0, tags: 0, distance: 0, window: Number.MIN_VALUE };
          p.relatedCategoryFit = Number.MIN_VALUE;
          p.urgencyFactor = { routine: 1, urgent: 1, critical: 1 };
          p.ageing.fullBoostDays = Number.MIN_VALUE;
          p.relatedCategories = {};
        }),
      ),
    ).toEqual([]);
  });

  it('reports problems in the related categories in code-unit order of the category', () => {
    const problems = validatePolicy(
      policyWith((p) => {
        p.relatedCategories = {
          venue: ['venue'],
          Legal: ['Legal'],
          'elderly-care': ['health', 'elderly-care'],
        };
      }),
    );
    expect(problems).toEqual([
      'relatedCategories.Legal lists Legal itself',
      'relatedCategories.elderly-care lists elderly-care itself',
      'relatedCategories.venue lists venue itself',
    ]);
  });
});

describe('areCategoriesCompatible, against odd relations', () => {
  it('ignores relations a policy only inherits', () => {
    const inherited = Object.create({ legal: ['volunteering'] }) as Record<string, string[]>;
    const policy = policyWith((p) => (p.relatedCategories = inherited));
    expect(areCategoriesCompatible('volunteering', 'legal', policy)).toBeNull();
    expect(areCategoriesCompatible('legal', 'volunteering', policy)).toBeNull();
    expect(new CategoryCompatibility(inherited).fit('volunteering', 'legal')).toBeNull();
  });

  it('ignores entries that are not lists, and entries in a list that are not codes', () => {
    const odd = { legal: 'volunteering', health: [7, 'venue'] } as unknown as Record<string, string[]>;
    const policy = policyWith((p) => (p.relatedCategories = odd));
    expect(areCategoriesCompatible('volunteering', 'legal', policy)).toBeNull();
    expect(areCategoriesCompatible('venue', 'health', policy)).toBe('related');
    expect(areCategoriesCompatible('health', 'venue', policy)).toBe('related');
    expect(new CategoryCompatibility(odd).servingCategories('health')).toEqual(['health', 'venue']);
    expect(new CategoryCompatibility(odd).servingCategories('legal')).toEqual(['legal']);
  });

  it('is exact for the same category even when the relation lists nothing for it', () => {
    const policy = policyWith((p) => (p.relatedCategories = {}));
    expect(areCategoriesCompatible('legal', 'legal', policy)).toBe('exact');
    expect(new CategoryCompatibility({}).fit('legal', 'legal')).toBe('exact');
  });
});

describe('CategoryCompatibility, exactly', () => {
  it('is related both ways from a one-way listing, and null otherwise', () => {
    const compatibility = new CategoryCompatibility({ venue: ['culture-sports'] });
    expect(compatibility.fit('culture-sports', 'venue')).toBe('related');
    expect(compatibility.fit('venue', 'culture-sports')).toBe('related');
    expect(compatibility.fit('venue', 'legal')).toBeNull();
    expect(compatibility.fit('legal', 'venue')).toBeNull();
    expect(compatibility.servingCategories('culture-sports')).toEqual(['culture-sports', 'venue']);
  });

  it('never serves a category twice: self-relations and repeats are dropped', () => {
    const compatibility = new CategoryCompatibility({
      legal: ['legal', 'safety', 'safety'],
      safety: ['legal'],
    });
    expect(compatibility.servingCategories('legal')).toEqual(['legal', 'safety']);
    expect(compatibility.servingCategories('safety')).toEqual(['safety', 'legal']);
  });

  it('lists related categories in code-unit order, after the category itself', () => {
    const compatibility = new CategoryCompatibility({ m: ['b', 'Z', 'a'] });
    expect(compatibility.servingCategories('m')).toEqual(['m', 'Z', 'a', 'b']);
  });

  it('agrees with areCategoriesCompatible on random relations', () => {
    const code = fc.constantFrom('a', 'b', 'c', 'd', 'constructor', 'toString');
    fc.assert(
      fc.property(fc.dictionary(code, fc.array(code, { maxLength: 4 })), code, code, (relation, r, d) => {
        const policy = policyWith((p) => (p.relatedCategories = relation));
        expect(new CategoryCompatibility(relation).fit(r, d)).toBe(areCategoriesCompatible(r, d, policy));
      }),
      { numRuns: 200 },
    );
  });
});

describe('compareCodeUnits', () => {
  it('orders by UTF-16 code units, independent of locale', () => {
    expect(compareCodeUnits('a', 'b')).toBe(-1);
    expect(compareCodeUnits('b', 'a')).toBe(1);
    expect(compareCodeUnits('a', 'a')).toBe(0);
    expect(compareCodeUnits('Z', 'a')).toBe(-1);
    expect(compareCodeUnits('a', 'Z')).toBe(1);
    expect(compareCodeUnits('', '')).toBe(0);
    expect(['送餐', 'b', '党员', 'B', 'a'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', '党员', '送餐']);
  });
});
