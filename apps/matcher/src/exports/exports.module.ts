import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { ListExportsService } from './list-exports.service';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** Spreadsheet exports of the joint meeting's lists, and its monthly report (issue 12). */
@Module({
  controllers: [ExportsController, ReportsController],
  providers: [ListExportsService, MonthlyReportService],
})
export class ExportsModule {}
