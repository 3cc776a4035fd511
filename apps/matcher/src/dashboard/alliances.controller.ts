import { Controller, Get } from '@nestjs/common';
import { Allow } from '@redcrowd/nest-auth';
import { DashboardReads } from './dashboard-reads.service';

/** The alliances this deployment serves, for an admin (who belongs to none) to pick one. */
@Controller('alliances')
export class AlliancesController {
  constructor(private readonly reads: DashboardReads) {}

  @Get()
  @Allow('admin')
  list() {
    return this.reads.alliances();
  }
}
