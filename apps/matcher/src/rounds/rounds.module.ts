import { Module, type DynamicModule } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay } from '@redcrowd/kafka';
import { KAFKA, PRODUCER, serviceInfrastructure } from '@redcrowd/nest-kafka';
import {
  AlliancePolicyRepository,
  ClaimsRepository,
  MatchingPoolRepository,
  OutboxRepository,
  ProjectRepository,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { MatcherConfig } from '../config/matcher.config';
import { ListsAcceptedHandler } from './lists-accepted.handler';
import { MatchingRoundService } from './matching-round.service';
import { ClaimDecisionService } from '../claims/claim-decision.service';
import { ClaimsController } from '../claims/claims.controller';
import { ClaimsHandler } from '../claims/claims.handler';
import { OfferExpiryService } from '../claims/offer-expiry.service';
import { OfferService } from '../claims/offer.service';
import { ProgressController } from '../claims/progress.controller';
import { ProjectProgressService } from '../claims/project-progress.service';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { PoliciesController } from '../policies/policies.controller';
import { ProjectReviewService } from '../review/project-review.service';
import { ProjectsController } from '../review/projects.controller';
import { RoundsController } from './rounds.controller';
import { MATCHER_CONFIG } from './tokens';

@Module({})
export class RoundsModule {
  static forRoot(config: MatcherConfig, logger: JsonLogger): DynamicModule {
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    return {
      module: RoundsModule,
      controllers: [
        ListsAcceptedHandler,
        ClaimsHandler,
        RoundsController,
        ProjectsController,
        ClaimsController,
        ProgressController,
        PoliciesController,
      ],
      providers: [
        { provide: MATCHER_CONFIG, useValue: config },
        ...serviceInfrastructure({
          service: 'matcher',
          clientId: config.MATCHER_CLIENT_ID,
          config,
          logger,
          stopFirst: [OfferExpiryService],
        }),
        MatchingPoolRepository,
        ProjectRepository,
        ProjectReviewRepository,
        AlliancePolicyRepository,
        {
          provide: AlliancePolicyService,
          inject: [DataSource, AlliancePolicyRepository],
          useFactory: (dataSource: DataSource, policies: AlliancePolicyRepository) =>
            new AlliancePolicyService(dataSource, policies, {
              offerWindowMs: config.MATCHER_OFFER_WINDOW_MS,
              pointsPerProject: config.MATCHER_POINTS_PER_PROJECT,
            }),
        },
        ClaimsRepository,
        {
          provide: OfferService,
          inject: [ClaimsRepository, ProjectReviewRepository, ProjectRepository, AlliancePolicyService],
          useFactory: (
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            projects: ProjectRepository,
            policies: AlliancePolicyService,
          ) =>
            new OfferService({
              claims,
              review,
              projects,
              topics,
              offerWindowFor: async (manager, allianceId) =>
                (await policies.effective(manager, allianceId)).offerWindowMs,
            }),
        },
        {
          provide: ProjectReviewService,
          inject: [
            DataSource,
            ProjectReviewRepository,
            ProjectRepository,
            OutboxRepository,
            OutboxRelay,
            OfferService,
            MatchingPoolRepository,
            AlliancePolicyService,
          ],
          useFactory: (
            dataSource: DataSource,
            review: ProjectReviewRepository,
            projects: ProjectRepository,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            offers: OfferService,
            pool: MatchingPoolRepository,
            policies: AlliancePolicyService,
          ) =>
            new ProjectReviewService({
              dataSource,
              review,
              projects,
              outbox,
              relay,
              offers,
              pool,
              policyFor: async (manager, allianceId, now) =>
                (await policies.effective(manager, allianceId, now)).matching,
              topics,
            }),
        },
        {
          provide: ClaimDecisionService,
          inject: [
            DataSource,
            ClaimsRepository,
            ProjectReviewRepository,
            OfferService,
            OutboxRepository,
            OutboxRelay,
            PRODUCER,
          ],
          useFactory: (
            dataSource: DataSource,
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            offers: OfferService,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            producer: Producer,
          ) =>
            new ClaimDecisionService({ dataSource, claims, review, offers, outbox, relay, producer, topics }),
        },
        {
          provide: ProjectProgressService,
          inject: [
            DataSource,
            ClaimsRepository,
            ProjectReviewRepository,
            OfferService,
            OutboxRepository,
            OutboxRelay,
            AlliancePolicyService,
          ],
          useFactory: (
            dataSource: DataSource,
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            offers: OfferService,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            policies: AlliancePolicyService,
          ) =>
            new ProjectProgressService({
              dataSource,
              claims,
              review,
              offers,
              outbox,
              relay,
              pointsFor: async (manager, allianceId) =>
                (await policies.effective(manager, allianceId)).pointsPerProject,
            }),
        },
        {
          provide: OfferExpiryService,
          inject: [
            DataSource,
            ClaimsRepository,
            ProjectReviewRepository,
            OfferService,
            OutboxRepository,
            OutboxRelay,
            MatchingRoundService,
          ],
          useFactory: (
            dataSource: DataSource,
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            offers: OfferService,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            rounds: MatchingRoundService,
          ) => {
            const expiry = new OfferExpiryService({
              dataSource,
              claims,
              review,
              offers,
              outbox,
              relay,
              rematch: (allianceId) => rounds.run(allianceId, 'offer-expired'),
              logger,
            });
            expiry.start(config.MATCHER_OFFER_SWEEP_MS);
            return expiry;
          },
        },
        {
          provide: MatchingRoundService,
          inject: [
            DataSource,
            MatchingPoolRepository,
            ProjectRepository,
            OutboxRepository,
            OutboxRelay,
            AlliancePolicyService,
          ],
          useFactory: (
            dataSource: DataSource,
            pool: MatchingPoolRepository,
            projects: ProjectRepository,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            policies: AlliancePolicyService,
          ) =>
            new MatchingRoundService({
              dataSource,
              pool,
              projects,
              outbox,
              relay,
              topics,
              policyFor: async (manager, allianceId, now) =>
                (await policies.effective(manager, allianceId, now)).matching,
              logger,
            }),
        },
      ],
      exports: [KAFKA],
    };
  }
}
