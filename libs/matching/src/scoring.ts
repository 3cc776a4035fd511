import type {
  Candidate,
  DemandItemInput,
  MatchingPolicy,
  ResourceItemInput,
  ScoreComponent,
  ScoreExplanationCode,
} from './model';
import { compareCodeUnits, type CategoryFit } from './policy';

/** What scoring adds to a pair that passed the hard constraints. */
export type CandidateScore = Pick<Candidate, 'score' | 'priority' | 'weight' | 'components'>;

/**
 * Tag value when the demand names no tags: it asked for nothing in particular, so tags
 * neither reward nor punish any resource (a demand with tags and a resource without get 0).
 */
export const NEUTRAL_TAG_VALUE = 0.5;

const MS_PER_DAY = 24 * 60 * 60 * 1000;

// A record rather than a list, so that the compiler insists on every code exactly once.
const EXPLANATION_CODE_SET: Record<ScoreExplanationCode, true> = {
  'category.same': true,
  'category.related': true,
  'tags.none-asked': true,
  'tags.none-shared': true,
  'tags.shared': true,
  'distance.within-radius': true,
  'distance.unlimited-radius': true,
  'window.coverage': true,
};

/** Every code a score component's explanation may carry, for pages that render them. */
export const SCORE_EXPLANATION_CODES = Object.freeze(
  Object.keys(EXPLANATION_CODE_SET) as ScoreExplanationCode[],
);

/**
 * Score a candidate pair: the weighted mean of its components in [0, 1] (0 if every weight
 * is 0), the demand's priority, and weight = score × priority, which the allocation
 * maximises per unit of quantity.
 */
export function scoreCandidate(
  resource: ResourceItemInput,
  demand: DemandItemInput,
  distanceKm: number,
  fit: CategoryFit,
  policy: MatchingPolicy,
): CandidateScore {
  const components = [
    categoryComponent(resource.category, demand.category, fit, policy),
    tagsComponent(resource.tags, demand.tags, policy.weights.tags),
    distanceComponent(distanceKm, resource.serviceRadiusKm, policy.weights.distance),
    windowComponent(resource, demand, policy.weights.window),
  ];
  let weighted = 0;
  let totalWeight = 0;
  for (const component of components) {
    weighted += component.weight * component.value;
    totalWeight += component.weight;
  }
  const score = totalWeight > 0 ? clamp01(weighted / totalWeight) : 0;
  const priority = demandPriority(demand, policy);
  return { score, priority, weight: score * priority, components };
}

/** 1 for the same category, the policy's `relatedCategoryFit` for a related one. */
export function categoryComponent(
  resourceCategory: string,
  demandCategory: string,
  fit: CategoryFit,
  policy: MatchingPolicy,
): ScoreComponent {
  const weight = policy.weights.category;
  switch (fit) {
    case 'exact':
      return {
        name: 'category',
        value: 1,
        weight,
        code: 'category.same',
        params: { category: demandCategory },
        detail: `same category ${demandCategory}`,
      };
    case 'related':
      return {
        name: 'category',
        value: clamp01(policy.relatedCategoryFit),
        weight,
        code: 'category.related',
        params: { resourceCategory, demandCategory },
        detail: `related category ${resourceCategory} for ${demandCategory}`,
      };
  }
}

/** Jaccard overlap of the two tag sets; `NEUTRAL_TAG_VALUE` when the demand names none. */
export function tagsComponent(
  resourceTags: readonly string[],
  demandTags: readonly string[],
  weight: number,
): ScoreComponent {
  const wanted = new Set(demandTags);
  if (wanted.size === 0) {
    return {
      name: 'tags',
      value: NEUTRAL_TAG_VALUE,
      weight,
      code: 'tags.none-asked',
      params: {},
      detail: 'demand names no tags (neutral)',
    };
  }
  const offered = new Set(resourceTags);
  const shared = [...wanted].filter((tag) => offered.has(tag)).sort(compareCodeUnits);
  const tagCount = new Set([...wanted, ...offered]).size;
  const value = shared.length / tagCount;
  if (shared.length === 0) {
    return {
      name: 'tags',
      value,
      weight,
      code: 'tags.none-shared',
      params: { tagCount },
      detail: `no tags shared (0 of ${tagCount})`,
    };
  }
  const sharedTags = shared.join(', ');
  return {
    name: 'tags',
    value,
    weight,
    code: 'tags.shared',
    params: { sharedTags, sharedCount: shared.length, tagCount },
    detail: `tags ${sharedTags} shared (${shared.length} of ${tagCount})`,
  };
}

