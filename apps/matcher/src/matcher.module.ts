import { Module, type DynamicModule } from '@nestjs/common';
import { RequestLoggingModule } from '@redcrowd/nest-http';
import type { JsonLogger } from '@redcrowd/runtime';
import { AccountsModule } from './accounts/accounts.module';
import { ClaimsModule } from './claims/claims.module';
import type { MatcherConfig } from './config/matcher.config';
import { MatcherCoreModule } from './core/matcher-core.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { ExportsModule } from './exports/exports.module';
import { GazetteerModule } from './gazetteer/gazetteer.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { MetricsModule } from './metrics/metrics.module';
import { PoliciesModule } from './policies/policies.module';
import { ProgressModule } from './progress/progress.module';
import { ProjectsModule } from './projects/projects.module';
import { ReviewModule } from './review/review.module';
import { RosterModule } from './roster/roster.module';
import { RoundsModule } from './rounds/rounds.module';

/** The matcher: its shared core and one module per feature (see docs/architecture.md). */
@Module({})
export class MatcherModule {
  static forRoot(config: MatcherConfig, logger: JsonLogger): DynamicModule {
    return {
      module: MatcherModule,
      imports: [
        RequestLoggingModule.forRoot(logger),
        MatcherCoreModule.forRoot(config, logger),
        AccountsModule,
        PoliciesModule,
        RosterModule,
        GazetteerModule,
        ProjectsModule,
        RoundsModule,
        ClaimsModule,
        ReviewModule,
        ProgressModule,
        DashboardModule,
        ExportsModule,
        LiveModule,
        HealthModule,
        MetricsModule,
      ],
    };
  }
}
