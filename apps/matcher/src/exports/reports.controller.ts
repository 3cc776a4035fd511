import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { MonthlyReportQueryDto } from './dto/export-query.dto';
import { download, exportScope } from './export-file';
import { MonthlyReportService } from './monthly-report.service';

/**
 * The joint meeting's (联席会) monthly report of its alliance, for coordinators and admins:
 * a workbook, or a printable page (A4) in Chinese. `?month=` is YYYY-MM on Beijing's clocks,
 * this month when left out.
 */
@Controller('alliances/:allianceId/reports')
export class ReportsController {
  constructor(private readonly reports: MonthlyReportService) {}

  @Get('monthly.xlsx')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  async workbook(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: MonthlyReportQueryDto,
  ) {
    return download(
      await this.reports.workbook(exportScope(caller, allianceId, query.allianceId), query.month),
    );
  }

  // The page is self-contained: no script, no fetch, its own styles only.
  @Get('monthly.html')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'")
  async page(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: MonthlyReportQueryDto,
  ) {
    return download(await this.reports.page(exportScope(caller, allianceId, query.allianceId), query.month));
  }
}
