import type { Tx } from '../transaction';

/** Which alliance a project or offer belongs to, for the tenant check before any handler touches it. */
export class TenancyRepository {
  async allianceOfProject(tx: Tx, projectId: string): Promise<string | undefined> {
    const [row] = (await tx.query(`SELECT alliance_id AS "allianceId" FROM projects WHERE id = $1`, [
      projectId,
    ])) as Array<{ allianceId: string }>;
    return row?.allianceId;
  }

  async allianceOfOffer(tx: Tx, offerId: string): Promise<string | undefined> {
    const [row] = (await tx.query(
      `SELECT p.alliance_id AS "allianceId" FROM offers o JOIN projects p ON p.id = o.project_id WHERE o.id = $1`,
      [offerId],
    )) as Array<{ allianceId: string }>;
    return row?.allianceId;
  }
}
