import { Injectable } from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { DashboardRepository, ReportRepository, UnitOfWork } from '@redcrowd/persistence';
import {
  ALLIANCE_TIME_ZONE,
  exportFileName,
  localToday,
  monthlyReportHtml,
  monthlyWorkbook,
  reportMonth,
  type MonthlyReport,
  type ReportMonth,
} from '@redcrowd/spreadsheets';
import { CONTENT_TYPES, type ExportFile, type ExportScope } from './export-file';

/**
 * The joint meeting's (联席会) monthly report of an alliance: the month's projects, completions
 * with their ratings, unmet demands and unit rankings, as a workbook or a printable page.
 * Months begin at midnight in the alliance's time zone; everything is read in one snapshot.
 */
@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly reports: ReportRepository,
    private readonly dashboard: DashboardRepository,
  ) {}

  async workbook(scope: ExportScope, month?: string): Promise<ExportFile> {
    const report = await this.report(scope, monthOf(month));
    return {
      name: exportFileName(['联席会月度报告', scope.allianceName, report.month], 'xlsx'),
      type: CONTENT_TYPES.xlsx,
      body: await monthlyWorkbook(report, ALLIANCE_TIME_ZONE),
      disposition: 'attachment',
    };
  }

  async page(scope: ExportScope, month?: string): Promise<ExportFile> {
    const report = await this.report(scope, monthOf(month));
    return {
      name: exportFileName(['联席会月度报告', scope.allianceName, report.month], 'html'),
      type: CONTENT_TYPES.html,
      body: Buffer.from(monthlyReportHtml(report, ALLIANCE_TIME_ZONE), 'utf8'),
      disposition: 'inline',
    };
  }

  async report(scope: ExportScope, month: ReportMonth): Promise<MonthlyReport> {
    const period = { from: month.from, to: month.to };
    const allianceId = scope.allianceId;
    return this.work.read(async (tx) => {
      const projects = await this.reports.monthProjects(tx, allianceId, period);
      const completions = await this.reports.monthCompletions(tx, allianceId, period);
      const projectIds = [
        ...new Set([...projects.map((row) => row.id), ...completions.map((row) => row.projectId)]),
      ];
      const claims = await this.reports.acceptedClaims(tx, allianceId, projectIds, month.to);
      const claimsOf = (projectId: string) => claims.filter((claim) => claim.projectId === projectId);
      return {
        allianceName: scope.allianceName,
        month: month.month,
        generatedAt: new Date(),
        projects: projects.map((row) => ({ ...row, claims: claimsOf(row.id) })),
        completions: completions.map((row) => ({ ...row, claims: claimsOf(row.projectId) })),
        unmet: await this.dashboard.unmet(tx, allianceId),
        rankings: await this.reports.rankings(tx, allianceId, period),
      };
    });
  }
}

/** The month asked for (YYYY-MM; this month when none is), or a 400 naming the field. */
export function monthOf(text: string = localToday().slice(0, 7)): ReportMonth {
  const month = reportMonth(text, ALLIANCE_TIME_ZONE);
  if (!month) {
    throw new DomainError(
      'invalid-request',
      `month must be a month as YYYY-MM (e.g. 2026-11), not ${text.slice(0, 40)}`,
      {
        field: 'month',
      },
    );
  }
  return month;
}
