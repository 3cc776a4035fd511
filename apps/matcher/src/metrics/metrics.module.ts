import { Module, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PROJECT_STATUSES } from '@redcrowd/contracts';
import { ServiceMetrics, ServiceMetricsModule } from '@redcrowd/nest-kafka';
import { ProjectCountsRepository, UnitOfWork } from '@redcrowd/persistence';
import { ClaimDecisionService } from '../claims/claim-decision.service';
import { OfferExpiryService } from '../claims/offer-expiry.service';
import { ChangeFeed } from '../live/change-feed';
import { LiveModule } from '../live/live.module';
import { MatchingRoundService } from '../rounds/matching-round.service';
import { recordClaims } from './claim-metrics';
import { MetricsController } from './metrics.controller';
import { recordRounds } from './round-metrics';

/**
 * GET /metrics: what every service reports (ServiceMetricsModule), the projects (项目清单)
 * by status, read with one GROUP BY per scrape, the live page streams open here, matching
 * rounds and solver time, and claims decided by outcome.
 */
@Module({
  imports: [ServiceMetricsModule.forRoot('matcher'), LiveModule],
  controllers: [MetricsController],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: ServiceMetrics,
    private readonly unitOfWork: UnitOfWork,
    private readonly feed: ChangeFeed,
    // The services below are provided by RoundsModule and ClaimsModule, beside this one.
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    recordRounds(this.metrics, this.moduleRef.get(MatchingRoundService, { strict: false }));
    recordClaims(
      this.metrics,
      this.moduleRef.get(ClaimDecisionService, { strict: false }),
      this.moduleRef.get(OfferExpiryService, { strict: false }),
    );
    const counts = new ProjectCountsRepository();
    this.metrics.addScrapedGauge({
      name: 'redcrowd_projects',
      help: 'Projects across every alliance, by status (0 for a status no project is in).',
      labelNames: ['status'],
      collect: async (gauge) => {
        const rows = await this.unitOfWork.read((tx) => counts.byStatus(tx));
        const byStatus = new Map(rows.map((row) => [row.status, row.count]));
        for (const status of PROJECT_STATUSES) gauge.set({ status }, byStatus.get(status) ?? 0);
      },
    });
    this.metrics.addScrapedGauge({
      name: 'redcrowd_live_streams',
      help: 'Live page streams (GET /alliance/live) open on this instance.',
      collect: (gauge) => {
        gauge.set(this.feed.subscriptions);
      },
    });
  }
}
