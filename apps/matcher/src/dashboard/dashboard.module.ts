import { Module } from '@nestjs/common';
import { AllianceController } from './alliance.controller';
import { AlliancesController } from './alliances.controller';
import { DashboardReads } from './dashboard-reads.service';
import { MeController } from './me.controller';

/** The dashboard's read models: an alliance's picture, and what is each signed-in person's own. */
@Module({
  controllers: [AllianceController, AlliancesController, MeController],
  providers: [DashboardReads],
})
export class DashboardModule {}