/** 1 at the resource's door, falling linearly to 0 at the edge of its service radius. */
export function distanceComponent(distanceKm: number, radiusKm: number, weight: number): ScoreComponent {
  const value = radiusKm > 0 ? clamp01(1 - distanceKm / radiusKm) : distanceKm <= 0 ? 1 : 0;
  const distance = roundKm(distanceKm);
  if (!Number.isFinite(radiusKm)) {
    return {
      name: 'distance',
      value,
      weight,
      code: 'distance.unlimited-radius',
      params: { distanceKm: distance },
      detail: `${distance} km of an unlimited radius`,
    };
  }
  const radius = roundKm(radiusKm);
  return {
    name: 'distance',
    value,
    weight,
    code: 'distance.within-radius',
    params: { distanceKm: distance, radiusKm: radius },
    detail: `${distance} km of ${radius} km radius`,
  };
}

/**
 * Share of the demand's window [from, to) that the resource's window covers. A demand
 * window of zero length counts as covered when its instant lies in the resource window.
 */
export function windowComponent(
  resource: Pick<ResourceItemInput, 'availableFrom' | 'availableTo'>,
  demand: Pick<DemandItemInput, 'windowFrom' | 'windowTo'>,
  weight: number,
): ScoreComponent {
  const length = demand.windowTo - demand.windowFrom;
  let value: number;
  if (length > 0) {
    const overlap =
      Math.min(resource.availableTo, demand.windowTo) - Math.max(resource.availableFrom, demand.windowFrom);
    value = clamp01(overlap / length);
  } else {
    const instant = demand.windowFrom;
    value = instant >= resource.availableFrom && instant < resource.availableTo ? 1 : 0;
  }
  // Floor, so "100%" is only ever said of a fully covered window.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: value <= 1, and Math.floor(1 * 100) is 100 too
  const percent = value >= 1 ? 100 : Math.floor(value * 100);
  return {
    name: 'window',
    value,
    weight,
    code: 'window.coverage',
    params: { percent },
    detail: `covers ${percent}% of the demand window`,
  };
}

/**
 * Urgency factor × ageing: priority grows linearly with the demand's age, from 1 when
 * posted to 1 + maxBoost after `fullBoostDays`, so old demands do not starve. A demand
 * posted "after" policy.now counts as new.
 */
export function demandPriority(
  demand: Pick<DemandItemInput, 'urgency' | 'postedAt'>,
  policy: Pick<MatchingPolicy, 'urgencyFactor' | 'ageing' | 'now'>,
): number {
  const ageMs = policy.now - demand.postedAt;
  const ageDays = Number.isFinite(ageMs) ? Math.max(0, ageMs) / MS_PER_DAY : 0;
  const { maxBoost, fullBoostDays } = policy.ageing;
  const progress = fullBoostDays > 0 ? Math.min(1, ageDays / fullBoostDays) : ageDays > 0 ? 1 : 0;
  return policy.urgencyFactor[demand.urgency] * (1 + maxBoost * progress);
}

/** 2.4, 5: kilometres to one decimal, for explanations. */
function roundKm(km: number): number {
  return Math.round(km * 10) / 10;
}

/** Into [0, 1]; NaN (from non-finite input) becomes 0. */
function clamp01(value: number): number {
  // Stryker disable next-line EqualityOperator: at 0 and at 1 either branch returns the same number
  return !(value > 0) ? 0 : value >= 1 ? 1 : value;
}
