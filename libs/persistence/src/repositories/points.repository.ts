import type { Tx } from '../transaction';

/** The volunteer points bank (积分): credits per completed project and unit. All SQL for points lives here. */
export class PointsRepository {
  /** Credits points (积分); once per project and unit, so a retried completion credits nothing twice. */
  async creditPoints(
    tx: Tx,
    allianceId: string,
    projectId: string,
    credits: Array<{ unitId: string; points: number }>,
    reason: string,
  ): Promise<void> {
    if (credits.length === 0) return;
    await tx.query(
      `INSERT INTO points_ledger (alliance_id, unit_id, project_id, points, reason)
       SELECT $1, c."unitId", $2, c.points, $3 FROM jsonb_to_recordset($4::jsonb) AS c("unitId" text, points integer)
       ON CONFLICT (project_id, unit_id) DO NOTHING`,
      [allianceId, projectId, reason, JSON.stringify(credits)],
    );
  }

  async pointsOf(
    tx: Tx,
    allianceId: string,
    unitId: string,
  ): Promise<{
    total: number;
    entries: Array<{ projectId: string; points: number; reason: string; at: Date }>;
  }> {
    const entries: Array<{ projectId: string; points: number; reason: string; at: Date }> = await tx.query(
      `SELECT project_id AS "projectId", points, reason, at FROM points_ledger
       WHERE alliance_id = $1 AND unit_id = $2 ORDER BY at, id`,
      [allianceId, unitId],
    );
    return { total: entries.reduce((sum, entry) => sum + entry.points, 0), entries };
  }
}
