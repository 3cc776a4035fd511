import { Injectable } from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { DashboardRepository, ReportRepository, UnitOfWork } from '@redcrowd/persistence';
import {
  exportFileName,
  localToday,
  monthlyReportHtml,
  monthlyWorkbook,
  reportMonth,
  type MonthlyReport,
  type ReportMonth,
} from '@redcrowd/spreadsheets';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
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
    private readonly policies: AlliancePolicyService,
  ) {}

  async workbook(scope: ExportScope, month?: string): Promise<ExportFile> {
    const timeZone = await this.timeZoneOf(scope);
    const report = await this.report(scope, monthOf(month, timeZone));
    return {
      name: exportFileName(['联席会月度报告', scope.allianceName, report.month], 'xlsx'),
      type: CONTENT_TYPES.xlsx,
      body: await monthlyWorkbook(report, timeZone),
      disposition: 'attachment',
    };
  }

  async page(scope: ExportScope, month?: string): Promise<ExportFile> {
    const timeZone = await this.timeZoneOf(scope);
    const report = await this.report(scope, monthOf(month, timeZone));
    return {
      name: exportFileName(['联席会月度报告', scope.allianceName, report.month], 'html'),
      type: CONTENT_TYPES.html,
      body: Buffer.from(monthlyReportHtml(report, timeZone), 'utf8'),
      disposition: 'inline',
    };
  }

  private async timeZoneOf(scope: ExportScope): Promise<string> {
    return (await this.policies.get(scope.allianceId)).timeZone;
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

/** The month asked for (YYYY-MM; this month when none is) in the alliance's zone, or a 400 naming the field. */
export function monthOf(text: string | undefined, timeZone: string): ReportMonth {
  const asked = text ?? localToday(new Date(), timeZone).slice(0, 7);
  const month = reportMonth(asked, timeZone);
  if (!month) {
    throw new DomainError(
      'invalid-request',
      `month must be a month as YYYY-MM (e.g. 2026-11), not ${asked.slice(0, 40)}`,
      {
        field: 'month',
      },
    );
  }
  return month;
}
