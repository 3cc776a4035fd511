import type { Tx } from '../transaction';
import { unitNameOf } from './project-outcomes.sql';

/** A unit's report that its part is done (完成报告), without the photo's bytes. */
export interface StoredWorkReport {
  unitId: string;
  /** The unit's name in the alliance (its lists', else the roster's). */
  unitName: string | null;
  note: string;
  hours: number;
  /** The photo's media type, when the report has a photo. */
  photoType: string | null;
  reportedAt: Date;
}

/** The photo of a work report, to serve as it was checked. */
export interface WorkReportPhoto {
  bytes: Buffer;
  mediaType: string;
}

/** The claiming units' reports of work done (project_work_reports). All SQL for them lives here. */
export class WorkReportRepository {
  /** Writes the unit's report, replacing its earlier one; the photo too, or none when absent. */
  async save(
    tx: Tx,
    report: { projectId: string; unitId: string; note: string; hours: number; photo?: WorkReportPhoto },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO project_work_reports (project_id, unit_id, note, hours, photo, photo_type)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id, unit_id) DO UPDATE SET note = excluded.note, hours = excluded.hours,
         photo = excluded.photo, photo_type = excluded.photo_type, reported_at = now()`,
      [
        report.projectId,
        report.unitId,
        report.note,
        report.hours,
        report.photo?.bytes ?? null,
        report.photo?.mediaType ?? null,
      ],
    );
  }

  /** The units that have reported on the project. */
  async reportedUnitIds(tx: Tx, projectId: string): Promise<string[]> {
    const rows: Array<{ unitId: string }> = await tx.query(
      `SELECT unit_id AS "unitId" FROM project_work_reports WHERE project_id = $1 ORDER BY unit_id`,
      [projectId],
    );
    return rows.map((row) => row.unitId);
  }

  /** The project's reports, oldest first, each with its unit's name. */
  async reportsOf(tx: Tx, projectId: string): Promise<StoredWorkReport[]> {
    const rows: Array<Omit<StoredWorkReport, 'hours'> & { hours: string }> = await tx.query(
      `SELECT r.unit_id AS "unitId", ${unitNameOf('p.alliance_id', 'r.unit_id')} AS "unitName", r.note,
              r.hours, r.photo_type AS "photoType", r.reported_at AS "reportedAt"
       FROM project_work_reports r JOIN projects p ON p.id = r.project_id
       WHERE r.project_id = $1 ORDER BY r.reported_at, r.id`,
      [projectId],
    );
    return rows.map((row) => ({ ...row, hours: Number(row.hours) }));
  }

  async photoOf(tx: Tx, projectId: string, unitId: string): Promise<WorkReportPhoto | undefined> {
    const rows: Array<{ bytes: Buffer; mediaType: string }> = await tx.query(
      `SELECT photo AS bytes, photo_type AS "mediaType" FROM project_work_reports
       WHERE project_id = $1 AND unit_id = $2 AND photo IS NOT NULL`,
      [projectId, unitId],
    );
    return rows[0];
  }
}
