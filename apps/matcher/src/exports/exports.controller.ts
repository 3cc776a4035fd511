import { Controller, Get, Header, Param, Query, type StreamableFile } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ProjectFiltersDto } from '../review/dto/review.dto';
import {
  ClaimsExportQueryDto,
  ExportQueryDto,
  PointsExportQueryDto,
  UnmetExportQueryDto,
} from './dto/export-query.dto';
import { download, exportScope, unitScope, type ExportFormat } from './export-file';
import { ListExportsService } from './list-exports.service';

/**
 * The joint meeting's lists as Excel workbooks and CSV files (UTF-8 with BOM), filtered as
 * their screens are. Coordinators and admins export everything their JSON routes show; a
 * unit exports its own points and claims, as GET /me/points and /me/claims show them.
 */
@Controller('alliances/:allianceId/exports')
export class ExportsController {
  constructor(private readonly exports: ListExportsService) {}

  @Get('projects.xlsx')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  projectsXlsx(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ProjectFiltersDto,
  ) {
    return this.projects(caller, allianceId, query, 'xlsx');
  }

  @Get('projects.csv')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  projectsCsv(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ProjectFiltersDto,
  ) {
    return this.projects(caller, allianceId, query, 'csv');
  }

  @Get('unmet.xlsx')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  unmetXlsx(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: UnmetExportQueryDto,
  ) {
    return this.unmet(caller, allianceId, query, 'xlsx');
  }

  @Get('unmet.csv')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  unmetCsv(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: UnmetExportQueryDto,
  ) {
    return this.unmet(caller, allianceId, query, 'csv');
  }

  @Get('points.xlsx')
  @Allow('coordinator', 'admin', 'unit')
  @Header('Cache-Control', 'no-store')
  pointsXlsx(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: PointsExportQueryDto,
  ) {
    return this.points(caller, allianceId, query, 'xlsx');
  }

  @Get('points.csv')
  @Allow('coordinator', 'admin', 'unit')
  @Header('Cache-Control', 'no-store')
  pointsCsv(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: PointsExportQueryDto,
  ) {
    return this.points(caller, allianceId, query, 'csv');
  }

  @Get('rankings.xlsx')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  rankingsXlsx(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ExportQueryDto,
  ) {
    return this.rankings(caller, allianceId, query, 'xlsx');
  }

  @Get('rankings.csv')
  @Allow('coordinator', 'admin')
  @Header('Cache-Control', 'no-store')
  rankingsCsv(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ExportQueryDto,
  ) {
    return this.rankings(caller, allianceId, query, 'csv');
  }

  @Get('claims.xlsx')
  @Allow('coordinator', 'admin', 'unit')
  @Header('Cache-Control', 'no-store')
  claimsXlsx(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ClaimsExportQueryDto,
  ) {
    return this.claims(caller, allianceId, query, 'xlsx');
  }

  @Get('claims.csv')
  @Allow('coordinator', 'admin', 'unit')
  @Header('Cache-Control', 'no-store')
  claimsCsv(
    @Caller() caller: Principal,
    @Param('allianceId') allianceId: string,
    @Query() query: ClaimsExportQueryDto,
  ) {
    return this.claims(caller, allianceId, query, 'csv');
  }

  private async projects(
    caller: Principal,
    allianceId: string,
    query: ProjectFiltersDto,
    format: ExportFormat,
  ): Promise<StreamableFile> {
    const scope = exportScope(caller, allianceId, query.allianceId);
    // GET /projects' filters, named as ProjectQueries names them for the repository.
    const filters = {
      status: query.status,
      submitterId: query.community,
      category: query.category,
      unitId: query.unit,
      urgency: query.urgency,
    };
    return download(await this.exports.projects(scope, filters, format));
  }

  private async unmet(
    caller: Principal,
    allianceId: string,
    query: UnmetExportQueryDto,
    format: ExportFormat,
  ) {
    const scope = exportScope(caller, allianceId, query.allianceId);
    return download(await this.exports.unmet(scope, query.reason, format));
  }

  private async points(
    caller: Principal,
    allianceId: string,
    query: PointsExportQueryDto,
    format: ExportFormat,
  ) {
    const scope = exportScope(caller, allianceId, query.allianceId);
    return download(await this.exports.points(scope, unitScope(caller, query.unit, 'points'), format));
  }

  private async rankings(caller: Principal, allianceId: string, query: ExportQueryDto, format: ExportFormat) {
    const scope = exportScope(caller, allianceId, query.allianceId);
    return download(await this.exports.rankings(scope, format));
  }

  private async claims(
    caller: Principal,
    allianceId: string,
    query: ClaimsExportQueryDto,
    format: ExportFormat,
  ) {
    const scope = exportScope(caller, allianceId, query.allianceId);
    const filters = { unitId: unitScope(caller, query.unit, 'claims'), decision: query.decision };
    return download(await this.exports.claims(scope, filters, format));
  }
}
