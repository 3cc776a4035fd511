import { Injectable } from '@nestjs/common';
import {
  DashboardRepository,
  ProjectListingRepository,
  ReportRepository,
  UnitOfWork,
  type ProjectFilters,
} from '@redcrowd/persistence';
import {
  claimsTable,
  csvOf,
  exportFileName,
  localToday,
  pointsLedgerTable,
  projectTable,
  rankingTable,
  unmetTable,
  workbookOf,
  type Table,
} from '@redcrowd/spreadsheets';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { CONTENT_TYPES, type ExportFile, type ExportFormat, type ExportScope } from './export-file';

/**
 * The lists the joint meeting (联席会) keeps in Excel, as files: the project list with its
 * allocations and claimers, unmet demands with why, the points ledger, the units' rankings and
 * the claims history. Each reads what its JSON route reads, filtered the same way, in one
 * snapshot when it takes more than one query.
 */
@Injectable()
export class ListExportsService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly listings: ProjectListingRepository,
    private readonly dashboard: DashboardRepository,
    private readonly reports: ReportRepository,
    private readonly policies: AlliancePolicyService,
  ) {}

  /** 项目清单: GET /projects' projects, with who claimed each. */
  async projects(scope: ExportScope, filters: ProjectFilters, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.work.read(async (tx) => {
      const projects = await this.listings.listForAlliance(tx, scope.allianceId, filters);
      const claims = await this.reports.acceptedClaims(
        tx,
        scope.allianceId,
        projects.map((project) => project.id),
      );
      return projects.map((project) => ({
        ...project,
        claims: claims.filter((claim) => claim.projectId === project.id),
      }));
    });
    const timeZone = await this.timeZoneOf(scope);
    return fileOf(projectTable(rows, timeZone), format, ['项目清单', scope.allianceName], timeZone);
  }

  /** 未满足需求: GET /alliance/unmet's demands, of one reason when asked. */
  async unmet(scope: ExportScope, reason: string | undefined, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.work.single((tx) => this.dashboard.unmet(tx, scope.allianceId));
    const shown = reason === undefined ? rows : rows.filter((row) => row.reason === reason);
    return fileOf(
      unmetTable(shown),
      format,
      ['未满足需求', scope.allianceName],
      await this.timeZoneOf(scope),
    );
  }

  /** 积分明细: the points ledger of the alliance, or of one unit. */
  async points(scope: ExportScope, unitId: string | undefined, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.work.single((tx) => this.reports.ledger(tx, scope.allianceId, unitId));
    return fileOf(
      pointsLedgerTable(rows),
      format,
      ['积分明细', scope.allianceName, unitId ?? ''],
      await this.timeZoneOf(scope),
    );
  }

  /** 单位排名: every member unit's points and projects, as the overview ranks them. */
  async rankings(scope: ExportScope, format: ExportFormat): Promise<ExportFile> {
    const rows = await this.work.single((tx) => this.reports.rankings(tx, scope.allianceId));
    return fileOf(rankingTable(rows), format, ['单位排名', scope.allianceName], await this.timeZoneOf(scope));
  }

  /** 认领记录: claims on the alliance's projects, of one unit or decision when asked. */
  async claims(
    scope: ExportScope,
    filters: { unitId?: string; decision?: string },
    format: ExportFormat,
  ): Promise<ExportFile> {
    const rows = await this.work.single((tx) => this.reports.claims(tx, scope.allianceId, filters));
    return fileOf(
      claimsTable(rows),
      format,
      ['认领记录', scope.allianceName, filters.unitId ?? ''],
      await this.timeZoneOf(scope),
    );
  }

  private async timeZoneOf(scope: ExportScope): Promise<string> {
    return (await this.policies.get(scope.allianceId)).timeZone;
  }
}

/** Times and the file's date are the alliance's local ones (its policy's time zone). */
async function fileOf<Row>(
  table: Table<Row>,
  format: ExportFormat,
  name: string[],
  timeZone: string,
): Promise<ExportFile> {
  return {
    name: exportFileName([...name, localToday(new Date(), timeZone)], format),
    type: CONTENT_TYPES[format],
    body: format === 'xlsx' ? await workbookOf([table], { timeZone }) : csvOf(table, { timeZone }),
    disposition: 'attachment',
  };
}
