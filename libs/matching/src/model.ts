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

/** One reason in a score's explanation, as a coordinator reads it. */
export interface ScoreComponent {
  name: ScoreComponentName;
  /** In [0, 1]. */
  value: number;
  /** The alliance policy's weight for this component. */
  weight: number;
  /** e.g. "2.4 km of 5 km service radius". */
  detail: string;
}

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
