import { Controller, Get, UseFilters } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@redcrowd/nest-auth';
import { HealthCheckFailureFilter, ServiceHealth } from '@redcrowd/nest-kafka';

@Controller('health')
@UseFilters(HealthCheckFailureFilter)
export class HealthController {
  constructor(private readonly health: ServiceHealth) {}

  /** Readiness under its older name, kept for clients of `GET /health`. */
  @Get()
  @Public()
  check(): Promise<HealthCheckResult> {
    return this.health.ready();
  }

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
