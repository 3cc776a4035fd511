import type { Candidate, DemandItemInput, MatchingPolicy, ResourceItemInput } from './model';
import { CategoryCompatibility, compareCodeUnits } from './policy';
import { scoreCandidate } from './scoring';
import { ResourceSpatialIndex } from './spatial-index';

/**
 * Every (resource, demand) pair for which all hard constraints hold, scored and sorted by
 * (demandId, resourceId):
 * - the same alliance, unless `policy.allowCrossAlliance`;
 * - a compatible category (exact, or related either way through `policy.relatedCategories`);
 * - the same quantity unit;
 * - the demand within the resource's `serviceRadiusKm`, by great-circle distance;
 * - overlapping half-open windows [from, to) (an empty window overlaps nothing);
 * - resource capacity > 0 and demand quantity > 0.
 * Resources are looked up through a spatial index, so the work grows with the number of
 * candidates, not with resources × demands. Ids must be unique per kind (it throws
 * otherwise): with duplicates the output could depend on input order.
 */
export function generateCandidates(
  resources: readonly ResourceItemInput[],
  demands: readonly DemandItemInput[],
  policy: MatchingPolicy,
): Candidate[] {
  assertUniqueIds('resource', resources);
  assertUniqueIds('demand', demands);
  const compatibility = new CategoryCompatibility(policy.relatedCategories);
  const index = new ResourceSpatialIndex(
    // Stryker disable next-line ConditionalExpression,EqualityOperator: windowsOverlap checks the window again
    resources.filter((r) => r.capacity > 0 && r.availableFrom < r.availableTo),
    { allowCrossAlliance: policy.allowCrossAlliance },
  );
  const servingByCategory = new Map<string, string[]>();

  // Demands in id order, each one's candidates in resource-id order: the output order
  // without one big sort over every candidate.
  const sortedDemands = [...demands].sort((a, b) => compareCodeUnits(a.id, b.id));
  const candidates: Candidate[] = [];
  for (const demand of sortedDemands) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: windowsOverlap checks the window again
    if (!(demand.quantity > 0) || !(demand.windowFrom < demand.windowTo)) continue;
    let serving = servingByCategory.get(demand.category);
    // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same list
    if (!serving) {
      serving = compatibility.servingCategories(demand.category);
      servingByCategory.set(demand.category, serving);
    }
    const inReach = index
      .query(demand.lat, demand.lng, serving, demand.quantityUnit, demand.allianceId)
      .sort((a, b) => compareCodeUnits(a.resource.id, b.resource.id));
    for (const { resource, distanceKm } of inReach) {
      if (!windowsOverlap(resource, demand)) continue;
      const fit = compatibility.fit(resource.category, demand.category);
      if (fit === null) continue; // cannot happen: the index was asked for serving categories only
      candidates.push({
        resourceId: resource.id,
        demandId: demand.id,
        distanceKm,
        ...scoreCandidate(resource, demand, distanceKm, fit, policy),
      });
    }
  }
  return candidates;
}

/**
 * Why a demand has no candidate, by the first hard constraint that rules out all supply:
 * - `nothing-requested`: its remaining quantity is 0;
 * - `no-supply-in-category`: no resource of a compatible category and the same unit is
 *   open to its alliance, anywhere;
 * - `none-in-radius`: there are such resources, but none reaches its location;
 * - `no-window-overlap`: some reach it, but none is available during its window;
 * - `no-capacity`: some fit in place and time, but none has capacity left.
 */
export const NO_CANDIDATE_REASONS = [
  'nothing-requested',
  'no-supply-in-category',
  'none-in-radius',
  'no-window-overlap',
  'no-capacity',
] as const;
export type NoCandidateReason = (typeof NO_CANDIDATE_REASONS)[number];

export interface NoCandidateExplanation {
  demandId: string;
  reason: NoCandidateReason;
}

/**
 * For every demand without a single candidate, the reason (for the dashboard's unmatched
 * list), sorted by demandId. Demands with candidates are left out.
 */
export function explainNoCandidates(
  resources: readonly ResourceItemInput[],
  demands: readonly DemandItemInput[],
  policy: MatchingPolicy,
): NoCandidateExplanation[] {
  assertUniqueIds('resource', resources);
  assertUniqueIds('demand', demands);
  const compatibility = new CategoryCompatibility(policy.relatedCategories);
  const index = new ResourceSpatialIndex(resources, { allowCrossAlliance: policy.allowCrossAlliance });
  const explanations: NoCandidateExplanation[] = [];
  for (const demand of demands) {
    const reason = whyNoCandidate(demand, index, compatibility);
    if (reason) explanations.push({ demandId: demand.id, reason });
  }
  return explanations.sort((a, b) => compareCodeUnits(a.demandId, b.demandId));
}

function whyNoCandidate(
  demand: DemandItemInput,
  index: ResourceSpatialIndex,
  compatibility: CategoryCompatibility,
): NoCandidateReason | null {
  if (!(demand.quantity > 0)) return 'nothing-requested';
  const serving = compatibility.servingCategories(demand.category);
  if (!index.hasSupply(serving, demand.quantityUnit, demand.allianceId)) return 'no-supply-in-category';
  const inReach = index.query(demand.lat, demand.lng, serving, demand.quantityUnit, demand.allianceId);
  if (inReach.length === 0) return 'none-in-radius';
  const inTime = inReach.filter(({ resource }) => windowsOverlap(resource, demand));
  if (inTime.length === 0) return 'no-window-overlap';
  return inTime.some(({ resource }) => resource.capacity > 0) ? null : 'no-capacity';
}

/** Half-open windows [from, to) overlap; an empty or inverted window overlaps nothing. */
export function windowsOverlap(
  resource: Pick<ResourceItemInput, 'availableFrom' | 'availableTo'>,
  demand: Pick<DemandItemInput, 'windowFrom' | 'windowTo'>,
): boolean {
  return (
    resource.availableFrom < resource.availableTo &&
    demand.windowFrom < demand.windowTo &&
    resource.availableFrom < demand.windowTo &&
    demand.windowFrom < resource.availableTo
  );
}

function assertUniqueIds(kind: 'resource' | 'demand', items: readonly { id: string }[]): void {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id))
      throw new Error(`duplicate ${kind} id ${id}: ids must be unique for a deterministic result`);
    seen.add(id);
  }
}
