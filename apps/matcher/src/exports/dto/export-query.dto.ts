import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsIdentifier } from '@redcrowd/contracts';
import { UNMET_REASONS } from '../../dashboard/dashboard-vocabulary';

/*
 * The filters of each export: those its screen uses. The alliance is the path's; the
 * dashboard's calls for an admin also carry it as ?allianceId=, which must then be the same.
 * The project list takes GET /projects' own filters (ProjectFiltersDto).
 */

/** GET .../exports/rankings.* */
export class ExportQueryDto {
  @IsOptional() @IsIdentifier() allianceId?: string;
}

/** GET .../exports/unmet.*: the unmet list's reason chips. */
export class UnmetExportQueryDto extends ExportQueryDto {
  @IsOptional() @IsIn(UNMET_REASONS) reason?: string;
}

/** GET .../exports/points.*: a coordinator may narrow to one unit; a unit gets its own. */
export class PointsExportQueryDto extends ExportQueryDto {
  @IsOptional() @IsIdentifier() unit?: string;
}

/** GET .../exports/claims.*: a coordinator may narrow to one unit; a unit gets its own. */
export class ClaimsExportQueryDto extends ExportQueryDto {
  @IsOptional() @IsIdentifier() unit?: string;
  @IsOptional() @IsIn(['accepted', 'rejected']) decision?: 'accepted' | 'rejected';
}

/** GET .../reports/monthly.*: the month on Beijing's clocks, this month when left out. */
export class MonthlyReportQueryDto extends ExportQueryDto {
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a month as YYYY-MM (e.g. 2026-11)' })
  month?: string;
}
