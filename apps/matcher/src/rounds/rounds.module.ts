import { Module, type DynamicModule } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay } from '@redcrowd/kafka';
import { authProviders } from '@redcrowd/nest-auth';
import { KAFKA, PRODUCER, serviceInfrastructure } from '@redcrowd/nest-kafka';
import {
  AlliancePolicyRepository,
  ClaimsRepository,
  DashboardRepository,
  MatchingPoolRepository,
  OutboxRepository,
  ProjectRepository,
  ProjectReviewRepository,
  UnmatchedDemandRepository,
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
import { ProjectStatusWriter } from '../projects/project-status.writer';
import { ProjectReviewService } from '../review/project-review.service';
import { ProjectsController } from '../review/projects.controller';
import { RoundsController } from './rounds.controller';
import { MATCHER_CONFIG, MATCHER_WORK, type MatcherWork } from './tokens';
import { TenantScope } from '../access/tenant-scope';
import { AllianceController } from '../dashboard/alliance.controller';
import { AlliancesController } from '../dashboard/alliances.controller';
import { MeController } from '../dashboard/me.controller';
import { ChangeFeed } from '../live/change-feed';

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
        MeController,
        AllianceController,
        AlliancesController,
      ],
      providers: [
        { provide: MATCHER_CONFIG, useValue: config },
        ...authProviders(config),
        ...serviceInfrastructure({
          service: 'matcher',
          clientId: config.MATCHER_CLIENT_ID,
          config,
          logger,
          stopFirst: [OfferExpiryService, ChangeFeed],
        }),
        DashboardRepository,
        UnmatchedDemandRepository,
        {
          provide: TenantScope,
          inject: [DataSource, DashboardRepository],
          useFactory: (dataSource: DataSource, reads: DashboardRepository) =>
            new TenantScope(dataSource, reads),
        },
        {
          provide: ChangeFeed,
          useFactory: async () => {
            const feed = new ChangeFeed(config.DATABASE_URL, logger);
            await feed.start();
            return feed;
          },
        },
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
          provide: ProjectStatusWriter,
          inject: [ProjectRepository],
          useFactory: (projects: ProjectRepository) =>
            new ProjectStatusWriter(projects, topics.projectsStatusChanged),
        },
        {
          provide: OfferService,
          inject: [ClaimsRepository, ProjectReviewRepository, AlliancePolicyService, ProjectStatusWriter],
          useFactory: (
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            policies: AlliancePolicyService,
            status: ProjectStatusWriter,
          ) =>
            new OfferService({
              status,
              claims,
              review,
              topics,
              offerWindowFor: async (manager, allianceId) =>
                (await policies.effective(manager, allianceId)).offerWindowMs,
            }),
        },
        {
          // What the project services share, built once instead of listed per service.
          provide: MATCHER_WORK,
          inject: [
            DataSource,
            ClaimsRepository,
            ProjectReviewRepository,
            ProjectRepository,
            MatchingPoolRepository,
            UnmatchedDemandRepository,
            OfferService,
            OutboxRepository,
            OutboxRelay,
            PRODUCER,
            ProjectStatusWriter,
            AlliancePolicyService,
          ],
          useFactory: (
            dataSource: DataSource,
            claims: ClaimsRepository,
            review: ProjectReviewRepository,
            projects: ProjectRepository,
            pool: MatchingPoolRepository,
            unmatched: UnmatchedDemandRepository,
            offers: OfferService,
            outbox: OutboxRepository,
            relay: OutboxRelay,
            producer: Producer,
            status: ProjectStatusWriter,
            policies: AlliancePolicyService,
          ): MatcherWork => ({
            dataSource,
            claims,
            review,
            projects,
            pool,
            unmatched,
            offers,
            outbox,
            relay,
            producer,
            status,
            topics,
            logger,
            policyFor: async (manager, allianceId, now) =>
              (await policies.effective(manager, allianceId, now)).matching,
            pointsFor: async (manager, allianceId) =>
              (await policies.effective(manager, allianceId)).pointsPerProject,
          }),
        },
        {
          provide: ProjectReviewService,
          inject: [MATCHER_WORK],
          useFactory: (work: MatcherWork) => new ProjectReviewService(work),
        },
        {
          provide: ClaimDecisionService,
          inject: [MATCHER_WORK],
          useFactory: (work: MatcherWork) => new ClaimDecisionService(work),
        },
        {
          provide: ProjectProgressService,
          inject: [MATCHER_WORK],
          useFactory: (work: MatcherWork) => new ProjectProgressService(work),
        },
        {
          provide: MatchingRoundService,
          inject: [MATCHER_WORK],
          useFactory: (work: MatcherWork) => new MatchingRoundService(work),
        },
        {
          provide: OfferExpiryService,
          inject: [MATCHER_WORK, MatchingRoundService],
          useFactory: (work: MatcherWork, rounds: MatchingRoundService) => {
            const expiry = new OfferExpiryService({
              ...work,
              rematch: (allianceId) => rounds.run(allianceId, 'offer-expired'),
            });
            expiry.start(config.MATCHER_OFFER_SWEEP_MS);
            return expiry;
          },
        },
      ],
      exports: [KAFKA],
    };
  }
}
