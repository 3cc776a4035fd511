import type { DataSource, EntityManager } from 'typeorm';
import { defaultMatchingPolicy, validatePolicy, type MatchingPolicy } from '@redcrowd/matching';
import type { AlliancePolicyRepository, StoredAlliancePolicy } from '@redcrowd/persistence';
import { ReviewError } from '../review/review.errors';

/** An alliance's rules as the services use them: its own values over the deployment's defaults. */
export interface EffectivePolicy {
  offerWindowMs: number;
  pointsPerProject: number;
  matching: MatchingPolicy;
}

export interface PolicyDefaults {
  offerWindowMs: number;
  pointsPerProject: number;
}

// What an alliance may override in the matching policy; `now` is never stored.
const MATCHING_KEYS = [
  'weights',
  'relatedCategories',
  'relatedCategoryFit',
  'allowCrossAlliance',
  'urgencyFactor',
  'ageing',
];

/** Per-alliance policy (the joint meeting's rules): read with defaults, written validated. */
export class AlliancePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: AlliancePolicyRepository,
    private readonly defaults: PolicyDefaults,
  ) {}

  async effective(manager: EntityManager, allianceId: string, now = Date.now()): Promise<EffectivePolicy> {
    return this.merge(await this.policies.get(manager, allianceId), now);
  }

  get(allianceId: string): Promise<EffectivePolicy> {
    return this.effective(this.dataSource.manager, allianceId);
  }

  /** Replaces an alliance's overrides; refuses values that would break matching, naming them. */
  async put(allianceId: string, body: unknown): Promise<EffectivePolicy> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ReviewError('invalid-request', 'the policy must be a JSON object');
    }
    const input = body as Record<string, unknown>;
    const unknown = Object.keys(input).filter(
      (key) => !['offerWindowMs', 'pointsPerProject', 'matching'].includes(key),
    );
    if (unknown.length > 0)
      throw new ReviewError('invalid-request', `unknown policy fields: ${unknown.join(', ')}`);
    const stored: StoredAlliancePolicy = {
      offerWindowMs: wholeNumber(input.offerWindowMs, 'offerWindowMs', 60_000, 90 * 24 * 3_600_000),
      pointsPerProject: wholeNumber(input.pointsPerProject, 'pointsPerProject', 0, 1_000_000),
      matching: matchingOverrides(input.matching),
    };
    const problems = validatePolicy(this.merge(stored, Date.now()).matching);
    if (problems.length > 0)
      throw new ReviewError('invalid-request', `invalid matching policy: ${problems.join('; ')}`);
    await this.policies.put(this.dataSource.manager, allianceId, stored);
    return this.get(allianceId);
  }

  private merge(stored: StoredAlliancePolicy, now: number): EffectivePolicy {
    return {
      offerWindowMs: stored.offerWindowMs ?? this.defaults.offerWindowMs,
      pointsPerProject: stored.pointsPerProject ?? this.defaults.pointsPerProject,
      matching: { ...defaultMatchingPolicy(now), ...(stored.matching as Partial<MatchingPolicy>), now },
    };
  }
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw new ReviewError('invalid-request', `${name} must be a whole number from ${min} to ${max}`, name);
  }
  return value as number;
}

function matchingOverrides(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new ReviewError('invalid-request', 'matching must be an object');
  const unknown = Object.keys(value).filter((key) => !MATCHING_KEYS.includes(key));
  if (unknown.length > 0)
    throw new ReviewError('invalid-request', `unknown matching fields: ${unknown.join(', ')}`);
  return value as Record<string, unknown>;
}
