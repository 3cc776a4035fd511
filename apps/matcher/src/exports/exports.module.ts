import { Module } from '@nestjs/common';
import { PoliciesModule } from '../policies/policies.module';
import { ExportsController } from './exports.controller';
import { ListExportsService } from './list-exports.service';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** Spreadsheet exports of the joint meeting's lists, and its monthly report (issue 12). */
@Module({
  imports: [PoliciesModule],
  controllers: [ExportsController, ReportsController],
  providers: [ListExportsService, MonthlyReportService],
})
export class ExportsModule {}
