import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * POST /projects/{projectId}/report: a unit's report of its part done (完成报告), sent as
 * multipart/form-data, whose fields are text; the photo is the file part `photo`.
 */
export class ReportWorkDto {
  /** What was done, for the community to confirm against. */
  @IsString()
  @MaxLength(1000)
  note!: string;

  /** Volunteer hours (志愿服务时长) as a decimal with at most one digit after the point: "2.5". */
  @IsString()
  @Matches(/^\s*\d{1,4}(?:\.\d)?\s*$/, { message: '$property must be a number of hours such as 2.5' })
  hours!: string;
}
