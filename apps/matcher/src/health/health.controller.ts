import { Controller, Get, UseFilters } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@redcrowd/nest-auth';
import { HealthCheckFailureFilter, ServiceHealth } from '@redcrowd/nest-kafka';

@Controller('health')
@UseFilters(HealthCheckFailureFilter)
export class HealthController {
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
