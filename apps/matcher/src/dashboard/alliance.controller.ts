import { Controller, Get, Query } from '@nestjs/common';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { AllianceMap, AllianceOverview, UnmetDemand } from '@redcrowd/persistence';
import { DashboardReads } from './dashboard-reads.service';
import { AllianceQueryDto } from './dto/alliance-query.dto';

/**
 * The joint meeting's (联席会) picture of its alliance: overview figures, the map and the
 * unmet demands with why. The alliance is the caller's.
 */
@Controller('alliance')
export class AllianceController {
  constructor(private readonly reads: DashboardReads) {}

  @Get('overview')
  @Allow('coordinator', 'admin')
  overview(@Caller() caller: Principal, @Query() query: AllianceQueryDto): Promise<AllianceOverview> {
    return this.reads.overview(allianceOf(caller, query.allianceId));
  }

  @Get('unmet')
  @Allow('coordinator', 'admin')
  unmet(@Caller() caller: Principal, @Query() query: AllianceQueryDto): Promise<UnmetDemand[]> {
    return this.reads.unmet(allianceOf(caller, query.allianceId));
  }

  @Get('map')
  @Allow('coordinator', 'admin')
  map(@Caller() caller: Principal, @Query() query: AllianceQueryDto): Promise<AllianceMap> {
    return this.reads.map(allianceOf(caller, query.allianceId));
  }
}
