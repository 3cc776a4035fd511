import { Controller, Get } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Allow } from '@redcrowd/nest-auth';
import { DashboardRepository } from '@redcrowd/persistence';

/** The alliances this deployment serves, for an admin (who belongs to none) to pick one. */
@Controller('alliances')
export class AlliancesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: DashboardRepository,
  ) {}

  @Get()
  @Allow('admin')
  list() {
    return this.reads.alliances(this.dataSource.manager);
  }
}
