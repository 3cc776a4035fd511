import { Module } from '@nestjs/common';
import { ServiceHealthModule } from '@redcrowd/nest-kafka';
import { HealthController } from './health.controller';

/** GET /health/live and /health/ready: database, both consumer groups, outbox backlog. */
@Module({
  imports: [ServiceHealthModule.forRoot()],
  controllers: [HealthController],
})
export class HealthModule {}
