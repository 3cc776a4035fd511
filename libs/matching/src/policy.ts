import type { MatchingPolicy, ScoreComponentName, Urgency } from './model';

/** How well a resource's category serves a demand's: the same, or related through the taxonomy. */
export type CategoryFit = 'exact' | 'related';

// Records keyed by the union types, so adding a component or urgency fails to compile here.
const COMPONENT_NAME_SET: Record<ScoreComponentName, true> = {
  category: true,
  tags: true,
  distance: true,
  window: true,
};
const URGENCY_SET: Record<Urgency, true> = { routine: true, urgent: true, critical: true };

/** Every score component, in the order explanations list them. */
export const SCORE_COMPONENT_NAMES = Object.freeze(Object.keys(COMPONENT_NAME_SET) as ScoreComponentName[]);
const URGENCY_NAMES = Object.keys(URGENCY_SET) as Urgency[];

export const DEFAULT_POLICY_WEIGHTS: Readonly<Record<ScoreComponentName, number>> = Object.freeze({
  category: 0.35,
  tags: 0.15,
  distance: 0.3,
  window: 0.2,
});

/**
 * Default-taxonomy categories that may stand in for each other, each pair used both ways.
 * Deliberately modest: a coordinator can widen it per alliance. goods and funds stay apart
 * (they are counted in different units anyway).
 */
export const DEFAULT_RELATED_CATEGORY_PAIRS: readonly (readonly [string, string])[] = Object.freeze([
  ['elderly-care', 'volunteering'],
  ['elderly-care', 'health'],
  ['childcare', 'education'],
  ['education', 'culture-sports'],
  ['repairs', 'safety'],
  ['environment', 'volunteering'],
  ['employment', 'business-support'],
  ['venue', 'culture-sports'],
] as const);

/** A symmetric relation (every pair listed under both categories), lists sorted. */
export function relatedCategoriesFromPairs(
  pairs: readonly (readonly [string, string])[],
): Record<string, string[]> {
  const related = new Map<string, Set<string>>();
  const link = (from: string, to: string): void => {
    const set = related.get(from) ?? new Set<string>();
    set.add(to);
    related.set(from, set);
  };
  for (const [a, b] of pairs) {
    if (a === b) continue;
    link(a, b);
    link(b, a);
  }
  const result: Record<string, string[]> = {};
  for (const category of [...related.keys()].sort(compareCodeUnits)) {
    // Stryker disable next-line ArrayDeclaration: every key has a set; the fallback is never used
    result[category] = [...(related.get(category) ?? [])].sort(compareCodeUnits);
  }
  return result;
}

/** The policy an alliance starts with; a fresh object each call, safe to adjust. */
export function defaultMatchingPolicy(now: number): MatchingPolicy {
  return {
    weights: { ...DEFAULT_POLICY_WEIGHTS },
    relatedCategories: relatedCategoriesFromPairs(DEFAULT_RELATED_CATEGORY_PAIRS),
    relatedCategoryFit: 0.6,
    allowCrossAlliance: false,
    urgencyFactor: { routine: 1, urgent: 1.5, critical: 2 },
    ageing: { maxBoost: 0.5, fullBoostDays: 14 },
    now,
  };
}

