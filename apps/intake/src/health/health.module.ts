import { Module } from '@nestjs/common';
import { ServiceHealthModule } from '@redcrowd/nest-kafka';
import { LegacyHealthController } from './health.controller';

/** GET /health/live and /health/ready (ServiceHealthModule), and /health, readiness' older name. */
@Module({
  imports: [ServiceHealthModule.forRoot()],
  controllers: [LegacyHealthController],
})
export class HealthModule {}
