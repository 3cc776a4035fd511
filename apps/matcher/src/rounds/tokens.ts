import type { EntityManager, DataSource } from 'typeorm';
import type { Producer } from 'kafkajs';
import type { TopicId } from '@redcrowd/contracts';
import type { OutboxRelay } from '@redcrowd/kafka';
import type { MatchingPolicy } from '@redcrowd/matching';
import type {
  ClaimsRepository,
  MatchingPoolRepository,
  OutboxRepository,
  ProjectRepository,
  ProjectReviewRepository,
  UnmatchedDemandRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { OfferService } from '../claims/offer.service';
import type { ProjectStatusWriter } from '../projects/project-status.writer';

export const MATCHER_CONFIG = Symbol('MATCHER_CONFIG');
export const MATCHER_WORK = Symbol('MATCHER_WORK');

/**
 * What the matcher's project services (rounds, review, claims, progress, expiry) depend on.
 * Each service's own dependency interface is a subset of this, so one object serves all.
 */
export interface MatcherWork {
  dataSource: DataSource;
  claims: ClaimsRepository;
  review: ProjectReviewRepository;
  projects: ProjectRepository;
  pool: MatchingPoolRepository;
  unmatched: UnmatchedDemandRepository;
  offers: OfferService;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  producer: Producer;
  status: ProjectStatusWriter;
  topics: Record<TopicId, string>;
  logger: JsonLogger;
  /** The alliance's matching policy at `now` (weights, related categories, ...). */
  policyFor: (manager: EntityManager, allianceId: string, now: number) => Promise<MatchingPolicy>;
  /** Points (积分) a completed project earns in the alliance. */
  pointsFor: (manager: EntityManager, allianceId: string) => Promise<number>;
}
