import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { defaultMatchingPolicy, validatePolicy, type MatchingPolicy } from '@redcrowd/matching';
import {
  AlliancePolicyRepository,
  UnitOfWork,
  type StoredAlliancePolicy,
  type Tx,
} from '@redcrowd/persistence';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import type { AlliancePolicyDto } from './dto/policy.dto';

/** An alliance's rules as the services use them: its own values over the deployment's defaults. */
export interface EffectivePolicy {
  offerWindowMs: number;
  pointsPerProject: number;
  matching: MatchingPolicy;
  /** Submitters not on the roster may register by sending a list (they join as pending). */
  openRegistration: boolean;
  /** The IANA zone its calendar dates are whole days of, and its reports' months are months of. */
  timeZone: string;
}

/** Per-alliance policy (the joint meeting's rules): read with defaults, written validated. */
@Injectable()
export class AlliancePolicyService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly policies: AlliancePolicyRepository,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  /** The alliance's policy inside a use case's transaction. */
  async effective(tx: Tx, allianceId: string, now = Date.now()): Promise<EffectivePolicy> {
    return this.merge(await this.policies.get(tx, allianceId), now);
  }

  get(allianceId: string): Promise<EffectivePolicy> {
    return this.work.single((tx) => this.effective(tx, allianceId));
  }

  /** Replaces an alliance's overrides; refuses values that would break matching, naming them. */
  async put(allianceId: string, body: AlliancePolicyDto): Promise<EffectivePolicy> {
    const stored: StoredAlliancePolicy = {
      offerWindowMs: body.offerWindowMs ?? null,
      pointsPerProject: body.pointsPerProject ?? null,
      matching: { ...body.matching },
      openRegistration: body.openRegistration ?? false,
      timeZone: body.timeZone ?? null,
    };
    const problems = validatePolicy(this.merge(stored, Date.now()).matching);
    if (problems.length > 0) {
      throw new DomainError('invalid-request', `invalid matching policy: ${problems.join('; ')}`, {
        field: 'matching',
      });
    }
    await this.work.run((tx) => this.policies.put(tx, allianceId, stored));
    return this.get(allianceId);
  }

  private merge(stored: StoredAlliancePolicy, now: number): EffectivePolicy {
    return {
      offerWindowMs: stored.offerWindowMs ?? this.config.MATCHER_OFFER_WINDOW_MS,
      pointsPerProject: stored.pointsPerProject ?? this.config.MATCHER_POINTS_PER_PROJECT,
      matching: { ...defaultMatchingPolicy(now), ...(stored.matching as Partial<MatchingPolicy>), now },
      openRegistration: stored.openRegistration,
      timeZone: stored.timeZone ?? this.config.ALLIANCE_TIME_ZONE,
    };
  }
}
