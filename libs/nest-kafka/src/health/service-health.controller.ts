import { Controller, Get, UseFilters } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@redcrowd/nest-auth';
import { HealthCheckFailureFilter } from './health-check-failure.filter';
import { ServiceHealth } from './service-health';

/** GET /health/live and /health/ready, the same on every app (documented per app). */
@Controller('health')
@UseFilters(HealthCheckFailureFilter)
export class ServiceHealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Get('live')
  @Public()
  live(): HealthCheckResult {
    return this.health.live();
  }

  @Get('ready')
  @Public()
  ready(): Promise<HealthCheckResult> {
    return this.health.ready();
  }
}
