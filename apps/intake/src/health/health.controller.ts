import { Controller, Get, UseFilters } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@redcrowd/nest-auth';
import { HealthCheckFailureFilter, ServiceHealth } from '@redcrowd/nest-kafka';

/** GET /health: readiness under its older name, kept for intake's existing clients. */
@Controller('health')
@UseFilters(HealthCheckFailureFilter)
export class LegacyHealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Get()
  @Public()
  check(): Promise<HealthCheckResult> {
    return this.health.ready();
  }
}
