import type { Tx } from '../transaction';

export interface StoredClaim {
  decision: 'accepted' | 'rejected';
  answer: object;
}

/** Claims (认领) units made, with the answer each got. All SQL for claims lives here. */
export class ClaimRepository {
  async findClaim(tx: Tx, unitId: string, claimId: string): Promise<StoredClaim | undefined> {
    const [row] = (await tx.query(
      `SELECT decision, answer FROM claims WHERE unit_id = $1 AND claim_id = $2`,
      [unitId, claimId],
    )) as StoredClaim[];
    return row;
  }

  async acceptedQuantity(tx: Tx, projectId: string): Promise<{ total: number; units: Set<string> }> {
    const rows: Array<{ unit_id: string; accepted_quantity: number }> = await tx.query(
      `SELECT unit_id, accepted_quantity FROM claims WHERE project_id = $1 AND decision = 'accepted'`,
      [projectId],
    );
    return {
      total: rows.reduce((sum, row) => sum + row.accepted_quantity, 0),
      units: new Set(rows.map((row) => row.unit_id)),
    };
  }

  /** Accepted claims of a project by unit, for sharing out points. */
  async acceptedShares(tx: Tx, projectId: string): Promise<Array<{ unitId: string; quantity: number }>> {
    return tx.query(
      `SELECT unit_id AS "unitId", accepted_quantity AS quantity FROM claims
       WHERE project_id = $1 AND decision = 'accepted' ORDER BY unit_id`,
      [projectId],
    );
  }

  async recordClaim(
    tx: Tx,
    claim: {
      claimId: string;
      unitId: string;
      projectId: string | null;
      requestedQuantity: number;
      acceptedQuantity: number;
      decision: 'accepted' | 'rejected';
      code: string | null;
      reason: string | null;
      answer: object;
    },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO claims (claim_id, unit_id, project_id, requested_quantity, accepted_quantity, decision, code, reason, answer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        claim.claimId,
        claim.unitId,
        claim.projectId,
        claim.requestedQuantity,
        claim.acceptedQuantity,
        claim.decision,
        claim.code,
        claim.reason,
        JSON.stringify(claim.answer),
      ],
    );
  }
}
