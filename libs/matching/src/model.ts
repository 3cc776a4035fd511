/**
 * What the matching engine works on: open resource items (资源清单 lines) and demand items
 * (需求清单 lines) with their remaining quantities. Plain data, no framework: times are epoch
 * milliseconds, distances kilometres.
 */
export type Urgency = 'routine' | 'urgent' | 'critical';

export interface ResourceItemInput {
  id: string;
  allianceId: string;
  unitId: string;
  category: string;
  quantityUnit: string;
  /** Remaining capacity (after pinned allocations), a non-negative integer. */
  capacity: number;
  lat: number;
  lng: number;
  serviceRadiusKm: number;
  availableFrom: number;
  availableTo: number;
  tags: string[];
}

export interface DemandItemInput {
  id: string;
  allianceId: string;
  submitterId: string;
  category: string;
  quantityUnit: string;
  /** Remaining quantity (after pinned allocations), a non-negative integer. */
  quantity: number;
  lat: number;
  lng: number;
  windowFrom: number;
  windowTo: number;
  urgency: Urgency;
  /** When the demand was posted; older demands gain priority so they do not starve. */
  postedAt: number;
  tags: string[];
}

export type ScoreComponentName = 'category' | 'tags' | 'distance' | 'window';

/**
 * What a score component's explanation says, as a code and the parameters it takes, so that
 * a page renders it in its reader's language (评分依据). Kilometres are rounded to 0.1 km;
 * tags are listed in code-unit order, joined by ", ". Mirrored by libs/contracts'
 * SCORE_EXPLANATION_PARAMS, which a spec there keeps equal to this.
 */
export interface ScoreExplanationParams {
  /** The resource's category is the demand's. */
  'category.same': { category: string };
  /** The policy relates the resource's category to the demand's. */
  'category.related': { resourceCategory: string; demandCategory: string };
  /** The demand names no tags, so tags count as neutral. */
  'tags.none-asked': Record<string, never>;
  /** None of `tagCount` distinct tags (the demand's and the resource's together) is shared. */
  'tags.none-shared': { tagCount: number };
  /** `sharedCount` of `tagCount` distinct tags are shared: `sharedTags`. */
  'tags.shared': { sharedTags: string; sharedCount: number; tagCount: number };
  /** `distanceKm` from the resource, whose service radius is `radiusKm`. */
  'distance.within-radius': { distanceKm: number; radiusKm: number };
  /** `distanceKm` from a resource that serves any distance. */
  'distance.unlimited-radius': { distanceKm: number };
  /** The resource covers `percent` (floored) of the demand's window. */
  'window.coverage': { percent: number };
}

export type ScoreExplanationCode = keyof ScoreExplanationParams;

/** An explanation code with exactly the parameters that code takes. */
export type ScoreExplanation = {
  [Code in ScoreExplanationCode]: { code: Code; params: ScoreExplanationParams[Code] };
}[ScoreExplanationCode];

/** One reason in a score's explanation, as a coordinator reads it. */
export type ScoreComponent = ScoreExplanation & {
  name: ScoreComponentName;
  /** In [0, 1]. */
  value: number;
  /** The alliance policy's weight for this component. */
  weight: number;
  /** The explanation in English for events, logs and audits, e.g. "2.4 km of 5 km radius". */
  detail: string;
};

/** A resource item that may serve a demand item: every hard constraint holds. */
export interface Candidate {
  resourceId: string;
  demandId: string;
  distanceKm: number;
  /** Weighted mean of the components, in [0, 1]. */
  score: number;
  /** Urgency × ageing factor of the demand, >= 1. */
  priority: number;
  /** score × priority: what the allocation maximises per unit of quantity. */
  weight: number;
  components: ScoreComponent[];
}

/** Per-alliance matching policy (联席会's rules). */
export interface MatchingPolicy {
  weights: Record<ScoreComponentName, number>;
  /** Categories that may stand in for each other, e.g. elderly-care ↔ volunteering. */
  relatedCategories: Record<string, string[]>;
  /** Category component value for a related (not exact) category, in (0, 1]. */
  relatedCategoryFit: number;
  /** Whether resources of one alliance may serve demands of another. */
  allowCrossAlliance: boolean;
  urgencyFactor: Record<Urgency, number>;
  /** Priority grows linearly with age by up to `maxBoost` over `fullBoostDays`. */
  ageing: { maxBoost: number; fullBoostDays: number };
  /** "Now" for ageing, epoch ms; passed in so results are deterministic. */
  now: number;
}