/** What is wrong with a policy, one readable line per problem; empty when it is usable. */
export function validatePolicy(policy: MatchingPolicy): string[] {
  const problems: string[] = [];
  let weightSum = 0;
  for (const name of SCORE_COMPONENT_NAMES) {
    const weight = policy.weights[name];
    if (!isFiniteNumber(weight) || weight < 0) {
      problems.push(`weights.${name} must be a finite number >= 0 (got ${String(weight)})`);
    } else {
      // Stryker disable next-line AssignmentOperator: weights here are >= 0; the sum is only compared with 0
      weightSum += weight;
    }
  }
  if (weightSum === 0 && problems.length === 0) problems.push('weights must not all be zero');

  const fit = policy.relatedCategoryFit;
  if (!isFiniteNumber(fit) || fit <= 0 || fit > 1) {
    problems.push(`relatedCategoryFit must be in (0, 1] (got ${String(fit)})`);
  }

  for (const urgency of URGENCY_NAMES) {
    const factor = policy.urgencyFactor[urgency];
    if (!isFiniteNumber(factor) || factor < 1) {
      problems.push(`urgencyFactor.${urgency} must be a finite number >= 1 (got ${String(factor)})`);
    }
  }

  const { maxBoost, fullBoostDays } = policy.ageing;
  if (!isFiniteNumber(maxBoost) || maxBoost < 0) {
    problems.push(`ageing.maxBoost must be a finite number >= 0 (got ${String(maxBoost)})`);
  }
  if (!isFiniteNumber(fullBoostDays) || fullBoostDays <= 0) {
    problems.push(`ageing.fullBoostDays must be a finite number > 0 (got ${String(fullBoostDays)})`);
  }

  if (!isFiniteNumber(policy.now))
    problems.push(`now must be a finite epoch-ms time (got ${String(policy.now)})`);

  for (const category of Object.keys(policy.relatedCategories).sort(compareCodeUnits)) {
    const related: unknown = policy.relatedCategories[category];
    if (!Array.isArray(related) || !related.every((c) => typeof c === 'string')) {
      problems.push(`relatedCategories.${category} must be a list of category codes`);
    } else if (related.includes(category)) {
      problems.push(`relatedCategories.${category} lists ${category} itself`);
    }
  }
  return problems;
}

/**
 * Whether a resource of one category may serve a demand of another: `exact`, `related`
 * (listed under either category: the relation is symmetric), or null.
 */
export function areCategoriesCompatible(
  resourceCategory: string,
  demandCategory: string,
  policy: MatchingPolicy,
): CategoryFit | null {
  if (resourceCategory === demandCategory) return 'exact';
  const related = policy.relatedCategories;
  if (ownList(related, demandCategory).includes(resourceCategory)) return 'related';
  if (ownList(related, resourceCategory).includes(demandCategory)) return 'related';
  return null;
}

/**
 * The policy's category relation made symmetric once, for many look-ups (candidate
 * generation); agrees with `areCategoriesCompatible`.
 */
export class CategoryCompatibility {
  private readonly related = new Map<string, Set<string>>();

  constructor(relatedCategories: MatchingPolicy['relatedCategories']) {
    for (const category of Object.keys(relatedCategories)) {
      for (const other of ownList(relatedCategories, category)) {
        if (other === category) continue;
        this.link(category, other);
        this.link(other, category);
      }
    }
  }

  fit(resourceCategory: string, demandCategory: string): CategoryFit | null {
    if (resourceCategory === demandCategory) return 'exact';
    return this.related.get(demandCategory)?.has(resourceCategory) ? 'related' : null;
  }

  /** Resource categories that may serve a demand of this category: itself first, then related ones. */
  servingCategories(demandCategory: string): string[] {
    const related = [...(this.related.get(demandCategory) ?? [])].sort(compareCodeUnits);
    return [demandCategory, ...related];
  }

  private link(from: string, to: string): void {
    const set = this.related.get(from) ?? new Set<string>();
    set.add(to);
    this.related.set(from, set);
  }
}

/** Locale-independent string order (UTF-16 code units), so results never depend on the host. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Category codes such as "constructor" must not reach Object.prototype.
function ownList(record: Record<string, string[]>, key: string): readonly string[] {
  if (!Object.hasOwn(record, key)) return [];
  const value: unknown = record[key];
  return Array.isArray(value) ? (value.filter((c) => typeof c === 'string') as string[]) : [];
}

function isFiniteNumber(value: unknown): value is number {
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for every non-number anyway
  return typeof value === 'number' && Number.isFinite(value);
}
